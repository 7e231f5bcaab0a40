export * from './raw.schema';
export * from './mapper';
