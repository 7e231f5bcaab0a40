export * from './provisioning.schema';
export * from './provisioning-job.util';
export * as Providers from './providers';
