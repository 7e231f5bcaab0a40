import { pino } from 'pino';
import { loadSandboxEnv } from './config/sandbox-env';
import { startSandbox } from './sandbox';

async function main(): Promise<void> {
  const env = loadSandboxEnv();
  const logger = pino({ level: env.SANDBOX_LOG_LEVEL, name: 'sandbox' });
  const sandbox = await startSandbox(env);
  logger.info({ simulators: sandbox.urls, port: env.SANDBOX_PORT }, 'sandbox ready');
  const shutdown = (): void => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void main();
