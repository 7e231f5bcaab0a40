import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRestHarness } from '../../../../sandbox/test/integration/salesforce/salesforce-rest-harness';
import { ErrorCategory } from '../../../src/core/errors/error-category';
import { MetricsService } from '../../../src/core/metrics/metrics.service';
import { SalesforceAccountService } from '../../../src/integrations/salesforce/services/salesforce-account.service';
import { SalesforceConnectionService } from '../../../src/integrations/salesforce/services/salesforce-connection.service';
import {
  buildSalesforceModule,
  startSalesforceHarness,
  type SalesforceHarness,
} from './salesforce-test-harness';

const HANAKO = '0015g00000HaNaKAAV';

describe('SalesforceConnectionService against the simulator', () => {
  let harness: SalesforceHarness;
  let connection: SalesforceConnectionService;
  let accounts: SalesforceAccountService;

  beforeAll(async () => {
    harness = await startSalesforceHarness({}, { seedAccounts: 5_000 });
    connection = harness.module.get(SalesforceConnectionService);
    accounts = harness.module.get(SalesforceAccountService);
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.sf.simulator.context.faults.clear();
    harness.sf.simulator.context.counter.reset();
  });

  it('logs in with the JWT bearer flow and exposes the session for the Pub/Sub client', async () => {
    const session = await connection.session();
    expect(session.accessToken).toMatch(/^00D5g0000012PtLEAU!/);
    expect(session.instanceUrl).toBe(harness.sf.url);
    expect(session.organizationId).toBe('00D5g0000012PtLEAU');
    const fresh = await connection.getFreshToken();
    expect(fresh.accessToken).not.toBe(session.accessToken);
    expect(harness.sf.simulator.tokens.isValidAccessToken(fresh.accessToken)).toBe(true);
  });

  it('concurrent getFreshToken callers (e.g. Pub/Sub reconnects) share one token request', async () => {
    const sessions = await Promise.all(Array.from({ length: 10 }, () => connection.getFreshToken()));
    expect(new Set(sessions.map((session) => session.accessToken)).size).toBe(1);
    expect(harness.sf.simulator.context.counter.get('oauth.token')).toBe(1);
  });

  it('refuses to start with a bad key and names SF_PRIVATE_KEY', async () => {
    await expect(buildSalesforceModule(harness.sf, { SF_PRIVATE_KEY: 'not-a-key' })).rejects.toThrow(
      /SF_PRIVATE_KEY .*cannot read the file/,
    );
    await expect(
      buildSalesforceModule(harness.sf, {
        SF_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
      }),
    ).rejects.toThrow(/SF_PRIVATE_KEY .*not a PEM private key/);
  });

  it('20 concurrent calls on an expired token cause exactly one token request and all succeed', async () => {
    await accounts.getById(HANAKO);
    harness.sf.simulator.context.counter.reset();
    harness.sf.simulator.tokens.expireAll();
    const results = await Promise.all(Array.from({ length: 20 }, () => accounts.getById(HANAKO)));
    expect(results.every((account) => account.id === HANAKO)).toBe(true);
    expect(harness.sf.simulator.context.counter.get('oauth.token')).toBe(1);
    expect(harness.sf.simulator.context.counter.get('query')).toBeGreaterThanOrEqual(20);
  });

  it('a provider that keeps answering 401 yields UNAUTHORIZED within the deadline, not a refresh loop', async () => {
    harness.sf.simulator.context.faults.arm('query', { failure: 'INVALID_SESSION_ID' });
    const started = Date.now();
    const failure = await accounts.getById(HANAKO).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ category: ErrorCategory.UNAUTHORIZED, code: 'SALESFORCE_UNAUTHORIZED' });
    expect(Date.now() - started).toBeLessThan(2_000);
    // Bounded: SF_MAX_CONSECUTIVE_REFRESHES (2) token requests, then the error.
    expect(harness.sf.simulator.context.counter.get('oauth.token')).toBe(2);
  });

  it('a query spanning 5,000+ records returns all of them (query-more followed)', async () => {
    const records = await connection.query<{ Id: string }>('SELECT Id FROM Account', 'test.all');
    expect(records).toHaveLength(harness.sf.simulator.store.counts().Account!);
    expect(records.length).toBeGreaterThan(5_000);
    expect(new Set(records.map((record) => record.Id)).size).toBe(records.length);
    expect(harness.sf.simulator.context.counter.get('queryMore')).toBe(2);
  });

  it('retries a transient read failure once and maps rate limiting', async () => {
    harness.sf.simulator.context.faults.arm('query', { failure: 'status:503', times: 1 });
    await expect(accounts.getById(HANAKO)).resolves.toMatchObject({ id: HANAKO });
    expect(harness.sf.simulator.context.counter.get('query')).toBe(2);
    harness.sf.simulator.context.faults.arm('query', { failure: 'REQUEST_LIMIT_EXCEEDED', times: 2 });
    await expect(accounts.getById(HANAKO)).rejects.toMatchObject({ category: ErrorCategory.RATE_LIMITED });
  });

  it('exports Sforce-Limit-Info as the bff_salesforce_api_usage metric', async () => {
    await accounts.getById(HANAKO);
    const metrics = await harness.module
      .get(MetricsService)
      .registry.getSingleMetricAsString('bff_salesforce_api_usage');
    expect(metrics).toMatch(/bff_salesforce_api_usage\{kind="limit"\} 15000/);
    expect(metrics).toMatch(/bff_salesforce_api_usage\{kind="used"\} [1-9]\d*/);
  });

  it('opens the circuit after consecutive transient failures and then fails fast without calling Salesforce', async () => {
    const sf = await startRestHarness();
    const module = await buildSalesforceModule(sf, { SF_MAX_RETRIES: '0', SF_BREAKER_THRESHOLD: '2' });
    try {
      const service = module.get(SalesforceAccountService);
      await service.getById(HANAKO);
      sf.simulator.context.faults.arm('query', { failure: 'status:503' });
      for (let i = 0; i < 2; i++) {
        await expect(service.getById(HANAKO)).rejects.toMatchObject({ category: ErrorCategory.TEMPORARY });
      }
      sf.simulator.context.counter.reset();
      await expect(service.getById(HANAKO)).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
      expect(sf.simulator.context.counter.get('query')).toBe(0);
    } finally {
      sf.simulator.context.faults.clear();
      await module.close();
      await sf.stop();
    }
  });

  it('gives a hanging call our own deadline (SF_TIMEOUT_MS), not jsforce’s 30 minutes', async () => {
    const sf = await startRestHarness();
    const module = await buildSalesforceModule(sf, { SF_TIMEOUT_MS: '300', SF_MAX_RETRIES: '0' });
    try {
      const service = module.get(SalesforceAccountService);
      await service.getById(HANAKO);
      sf.simulator.context.faults.arm('query', { hang: true });
      const started = Date.now();
      await expect(service.getById(HANAKO)).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      sf.simulator.context.faults.clear();
      await module.close();
      await sf.stop();
    }
  });
});
