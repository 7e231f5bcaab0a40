import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET } from '../../../src/modules/auth/jwt-keys.util';
import { startPortal, type PortalHarness } from '../../e2e/support/portal-harness';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens: forged, altered and misused tokens are refused', () => {
  let portal: PortalHarness;
  let valid: { accessToken: string; refreshToken: string };
  let claims: Record<string, unknown>;

  const sign = (
    overrides: Record<string, unknown>,
    key: jwt.Secret = DEV_JWT_SECRET,
    options: jwt.SignOptions = {},
  ) => jwt.sign({ ...claims, ...overrides }, key, { algorithm: 'HS256', ...options });
  const me = (token: string) => portal.request('GET', '/api/me', { token });

  beforeAll(async () => {
    portal = await startPortal({ env: { AUTH_CLOCK_TOLERANCE_S: '10' } });
    valid = await portal.login('hanako');
    claims = jwt.decode(valid.accessToken) as Record<string, unknown>;
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('accepts the genuine token, carrying iss, aud, sub, jti, the provider ids and a 15-minute life', async () => {
    expect(claims).toMatchObject({
      iss: 'portal-bff',
      aud: 'portal',
      sub: '1',
      token_use: 'access',
      whmcs_client_id: 1,
      sf_account_id: '0015g00000HaNaKAAV',
    });
    expect(typeof claims.jti).toBe('string');
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    expect((await me(valid.accessToken)).status).toBe(200);
    // The same claims re-signed with the right key pass: the refusals below are about the defect alone.
    expect(await me(sign({})).then((answer) => answer.status)).toBe(200);
  });

  it('refuses alg: none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const answer = await me(unsigned);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('refuses another algorithm and another key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await me(sign({}, privateKey, { algorithm: 'RS256' }))).status).toBe(401);
    expect((await me(sign({}, 'x'.repeat(48)))).status).toBe(401);
    expect((await me(sign({}, DEV_JWT_SECRET, { algorithm: 'HS512' }))).status).toBe(401);
    // Algorithm confusion: an HMAC keyed with a public key's PEM.
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect((await me(sign({}, pem))).status).toBe(401);
  });

  it('refuses tokens expired beyond the clock tolerance, accepts within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await me(sign({ iat: now - 960, exp: now - 60 }))).status).toBe(401);
    expect((await me(sign({ iat: now - 905, exp: now - 5 }))).status).toBe(200);
    expect((await me(sign({ nbf: now + 120 }))).status).toBe(401);
  });

  it('refuses a tampered payload, and wrong issuer or audience', async () => {
    const [header, , signature] = valid.accessToken.split('.');
    const tampered = `${header}.${b64({ ...claims, sub: '2', whmcs_client_id: 2 })}.${signature}`;
    expect((await me(tampered)).status).toBe(401);
    expect((await me(sign({ iss: 'someone-else' }))).status).toBe(401);
    expect((await me(sign({ aud: 'another-app' }))).status).toBe(401);
  });

  it('refuses a refresh token, or a token of another use, as an access token', async () => {
    expect((await me(valid.refreshToken)).status).toBe(401);
    expect((await me(sign({ token_use: 'refresh' }))).status).toBe(401);
    const { token_use: _dropped, ...withoutUse } = claims;
    expect((await me(jwt.sign(withoutUse, DEV_JWT_SECRET, { algorithm: 'HS256' }))).status).toBe(401);
  });

  it('refuses missing or malformed authorization headers with the error envelope', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Basic abc' },
      { authorization: 'Bearer' },
      { authorization: `Bearer ${valid.accessToken} x` },
    ]) {
      const answer = await portal.request('GET', '/api/invoices', { headers });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'INVALID_TOKEN', requestId: expect.any(String) });
    }
  });
});
