import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type Env } from '../../core/config/env';

export type JwtAlgorithm = Env['AUTH_JWT_ALGORITHM'];

/** Signing and verification keys, parsed once at boot: jsonwebtoken is ~25× faster with key objects. */
export interface JwtKeys {
  readonly algorithm: JwtAlgorithm;
  readonly signingKey: KeyObject;
  readonly verificationKey: KeyObject;
}

/** Dev-only HS256 secret used when AUTH_JWT_SECRET is unset; refused in production. */
export const DEV_JWT_SECRET = 'portal-bff-dev-only-hs256-secret-do-not-deploy';

const MIN_SECRET_BYTES = 32;

/** A PEM given inline, or the path of a PEM file. */
function readPem(value: string): string {
  return value.trimStart().startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

type AuthKeyEnv = Pick<
  Env,
  'NODE_ENV' | 'AUTH_JWT_ALGORITHM' | 'AUTH_JWT_SECRET' | 'AUTH_JWT_PRIVATE_KEY' | 'AUTH_JWT_PUBLIC_KEY'
>;

/** Builds the key objects for the configured algorithm; a missing or unsuitable key stops the boot. */
export function loadJwtKeys(env: AuthKeyEnv): JwtKeys {
  switch (env.AUTH_JWT_ALGORITHM) {
    case 'HS256': {
      if (env.AUTH_JWT_SECRET === undefined && env.NODE_ENV === 'production') {
        throw new ConfigError(['AUTH_JWT_SECRET: required in production when AUTH_JWT_ALGORITHM=HS256']);
      }
      const secret = Buffer.from(env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET, 'utf8');
      if (secret.length < MIN_SECRET_BYTES) {
        throw new ConfigError([`AUTH_JWT_SECRET: must hold at least ${MIN_SECRET_BYTES} bytes`]);
      }
      const key = createSecretKey(secret);
      return { algorithm: 'HS256', signingKey: key, verificationKey: key };
    }
    case 'RS256': {
      if (env.AUTH_JWT_PRIVATE_KEY === undefined) {
        throw new ConfigError(['AUTH_JWT_PRIVATE_KEY: required when AUTH_JWT_ALGORITHM=RS256']);
      }
      try {
        const signingKey = createPrivateKey(readPem(env.AUTH_JWT_PRIVATE_KEY));
        const verificationKey =
          env.AUTH_JWT_PUBLIC_KEY === undefined
            ? createPublicKey(signingKey)
            : createPublicKey(readPem(env.AUTH_JWT_PUBLIC_KEY));
        if (signingKey.asymmetricKeyType !== 'rsa' || verificationKey.asymmetricKeyType !== 'rsa') {
          throw new Error('not an RSA key');
        }
        return { algorithm: 'RS256', signingKey, verificationKey };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ConfigError([`AUTH_JWT_PRIVATE_KEY / AUTH_JWT_PUBLIC_KEY: unusable RSA key (${reason})`]);
      }
    }
  }
}
