export * from './subscription.schema';
export * as Providers from './providers';
