import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { invoicesKey, subscriptionsKey } from '../../../src/infra/cache/cache-keys';
import { CacheService } from '../../../src/infra/cache/cache.service';
import type { TestApp } from '../../support/test-app';
import { bootAppFor, deliver, startWhmcsSimulator, WEBHOOK_SECRET } from './whmcs-harness';

const HOOK_FILE = resolve(__dirname, '../../../../../integrations/whmcs-hooks/portal_webhooks.php');

/** Runs the hook file's own envelope and signing functions in PHP, outside WHMCS. */
const DRIVER = `<?php
define('WHMCS', true);
require getenv('HOOK_FILE');
$input = json_decode(getenv('HOOK_INPUT'), true);
$data = $input['params'] !== null
    ? portal_webhooks_module_data($input['params'], $input['status'])
    : $input['data'];
$now = time();
$body = portal_webhooks_envelope($input['event'], $data, null, $now);
echo json_encode(['body' => $body, 'signature' => portal_webhooks_sign($body, $input['secrets'], $now)]);
`;

describe('the PHP hook file and the BFF agree on the signed bytes', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;
  let cache: CacheService;
  let dir: string;
  let driver: string;

  function runHook(input: {
    event: string;
    secrets: string[];
    data?: Record<string, unknown>;
    params?: Record<string, unknown>;
    status?: string;
  }): { body: string; signature: string } {
    const output = execFileSync('php', [driver], {
      env: { PATH: process.env.PATH, HOOK_FILE, HOOK_INPUT: JSON.stringify({ params: null, ...input }) },
      encoding: 'utf8',
    });
    return JSON.parse(output) as { body: string; signature: string };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'whmcs-hook-'));
    driver = join(dir, 'driver.php');
    writeFileSync(driver, DRIVER);
    simulator = await startWhmcsSimulator();
    harness = await bootAppFor(simulator);
    cache = harness.app.get(CacheService);
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an invoice event signed by PHP (php-cli is required; CI installs it)', async () => {
    await cache.set(invoicesKey('2', 1), { cached: true }, 60, {
      schema: z.object({ cached: z.literal(true) }),
    });
    const { body, signature } = runHook({
      event: 'InvoicePaid',
      secrets: [WEBHOOK_SECRET],
      data: { invoiceId: 5010, clientId: 2, status: 'Paid' },
    });
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const response = await deliver(harness, body, {
      'x-whmcs-signature': signature,
      'x-whmcs-event': 'InvoicePaid',
    });
    expect(response.statusCode).toBe(200);
    expect(await cache.get(invoicesKey('2', 1))).toBeUndefined();
  });

  it('strips module passwords and server credentials, and signs once per secret during a rotation', async () => {
    await cache.set(subscriptionsKey('2'), { cached: true }, 60, {
      schema: z.object({ cached: z.literal(true) }),
    });
    const { body, signature } = runHook({
      event: 'AfterModuleSuspend',
      secrets: ['some-new-secret', WEBHOOK_SECRET],
      params: {
        serviceid: '2001',
        userid: 2,
        pid: 301,
        password: 'service-pass',
        serverusername: 'root',
        serverpassword: 'server-pass',
        serveraccesshash: 'hash',
      },
      status: 'Suspended',
    });
    expect(JSON.parse(body)).toMatchObject({
      event: 'AfterModuleSuspend',
      data: { serviceId: 2001, clientId: 2, productId: 301, status: 'Suspended' },
    });
    expect(body).not.toMatch(/pass|root|hash/);
    expect(signature.split(',')).toHaveLength(3);
    const response = await deliver(harness, body, {
      'x-whmcs-signature': signature,
      'x-whmcs-event': 'AfterModuleSuspend',
    });
    expect(response.statusCode).toBe(200);
    expect(await cache.get(subscriptionsKey('2'))).toBeUndefined();
  });

  it('produces a body whose signature breaks when PHP bytes are re-serialised by JavaScript', async () => {
    const { body, signature } = runHook({
      event: 'ClientEdit',
      secrets: [WEBHOOK_SECRET],
      data: { clientId: 2 },
    });
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    const response = await deliver(harness, reserialised, { 'x-whmcs-signature': signature });
    expect(response.statusCode).toBe(401);
  });
});
