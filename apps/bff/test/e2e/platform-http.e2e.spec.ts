import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootTestApp, type TestApp } from '../support/test-app';
import { ProbeModule } from '../support/probe.module';

describe('platform HTTP layer (booted app, real Redis)', () => {
  let t: TestApp;
  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);

  beforeAll(async () => {
    t = await bootTestApp({ BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://portal.example' }, [
      ProbeModule,
    ]);
  });
  afterAll(() => t.close());

  it('echoes a valid x-request-id and puts it on every log line of the request, including service logs', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/probe/login',
      headers: { 'x-request-id': 'req-abc-123' },
      payload: { user: 'a' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-request-id']).toBe('req-abc-123');
    const lines = t.logs.records().filter((r) => r.requestId === 'req-abc-123');
    expect(lines.map((r) => r.msg)).toEqual(
      expect.arrayContaining(['probe service called', 'request completed']),
    );
  });

  it('generates a request id when the header is missing or unsafe', async () => {
    const a = await inject({ method: 'GET', url: '/health/live' });
    const b = await inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps Authorization, cookies, signatures, passwords and API keys out of the logs', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/probe/login?token=QUERY-TOKEN-9&page=1',
      headers: {
        authorization: 'Bearer SECRET-BEARER-777',
        cookie: 'session=COOKIE-VALUE-555',
        'x-whmcs-signature': 'SIG-VALUE-333',
        'x-request-id': 'redaction-probe',
      },
      payload: { username: 'alice', password: 'P4ssw0rd-VALUE', nested: { apiKey: 'NESTED-KEY-111' } },
    });
    expect(response.statusCode).toBe(201);
    const text = t.logs.text();
    expect(text).toContain('redaction-probe');
    for (const value of [
      'SECRET-BEARER-777',
      'COOKIE-VALUE-555',
      'SIG-VALUE-333',
      'P4ssw0rd-VALUE',
      'NESTED-KEY-111',
      'QUERY-TOKEN-9',
      'KEY-123',
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).toContain('alice');
    const completed = t.logs.records().find((r) => r.requestId === 'redaction-probe' && r.req);
    expect(completed?.req.headers).toMatchObject({ authorization: '[REDACTED]', cookie: '[REDACTED]' });
    expect(completed?.req.url).toBe('/api/probe/login?token=%5BREDACTED%5D&page=1');
  });

  it('answers 400 with field paths for invalid input', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/probe/signup',
      headers: { 'x-request-id': 'validation-1' },
      payload: { email: 'nope', password: 'short', profile: { age: 12 } },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: 'validation-1' });
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'email',
      'password',
      'profile.age',
    ]);
  });

  it('answers 404 for an unknown route with the envelope', async () => {
    const response = await inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'x-request-id': 'nf-1' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: 'Not found.', requestId: 'nf-1' });
  });

  it('answers a generic 500 without stack or internal message for an unexpected error', async () => {
    const response = await inject({
      method: 'GET',
      url: '/api/probe/boom',
      headers: { 'x-request-id': 'boom-1' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: 'INTERNAL',
      message: 'An unexpected error occurred.',
      requestId: 'boom-1',
    });
    expect(response.body).not.toMatch(/hunter2|internal\.ts|at /);
  });

  it('maps a provider timeout to 504 without the provider payload', async () => {
    const response = await inject({ method: 'GET', url: '/api/probe/provider-timeout' });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toMatchObject({ code: 'PROVIDER_TIMEOUT' });
    expect(response.body).not.toContain('<xml>');
  });

  it('answers 400 for malformed JSON and 413 for a body over the limit, both in the envelope', async () => {
    const bad = await inject({
      method: 'POST',
      url: '/api/probe/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });
    const big = await inject({
      method: 'POST',
      url: '/api/probe/login',
      payload: { blob: 'x'.repeat(5000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('gives webhook routes the raw body, outside the /api prefix', async () => {
    const payload = '{"b": 1,  "a":2}';
    const response = await inject({
      method: 'POST',
      url: '/webhooks/probe',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ raw: payload });
    expect((await inject({ method: 'POST', url: '/api/webhooks/probe', payload: {} })).statusCode).toBe(404);
  });

  it('sets security headers and honours the CORS allowlist', async () => {
    const allowed = await inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://portal.example' },
    });
    expect(allowed.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'access-control-allow-origin': 'https://portal.example',
    });
    const denied = await inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('returns cached JSON bytes without parsing them, and marks stale-if-error answers', async () => {
    const url = '/api/probe/cached?key=k1&ttl=1';
    const first = await inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.body).toBe('{"id":"k1","labels":["a","b"]}');

    const parse = vi.spyOn(JSON, 'parse');
    const hit = await inject({ method: 'GET', url });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(hit.body).toBe(first.body);
    expect(hit.headers['x-cache']).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const stale = await inject({ method: 'GET', url: `${url}&fail=1` });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers['x-cache']).toBe('stale');
    expect(stale.body).toBe(first.body);

    const cold = await inject({ method: 'GET', url: '/api/probe/cached?key=never&ttl=60&fail=1' });
    expect(cold.statusCode).toBe(503);
    expect(cold.json()).toMatchObject({ code: 'DOWN' });
  });

  it('serves liveness, readiness (Redis checked) and Prometheus metrics', async () => {
    const live = await inject({ method: 'GET', url: '/health/live' });
    expect(live.json()).toEqual({ status: 'ok' });
    expect(t.logs.records().some((r) => r.requestId === live.headers['x-request-id'])).toBe(false);
    const ready = await inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
    const metrics = await inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('bff_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/route="\/api\/probe\/login",status="201"/);
  });
});
