import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './support/portal-harness';

const RUNS = 60;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** Every answer is below 500; every 4xx carries the error envelope. */
function expectClientSafe(answer: Answer, label: string): void {
  expect(answer.status, `${label} → ${answer.status} ${answer.body}`).toBeLessThan(500);
  if (answer.status >= 400) {
    const envelope = JSON.parse(answer.body) as Record<string, unknown>;
    expect(typeof envelope.code, label).toBe('string');
    expect(typeof envelope.message, label).toBe('string');
    expect(typeof envelope.requestId, label).toBe('string');
  }
}

const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e3',
    '1.5',
    'NaN',
    'Infinity',
    '9'.repeat(40),
    'paid',
    'sim',
    '2026-02-30',
    '2026-11-01',
    "' OR 1=1 --",
    '%00',
    '\u0000',
    '../../etc/passwd',
  ),
);

/** A raw query string: known and unknown keys, repeated keys, odd values, sometimes broken encoding. */
const queryString = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('page', 'pageSize', 'status', 'type', 'from', 'to', 'x', 'page[]', '__proto__'),
        scalar,
      ),
      {
        maxLength: 6,
      },
    ),
    fc.boolean(),
  )
  .map(([pairs, broken]) => {
    const query = pairs
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    return broken ? `${query}&bad=%E0%A4%A` : query;
  });

const pathId = fc.oneof(
  scalar.map(encodeURIComponent),
  fc.constantFrom(
    '%ZZ',
    '..%2F..%2Fadmin',
    '%2e%2e',
    '0',
    '-5',
    '1.0',
    '99999999999999999999',
    '0015g00000HaNaKAAV',
    'a'.repeat(300),
  ),
);

const jsonBody = fc.oneof(
  fc.anything().map((value) => JSON.stringify(value) ?? 'null'),
  fc.record({ email: scalar, password: scalar }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc.record({ refreshToken: scalar }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        items: fc.array(
          fc.record({ sku: scalar, quantity: fc.oneof(fc.integer(), scalar) }, { requiredKeys: [] }),
          { maxLength: 25 },
        ),
        activationType: fc.oneof(scalar, fc.constantFrom('immediate', 'scheduled')),
        activationScheduledAt: scalar,
        sim: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '"',
    'null',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{}}}',
  ),
);

describe('fuzzing every endpoint: always a client error with the envelope, never a 500', () => {
  let portal: PortalHarness;
  let token: string;

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    options: { payload?: string; headers?: Record<string, string>; auth?: boolean } = {},
  ): Promise<Answer> => {
    const response = await portal.app.inject({
      method,
      url,
      headers: {
        ...(options.auth === false ? {} : { authorization: `Bearer ${token}` }),
        ...(options.payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.payload === undefined ? {} : { payload: options.payload }),
    });
    return { status: response.statusCode, body: response.body };
  };

  beforeAll(async () => {
    portal = await startPortal({
      env: { AUTH_LOGIN_RATE_MAX_PER_IP: '100000', AUTH_LOGIN_RATE_MAX_PER_EMAIL: '100000' },
    });
    token = (await portal.login('hanako')).accessToken;
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('query strings on every GET endpoint', async () => {
    const paths = [
      '/api/me',
      '/api/invoices',
      '/api/subscriptions',
      '/api/subscriptions/1001/sim/usage',
      '/api/catalog',
      '/api/orders',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), queryString, async (path, query) => {
        const url = `${path}?${query}`;
        expectClientSafe(await call('GET', url), url);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('path ids on every endpoint that takes one', async () => {
    const templates = [
      (id: string) => `/api/invoices/${id}`,
      (id: string) => `/api/subscriptions/${id}`,
      (id: string) => `/api/subscriptions/${id}/sim`,
      (id: string) => `/api/subscriptions/${id}/sim/usage`,
      (id: string) => `/api/orders/${id}`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templates), pathId, async (template, id) => {
        const url = template(id);
        expectClientSafe(await call('GET', url), url);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('bodies and headers on every POST endpoint', async () => {
    const idempotencyKey = fc.oneof(fc.constant(undefined), scalar, fc.constant('fuzz-key-0001'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/orders'),
        jsonBody,
        idempotencyKey,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (path, payload, key, contentType) => {
          const headers: Record<string, string> = { 'content-type': contentType };
          if (key !== undefined) headers['idempotency-key'] = key.replace(/[^\x20-\x7e]/g, '');
          expectClientSafe(await call('POST', path, { payload, headers }), `${path} ${payload}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('authorization headers', async () => {
    await fc.assert(
      fc.asyncProperty(scalar, fc.constantFrom('', 'Bearer ', 'bearer ', 'Basic '), async (value, scheme) => {
        const header = `${scheme}${value}`.replace(/[^\x20-\x7e]/g, '');
        const answer = await call('GET', '/api/invoices', {
          auth: false,
          headers: { authorization: header },
        });
        expectClientSafe(answer, header);
        expect(answer.status).toBe(401);
      }),
      { numRuns: RUNS },
    );
  });
});
