export * from './common/identifiers.schema';
export * from './common/mapping.errors';
export * from './common/money.schema';
export * from './common/money.util';
export * from './common/time.schema';
export * from './common/billing-cycle.schema';
export * as Billing from './billing';
export * from './world/world.schema';
export * as Subscriptions from './subscriptions';
