import { z } from 'zod';
import { intVar, secret } from '../../core/config/env-schema.util';

/**
 * Portal authentication settings. The HS256 secret has a dev-only default that the key loader refuses when
 * NODE_ENV is production, so `pnpm dev` works with no `.env` and production cannot boot on it.
 */
export const authEnvFragment = z.object({
  AUTH_JWT_ALGORITHM: z.enum(['HS256', 'RS256']).default('HS256').describe('Access token signing algorithm'),
  AUTH_JWT_SECRET: secret(
    z
      .string()
      .min(32, 'must hold at least 256 bits (32 bytes)')
      .optional()
      .describe('HS256 signing secret, at least 32 bytes (a dev-only default applies outside production)'),
  ),
  AUTH_JWT_PRIVATE_KEY: secret(
    z.string().min(1).optional().describe('RS256 private key: PEM text or a file path'),
  ),
  AUTH_JWT_PUBLIC_KEY: z
    .string()
    .min(1)
    .optional()
    .describe('RS256 public key: PEM text or a file path (derived from the private key when unset)'),
  AUTH_JWT_ISSUER: z.string().min(1).default('portal-bff').describe('Access token `iss`'),
  AUTH_JWT_AUDIENCE: z.string().min(1).default('portal').describe('Access token `aud`'),
  AUTH_ACCESS_TOKEN_TTL_S: intVar(900, 60, 3_600).describe('Access token lifetime'),
  AUTH_CLOCK_TOLERANCE_S: intVar(10, 0, 30).describe('Accepted clock skew when verifying access tokens'),
  AUTH_REFRESH_TOKEN_TTL_S: intVar(2_592_000, 3_600).describe('Refresh token lifetime (30 days)'),
  AUTH_REFRESH_GRACE_MS: intVar(10_000, 0, 60_000).describe(
    'After a rotation, the old refresh token still answers the same successor for this long (concurrent tabs)',
  ),
  AUTH_LOGIN_MIN_DURATION_MS: intVar(500, 0, 5_000).describe(
    'Failed logins answer no sooner than this, whatever failed (no timing oracle)',
  ),
  AUTH_LOGIN_RATE_WINDOW_S: intVar(900, 1, 86_400).describe('Login rate-limit window'),
  AUTH_LOGIN_RATE_MAX_PER_IP: intVar(50, 1).describe('Login attempts allowed per client IP per window'),
  AUTH_LOGIN_RATE_MAX_PER_EMAIL: intVar(10, 1).describe('Login attempts allowed per email per window'),
  AUTH_ACCOUNT_LINK_TTL_S: intVar(86_400, 60).describe(
    'How long the WHMCS client → Salesforce account link is cached',
  ),
  AUTH_PROFILE_TTL_S: intVar(60, 1, 3_600).describe('TTL of the cached `GET /api/me` profile'),
});
