export * from './order.schema';
export * from './new-order.schema';
export * as Providers from './providers';
