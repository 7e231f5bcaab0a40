import { z } from 'zod';
import { intVar, listVar, secret } from '../../core/config/env-schema.util';

/** WHMCS API and webhook settings; the defaults point at the sandbox simulator (`SANDBOX_WHMCS_PORT` 4020). */
export const whmcsEnvFragment = z.object({
  WHMCS_API_URL: z
    .url()
    .default('http://127.0.0.1:4020/includes/api.php')
    .describe('Full URL of the WHMCS API endpoint (…/includes/api.php)'),
  WHMCS_API_IDENTIFIER: z
    .string()
    .min(1)
    .default('sandbox-whmcs-identifier')
    .describe('API credential identifier'),
  WHMCS_API_SECRET: secret(
    z.string().min(1).default('sandbox-whmcs-secret').describe('API credential secret'),
  ),
  WHMCS_ACCESS_KEY: secret(
    z.string().min(1).optional().describe('Optional API access key (bypasses the WHMCS API IP allow-list)'),
  ),
  WHMCS_TIMEOUT_MS: intVar(10_000, 50, 120_000).describe('Per-attempt timeout of a WHMCS API call'),
  WHMCS_MAX_RETRIES: intVar(2, 0, 5).describe('Retries of WHMCS read actions (Get*) on transient failures'),
  WHMCS_BREAKER_THRESHOLD: intVar(5, 1, 100).describe('Consecutive transient failures that open the circuit'),
  WHMCS_BREAKER_HALF_OPEN_MS: intVar(10_000, 100).describe('Time the circuit stays open before a probe'),
  WHMCS_KEEPALIVE_CONNECTIONS: intVar(16, 1, 1_024).describe('Max keep-alive sockets to the WHMCS host'),
  WHMCS_DEFAULT_CURRENCY_CODE: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe('Default currency code; when unset, the WHMCS base currency (rate 1) is the default'),
  WHMCS_SIM_FIELD_SIM_NUMBER: intVar(11, 1).describe(
    'Service custom field id holding the SIM number (MSISDN)',
  ),
  WHMCS_SIM_FIELD_SERIAL_NUMBER: intVar(12, 1).describe(
    'Service custom field id holding the SIM serial number',
  ),
  WHMCS_SIM_FIELD_EID: intVar(13, 1).describe('Service custom field id holding the eSIM EID'),
  WHMCS_ORDER_PAYMENT_METHOD: z
    .string()
    .min(1)
    .default('mailin')
    .describe('Payment method system name sent with AddOrder'),
  WHMCS_ORDER_LOOKUP_MAX_PAGES: intVar(20, 1, 1_000).describe(
    'Pages of a client’s orders (newest first) searched for a Salesforce order marker',
  ),
  WHMCS_WEBHOOK_SECRETS: secret(
    listVar().describe(
      'Comma-separated HMAC secrets accepted on POST /webhooks/whmcs (several during a rotation; empty: all rejected)',
    ),
  ),
  WHMCS_WEBHOOK_TOLERANCE_S: intVar(300, 1, 3_600).describe('Largest accepted webhook timestamp skew'),
  WHMCS_WEBHOOK_DEDUPE_TTL_S: intVar(86_400, 60).describe('How long a webhook event id is remembered'),
});
