import Fastify, { type FastifyInstance } from 'fastify';
import type { SandboxEnv } from './config/sandbox-env';
import type { Simulator } from './simulator';

export interface RunningSandbox {
  readonly control: FastifyInstance;
  readonly urls: Record<string, Record<string, string>>;
  stop(): Promise<void>;
}

/** Builds the simulators this sandbox hosts. Each simulator mounts on its own port. */
export function buildSimulators(_env: SandboxEnv): Simulator[] {
  return [];
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
