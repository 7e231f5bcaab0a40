import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { invoicesKey, profileKey, subscriptionsKey } from '../../../src/infra/cache/cache-keys';
import { CacheService } from '../../../src/infra/cache/cache.service';
import { RedisService } from '../../../src/infra/redis/redis.service';
import { signWhmcsPayload } from '../../../src/modules/webhooks/whmcs-signature.util';
import type { TestApp } from '../../support/test-app';
import {
  bootAppFor,
  deliver,
  simAdmin,
  startWhmcsSimulator,
  WEBHOOK_SECRET,
  webhookBody,
} from './whmcs-harness';

const OLD_SECRET = 'previous-webhook-secret';
const entry = z.object({ cached: z.literal(true) });

describe('POST /webhooks/whmcs', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;
  let cache: CacheService;

  const now = () => Math.floor(Date.now() / 1000);
  const signed = (body: string, secrets = [WEBHOOK_SECRET], t = now()) => ({
    'x-whmcs-signature': signWhmcsPayload(body, secrets, t),
    'x-whmcs-event': (JSON.parse(body) as { event: string }).event,
  });
  const seed = (key: string) => cache.set(key, { cached: true }, 60, { schema: entry });
  const cached = async (key: string) => (await cache.get(key)) !== undefined;
  const USER_KEYS = [
    invoicesKey('1', 1),
    invoicesKey('1', 2),
    subscriptionsKey('1'),
    profileKey('1'),
    invoicesKey('2', 1),
  ];

  beforeAll(async () => {
    simulator = await startWhmcsSimulator();
    // Rotation overlap: the new secret and the previous one are both accepted.
    harness = await bootAppFor(simulator, { WHMCS_WEBHOOK_SECRETS: `${WEBHOOK_SECRET},${OLD_SECRET}` });
    cache = harness.app.get(CacheService);
  });
  beforeEach(async () => {
    for (const key of USER_KEYS) await seed(key);
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
  });

  it('processes a valid invoice delivery: 200 and that client’s invoice pages are gone', async () => {
    const body = webhookBody('InvoicePaid', { invoiceId: 5005, clientId: 1, status: 'Paid' });
    const response = await deliver(harness, body, signed(body));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true });
    expect(await cached(invoicesKey('1', 1))).toBe(false);
    expect(await cached(invoicesKey('1', 2))).toBe(false);
    expect(await cached(subscriptionsKey('1'))).toBe(true);
    expect(await cached(invoicesKey('2', 1))).toBe(true);
  });

  it('drops subscriptions on service events and the profile on client edits', async () => {
    const service = webhookBody('AfterModuleSuspend', {
      serviceId: 1001,
      clientId: 1,
      productId: 301,
      status: 'Suspended',
    });
    expect((await deliver(harness, service, signed(service))).statusCode).toBe(200);
    expect(await cached(subscriptionsKey('1'))).toBe(false);
    expect(await cached(profileKey('1'))).toBe(true);

    const edit = webhookBody('ClientEdit', { clientId: 1 });
    expect((await deliver(harness, edit, signed(edit))).statusCode).toBe(200);
    expect(await cached(profileKey('1'))).toBe(false);
    expect(await cached(invoicesKey('1', 1))).toBe(true);
  });

  describe('rejects with 401 and no effect', () => {
    const body = () => webhookBody('InvoicePaid', { invoiceId: 5005, clientId: 1 });
    it.each([
      [
        'a tampered body',
        (b: string) => ({ body: b.replace('"clientId":1', '"clientId":2'), headers: signed(b) }),
      ],
      ['the wrong secret', (b: string) => ({ body: b, headers: signed(b, ['not-the-secret']) })],
      [
        'a missing signature header',
        (b: string) => ({ body: b, headers: { 'x-whmcs-event': 'InvoicePaid' } }),
      ],
      [
        'a timestamp 301 s old',
        (b: string) => ({ body: b, headers: signed(b, [WEBHOOK_SECRET], now() - 301) }),
      ],
      [
        'a timestamp 301 s in the future',
        (b: string) => ({ body: b, headers: signed(b, [WEBHOOK_SECRET], now() + 301) }),
      ],
      [
        'the same JSON re-serialised with other whitespace',
        (b: string) => ({ body: JSON.stringify(JSON.parse(b), null, 2), headers: signed(b) }),
      ],
    ])('%s', async (_label, build) => {
      const { body: sent, headers } = build(body());
      const response = await deliver(harness, sent, headers);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
      for (const key of USER_KEYS) expect(await cached(key)).toBe(true);
    });
  });

  it('processes the same delivery once', async () => {
    const body = webhookBody('InvoiceCreated', { invoiceId: 7000, clientId: 1 });
    const headers = signed(body);
    expect((await deliver(harness, body, headers)).json()).toEqual({ received: true });
    await seed(invoicesKey('1', 1));
    const again = await deliver(harness, body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    expect(await cached(invoicesKey('1', 1))).toBe(true);
  });

  it('answers 413 to a body over 64 KB, even when signed', async () => {
    const body = webhookBody('InvoicePaid', { invoiceId: 1, clientId: 1, status: 'x'.repeat(70_000) });
    const response = await deliver(harness, body, signed(body));
    expect(response.statusCode).toBe(413);
    expect(await cached(invoicesKey('1', 1))).toBe(true);
  });

  it('accepts the old and the new secret during a rotation', async () => {
    for (const secret of [OLD_SECRET, WEBHOOK_SECRET]) {
      const body = webhookBody('InvoicePaid', { invoiceId: 5005, clientId: 1 });
      expect((await deliver(harness, body, signed(body, [secret]))).statusCode).toBe(200);
    }
    const both = webhookBody('InvoicePaid', { invoiceId: 5005, clientId: 1 });
    expect((await deliver(harness, both, signed(both, ['brand-new', OLD_SECRET]))).statusCode).toBe(200);
  });

  it('acknowledges unknown events with 202 and rejects invalid payloads with 400', async () => {
    const unknown = webhookBody('DomainRenewal', { domainId: 3 });
    const acknowledged = await deliver(harness, unknown, signed(unknown));
    expect(acknowledged.statusCode).toBe(202);
    expect(await cached(invoicesKey('1', 1))).toBe(true);

    const invalid = webhookBody('InvoicePaid', { invoiceId: 'abc' });
    const rejected = await deliver(harness, invalid, signed(invalid));
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining(['data.invoiceId', 'data.clientId']),
    );
  });

  it('answers 503 and records nothing while Redis is unavailable, so the redelivery is processed', async () => {
    const down = await bootAppFor(simulator, {
      WHMCS_WEBHOOK_SECRETS: WEBHOOK_SECRET,
      REDIS_KEY_PREFIX: harness.config.values.REDIS_KEY_PREFIX,
    });
    // The request-path connection goes away (no offline queue): every command now fails at once.
    down.app.get(RedisService).request.disconnect();
    try {
      const body = webhookBody('InvoicePaid', { invoiceId: 5006, clientId: 1 });
      const started = performance.now();
      const response = await deliver(down, body, signed(body));
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'WEBHOOK_STORE_UNAVAILABLE' });
      expect(performance.now() - started).toBeLessThan(1_000);

      const redelivered = await deliver(harness, body, signed(body));
      expect(redelivered.json()).toEqual({ received: true });
      expect(await cached(invoicesKey('1', 1))).toBe(false);
    } finally {
      await down.close();
    }
  });

  it('receives what the simulator sends when an invoice is paid in WHMCS', async () => {
    await harness.app.listen(0, '127.0.0.1');
    const url = await harness.app.getUrl();
    await simAdmin(simulator, 'PUT', '/webhooks', {
      url: `${url.replace('[::1]', '127.0.0.1')}/webhooks/whmcs`,
    });
    await simAdmin(simulator, 'DELETE', '/webhooks');
    await simAdmin(simulator, 'POST', '/invoices/5006/pay');
    const { deliveries } = await simAdmin(simulator, 'GET', '/webhooks');
    expect(deliveries).toEqual([expect.objectContaining({ event: 'InvoicePaid', status: 200 })]);
    expect(await cached(invoicesKey('1', 1))).toBe(false);
    expect(await cached(invoicesKey('2', 1))).toBe(true);
  });
});
