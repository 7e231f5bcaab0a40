export * from './envelope.schema';
export * from './envelope.util';
export * from './freebit.errors';
export * from './raw.schema';
export * from './mapper';
