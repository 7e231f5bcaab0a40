export * from './sim.schema';
export * as Providers from './providers';
