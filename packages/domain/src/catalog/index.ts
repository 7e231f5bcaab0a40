export * from './catalog-product.schema';
export * as Providers from './providers';
