import Fastify, { type FastifyInstance } from 'fastify';
import type { SandboxEnv } from './config/sandbox-env';
import { FreebitSimulator } from './freebit/freebit-simulator';
import { buildSalesforceSimulator } from './salesforce/salesforce-sandbox';
import type { Simulator } from './simulator';
import { WhmcsSimulator } from './whmcs/whmcs-simulator';

export interface RunningSandbox {
  readonly control: FastifyInstance;
  readonly urls: Record<string, Record<string, string>>;
  stop(): Promise<void>;
}

/** Builds the simulators this sandbox hosts. Each simulator mounts on its own port. */
export function buildSimulators(env: SandboxEnv): Simulator[] {
  return [
    buildSalesforceSimulator(env),
    new WhmcsSimulator({
      host: env.SANDBOX_HOST,
      port: env.SANDBOX_WHMCS_PORT,
      identifier: env.SANDBOX_WHMCS_IDENTIFIER,
      secret: env.SANDBOX_WHMCS_SECRET,
      authErrorStatus: env.SANDBOX_WHMCS_AUTH_ERROR_STATUS,
      webhookUrl: env.SANDBOX_WHMCS_WEBHOOK_URL,
      webhookSecrets: env.SANDBOX_WHMCS_WEBHOOK_SECRETS.split(',').filter(Boolean),
      extraClients: env.SANDBOX_WHMCS_EXTRA_CLIENTS,
      invoicesPerClient: env.SANDBOX_WHMCS_INVOICES_PER_CLIENT,
    }),
    new FreebitSimulator({
      host: env.SANDBOX_HOST,
      port: env.SANDBOX_FREEBIT_PORT,
      oemId: env.SANDBOX_FREEBIT_OEM_ID,
      oemKey: env.SANDBOX_FREEBIT_OEM_KEY,
      authKeyTtlMs: env.SANDBOX_FREEBIT_AUTH_KEY_TTL_SECONDS * 1_000,
      activationDelayMs: env.SANDBOX_FREEBIT_ACTIVATION_DELAY_MS,
    }),
  ];
}

/** Starts the control server (`/health`) and every simulator. */
export async function startSandbox(
  env: SandboxEnv,
  simulators = buildSimulators(env),
): Promise<RunningSandbox> {
  const urls: Record<string, Record<string, string>> = {};
  for (const simulator of simulators) urls[simulator.name] = await simulator.start();

  const control = Fastify({ logger: false });
  control.get('/health', () => ({ status: 'ok', simulators: urls }));
  await control.listen({ host: env.SANDBOX_HOST, port: env.SANDBOX_PORT });

  return {
    control,
    urls,
    async stop() {
      await control.close();
      await Promise.all(simulators.map((simulator) => simulator.stop()));
    },
  };
}
