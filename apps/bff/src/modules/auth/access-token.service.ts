import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../../core/config/app-config';
import { UnauthorizedError } from '../../core/errors/app.errors';
import { loadJwtKeys, type JwtKeys } from './jwt-keys.util';
import type { Principal } from './principal';

/** `token_use` of our access tokens: no other token we might ever sign can pass the guard. */
export const ACCESS_TOKEN_USE = 'access';

interface AccessClaims {
  readonly sub: string;
  readonly jti: string;
  readonly token_use: string;
  readonly whmcs_client_id: number;
  readonly sf_account_id: string;
}

export interface SignedAccessToken {
  readonly token: string;
  readonly expiresIn: number;
}

/** Signs and verifies portal access tokens (JWT) with the configured algorithm and boot-parsed keys. */
@Injectable()
export class AccessTokenService {
  private readonly keys: JwtKeys;
  private readonly signOptions: jwt.SignOptions;
  private readonly verifyOptions: jwt.VerifyOptions & { complete?: false };

  constructor(config: AppConfig) {
    const values = config.values;
    this.keys = loadJwtKeys(values);
    this.signOptions = {
      algorithm: this.keys.algorithm,
      expiresIn: values.AUTH_ACCESS_TOKEN_TTL_S,
      issuer: values.AUTH_JWT_ISSUER,
      audience: values.AUTH_JWT_AUDIENCE,
    };
    // The algorithm list is fixed: `alg: none` and algorithm-confusion tokens are refused by jsonwebtoken.
    this.verifyOptions = {
      algorithms: [this.keys.algorithm],
      issuer: values.AUTH_JWT_ISSUER,
      audience: values.AUTH_JWT_AUDIENCE,
      clockTolerance: values.AUTH_CLOCK_TOLERANCE_S,
    };
  }

  get expiresIn(): number {
    return this.signOptions.expiresIn as number;
  }

  sign(principal: Omit<Principal, 'tokenId'>): SignedAccessToken {
    const claims: AccessClaims = {
      sub: principal.userId,
      jti: randomUUID(),
      token_use: ACCESS_TOKEN_USE,
      whmcs_client_id: principal.whmcsClientId,
      sf_account_id: principal.salesforceAccountId,
    };
    return { token: jwt.sign(claims, this.keys.signingKey, this.signOptions), expiresIn: this.expiresIn };
  }

  /** The caller behind a bearer token; any defect (signature, algorithm, expiry, claims) is one 401. */
  verify(token: string): Principal {
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.keys.verificationKey, this.verifyOptions);
    } catch {
      throw invalidToken();
    }
    return toPrincipal(payload);
  }
}

function toPrincipal(payload: unknown): Principal {
  if (typeof payload !== 'object' || payload === null) throw invalidToken();
  const claims = payload as Partial<Record<keyof AccessClaims, unknown>>;
  if (
    claims.token_use !== ACCESS_TOKEN_USE ||
    typeof claims.sub !== 'string' ||
    claims.sub.length === 0 ||
    typeof claims.jti !== 'string' ||
    typeof claims.whmcs_client_id !== 'number' ||
    !Number.isSafeInteger(claims.whmcs_client_id) ||
    typeof claims.sf_account_id !== 'string'
  ) {
    throw invalidToken();
  }
  return {
    userId: claims.sub,
    whmcsClientId: claims.whmcs_client_id,
    salesforceAccountId: claims.sf_account_id,
    tokenId: claims.jti,
  };
}

function invalidToken(): UnauthorizedError {
  return new UnauthorizedError('The access token is missing, invalid or expired.', 'INVALID_TOKEN');
}
