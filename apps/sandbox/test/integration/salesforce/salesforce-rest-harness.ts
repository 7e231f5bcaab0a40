import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createSalesforceSimulator } from '../../../src/salesforce/salesforce-simulator';
import type { SalesforceSimulator } from '../../../src/salesforce/salesforce-simulator.types';

export const CLIENT_ID = 'test-connected-app';
export const USERNAME = 'integration@portal.example.jp';
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface RestHarness {
  readonly simulator: SalesforceSimulator;
  readonly url: string;
  readonly privateKey: string;
  assertion(overrides?: Record<string, unknown>, key?: string): string;
  stop(): Promise<void>;
}

/** A Salesforce simulator on a free port with a fresh connected-app key pair. */
export async function startRestHarness(
  options: { seedAccounts?: number; tokenTtlMs?: number } = {},
): Promise<RestHarness> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const simulator = createSalesforceSimulator({
    host: '127.0.0.1',
    port: 0,
    pubsubPort: 0,
    orgId: '00D5g0000012PtLEAU',
    clientId: CLIENT_ID,
    usernames: [USERNAME],
    certificate: publicKey,
    tokenTtlMs: options.tokenTtlMs ?? 3_600_000,
    extraAudiences: [],
    seedAccounts: options.seedAccounts ?? 0,
    apiRequestLimit: 15_000,
  });
  const { rest } = await simulator.start();
  const url = rest!;
  return {
    simulator,
    url,
    privateKey,
    assertion: (overrides = {}, key = privateKey) =>
      jwt.sign(
        { iss: CLIENT_ID, sub: USERNAME, aud: url, exp: Math.floor(Date.now() / 1000) + 180, ...overrides },
        key,
        { algorithm: 'RS256' },
      ),
    stop: () => simulator.stop(),
  };
}
