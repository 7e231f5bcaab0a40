import { randomUUID } from 'node:crypto';
import { WhmcsSimulator, type WhmcsSimulatorOptions } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { bootTestApp, type TestApp } from '../../support/test-app';

export const SIM_IDENTIFIER = 'bff-test-identifier';
export const SIM_SECRET = 'bff-test-secret-value';
export const WEBHOOK_SECRET = 'bff-test-webhook-secret';

/** The WHMCS simulator in-process on a free port (seeded from the domain fixtures). */
export async function startWhmcsSimulator(
  overrides: Partial<WhmcsSimulatorOptions> = {},
): Promise<WhmcsSimulator> {
  const simulator = new WhmcsSimulator({
    host: '127.0.0.1',
    port: 0,
    identifier: SIM_IDENTIFIER,
    secret: SIM_SECRET,
    authErrorStatus: 403,
    webhookSecrets: [WEBHOOK_SECRET],
    extraClients: 0,
    invoicesPerClient: 6,
    ...overrides,
  });
  await simulator.start();
  return simulator;
}

/** The real app (all platform modules, real Redis with a unique prefix) pointed at the simulator. */
export function bootAppFor(simulator: WhmcsSimulator, env: Record<string, string> = {}): Promise<TestApp> {
  return bootTestApp({
    WHMCS_API_URL: simulator.apiUrl,
    WHMCS_API_IDENTIFIER: SIM_IDENTIFIER,
    WHMCS_API_SECRET: SIM_SECRET,
    WHMCS_WEBHOOK_SECRETS: WEBHOOK_SECRET,
    ...env,
  });
}

/** Calls the simulator's admin API. */
export async function simAdmin(
  simulator: WhmcsSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const response = await fetch(`${simulator.url}/__admin${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (response.status >= 400) throw new Error(`admin ${method} ${path}: ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

/** Posts a delivery to the app as WHMCS would (raw bytes as given). */
export function deliver(
  harness: TestApp,
  body: string,
  headers: Record<string, string>,
): Promise<{ statusCode: number; json: () => any }> {
  return harness.app.inject({
    method: 'POST',
    url: '/webhooks/whmcs',
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });
}

/** A webhook body as our hook file writes it. */
export function webhookBody(event: string, data: Record<string, unknown>, id = randomUUID()): string {
  return JSON.stringify({ id, event, occurredAt: new Date().toISOString(), data });
}
