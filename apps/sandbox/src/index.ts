export { loadSandboxEnv, sandboxEnvSchema, type SandboxEnv } from './config/sandbox-env';
export { startSandbox, buildSimulators, type RunningSandbox } from './sandbox';
export type { Simulator } from './simulator';
export { FreebitSimulator, type FreebitSimulatorOptions } from './freebit/freebit-simulator';
export { WhmcsSimulator, type WhmcsSimulatorOptions } from './whmcs/whmcs-simulator';
export { createSalesforceSimulator } from './salesforce/salesforce-simulator';
export {
  buildSalesforceSimulator,
  salesforceConfigFromEnv,
  DEV_CLIENT_ID,
  DEV_CONNECTED_APP_KEY,
} from './salesforce/salesforce-sandbox';
export type { SalesforceSimulator, SalesforceSimulatorConfig } from './salesforce/salesforce-simulator.types';
