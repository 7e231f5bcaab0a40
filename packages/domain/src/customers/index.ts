export * from './customer.schema';
export * from './customer-profile.util';
export * as Providers from './providers';
