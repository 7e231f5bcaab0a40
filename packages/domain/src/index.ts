export * from './common/identifiers.schema';
