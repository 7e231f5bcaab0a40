export { loadSandboxEnv, sandboxEnvSchema, type SandboxEnv } from './config/sandbox-env';
export { startSandbox, buildSimulators, type RunningSandbox } from './sandbox';
export type { Simulator } from './simulator';
export { FreebitSimulator, type FreebitSimulatorOptions } from './freebit/freebit-simulator';
