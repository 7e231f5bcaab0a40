import { z } from 'zod';
import { intVar, secret } from '../../core/config/env-schema.util';

/** The sandbox's dev-only connected-app key (apps/sandbox/src/salesforce/dev-keys), resolved from src or dist. */
// The sandbox connected app's dev-only key, relative to the working directory (the repository root).
const DEV_PRIVATE_KEY = 'apps/sandbox/src/salesforce/dev-keys/connected-app.key';

/** Salesforce REST settings; the defaults point at the sandbox simulator (`SANDBOX_SALESFORCE_PORT` 4010). */
export const salesforceEnvFragment = z.object({
  SF_LOGIN_URL: z
    .url()
    .default('http://127.0.0.1:4010')
    .describe('OAuth login URL (token endpoint host and JWT audience), e.g. https://login.salesforce.com'),
  SF_CLIENT_ID: z
    .string()
    .min(1)
    .default('portal-bff-dev-connected-app')
    .describe('Connected app consumer key (JWT iss)'),
  SF_USERNAME: z
    .string()
    .min(1)
    .default('integration@portal.example.jp')
    .describe('Integration user (JWT sub)'),
  SF_PRIVATE_KEY: secret(
    z
      .string()
      .min(1)
      .default(DEV_PRIVATE_KEY)
      .describe('RSA private key signing the JWT assertion: PEM text or a file path'),
  ),
  SF_API_VERSION: z
    .string()
    .regex(/^\d{2,3}\.0$/)
    .default('62.0')
    .describe('REST API version (jsforce would default to 50.0)'),
  SF_TIMEOUT_MS: intVar(10_000, 50, 120_000).describe(
    'Deadline of one Salesforce call (jsforce default: 30 min)',
  ),
  SF_MAX_RETRIES: intVar(2, 0, 5).describe(
    'Retries of reads on transient failures (jsforce retries are off)',
  ),
  SF_BREAKER_THRESHOLD: intVar(5, 1, 100).describe('Consecutive transient failures that open the circuit'),
  SF_BREAKER_HALF_OPEN_MS: intVar(10_000, 100).describe('Time the circuit stays open before a probe'),
  SF_MAX_CONSECUTIVE_REFRESHES: intVar(2, 1, 10).describe(
    'Session refreshes allowed without a successful call in between (then 401 is an error, not a loop)',
  ),
  SF_PORTAL_PRICEBOOK_ID: z
    .string()
    .regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/)
    .default('01s5g00000PoRtLAAV')
    .describe('The portal pricebook: catalog prices and order lines'),
  SF_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('JPY')
    .describe('The org currency (single-currency org)'),
});
