import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../core/config/app-config';
import { ConfigError, loadEnv } from '../../core/config/env';
import { AccessTokenService } from './access-token.service';
import { DEV_JWT_SECRET, loadJwtKeys } from './jwt-keys.util';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const principal = { userId: '1', whmcsClientId: 1, salesforceAccountId: '0015g00000HaNaKAAV' };

describe('loadJwtKeys', () => {
  it('uses the dev HS256 secret outside production only', () => {
    expect(
      loadJwtKeys(loadEnv({ NODE_ENV: 'development' }))
        .signingKey.export()
        .toString(),
    ).toBe(DEV_JWT_SECRET);
    expect(() => loadJwtKeys(loadEnv({ NODE_ENV: 'production' }))).toThrow(ConfigError);
    expect(() => loadEnv({ AUTH_JWT_SECRET: 'too-short' })).toThrow(/AUTH_JWT_SECRET/);
  });

  it('parses RS256 keys into key objects, deriving the public key when unset', () => {
    const keys = loadJwtKeys(loadEnv({ AUTH_JWT_ALGORITHM: 'RS256', AUTH_JWT_PRIVATE_KEY: privatePem }));
    expect(keys.signingKey.type).toBe('private');
    expect(keys.verificationKey.type).toBe('public');
    expect(() => loadJwtKeys(loadEnv({ AUTH_JWT_ALGORITHM: 'RS256' }))).toThrow(/AUTH_JWT_PRIVATE_KEY/);
    expect(() =>
      loadJwtKeys(
        loadEnv({ AUTH_JWT_ALGORITHM: 'RS256', AUTH_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnope' }),
      ),
    ).toThrow(ConfigError);
  });
});

describe('AccessTokenService with RS256', () => {
  const service = new AccessTokenService(
    new AppConfig(
      loadEnv({
        AUTH_JWT_ALGORITHM: 'RS256',
        AUTH_JWT_PRIVATE_KEY: privatePem,
        AUTH_JWT_PUBLIC_KEY: publicPem,
      }),
    ),
  );

  it('verifies its own tokens', () => {
    const { token } = service.sign(principal);
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('RS256');
    expect(service.verify(token)).toMatchObject(principal);
  });

  it('refuses HS256 tokens keyed with the public key (algorithm confusion) and alg none', () => {
    const claims = { ...(jwt.decode(service.sign(principal).token) as object) };
    const confused = jwt.sign(claims, publicPem, { algorithm: 'HS256' });
    expect(() => service.verify(confused)).toThrow(/access token/);
    const none = jwt.sign(claims, null, { algorithm: 'none' });
    expect(() => service.verify(none)).toThrow(/access token/);
  });
});
