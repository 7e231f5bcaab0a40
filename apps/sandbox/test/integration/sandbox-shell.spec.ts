import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSandboxEnv, startSandbox, type RunningSandbox } from '../../src';

describe('sandbox shell', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(loadSandboxEnv({ SANDBOX_PORT: '0' }), []);
  });
  afterAll(() => sandbox.stop());

  it('answers /health', async () => {
    const response = await sandbox.control.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('refuses an invalid port with the variable named', () => {
    expect(() => loadSandboxEnv({ SANDBOX_WHMCS_PORT: 'not-a-port' })).toThrow(/SANDBOX_WHMCS_PORT/);
  });
});
