export * from './invoice.schema';
export * from './currency.schema';
export * as Providers from './providers';
