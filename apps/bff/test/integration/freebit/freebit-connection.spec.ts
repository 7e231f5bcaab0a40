import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCategory } from '../../../src/core/errors/error-category';
import { FreebitError, FreebitErrorCode } from '../../../src/integrations/freebit/freebit.errors';
import { rejectionOf, startFreebitHarness, type FreebitHarness } from './freebit-test-harness';

const MSISDN = '08012345678';

describe('Freebit connection (against the simulator)', () => {
  let harness: FreebitHarness;
  afterEach(() => harness.close());

  it('renews a key Freebit expired once for 50 concurrent callers, and all of them succeed', async () => {
    harness = await startFreebitHarness();
    await harness.sims.getSimDetails(MSISDN);
    expect(harness.sim.counter.get('authOem')).toBe(1);
    harness.sim.store.expireAuthKeys();

    const results = await Promise.all(Array.from({ length: 50 }, () => harness.sims.getSimDetails(MSISDN)));

    expect(results.every((details) => details.msisdn === MSISDN)).toBe(true);
    expect(harness.sim.counter.get('authOem')).toBe(2);
    expect(harness.sim.counter.get('PA03-02')).toBe(1 + 50 + 50);
  });

  it('fetches one key for 50 concurrent callers when its configured lifetime has ended', async () => {
    // Freebit would still accept the key: only our configured lifetime makes it expire.
    harness = await startFreebitHarness({ FREEBIT_AUTH_KEY_TTL_S: '1' });
    await harness.sims.getSimDetails(MSISDN);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => harness.sims.getSimDetails(MSISDN)),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(50);
    expect(harness.sim.counter.get('authOem')).toBe(2);
    // The expiry was known locally: no call went out with the stale key.
    expect(harness.sim.counter.get('PA03-02')).toBe(1 + 50);
  });

  it('reports bad OEM credentials clearly, with one authOem per call and no loop', async () => {
    harness = await startFreebitHarness({ FREEBIT_OEM_KEY: 'wrong-key', FREEBIT_MAX_RETRIES: '2' });

    const error = await rejectionOf(harness.sims.getSimDetails(MSISDN));

    expect(error).toBeInstanceOf(FreebitError);
    expect(error).toMatchObject({
      code: FreebitErrorCode.OEM_AUTH_FAILED,
      category: ErrorCategory.UNAUTHORIZED,
    });
    expect(error.message).toMatch(/OEM credentials/);
    expect(harness.sim.counter.snapshot()).toEqual({ authOem: 1 });
  });

  it('reports an authOem success without a key as an invalid response', async () => {
    harness = await startFreebitHarness();
    harness.sim.faults.arm('authOem', { failure: 'code:100', times: 1 });
    const error = await rejectionOf(harness.sims.getSimDetails(MSISDN));
    expect(error).toMatchObject({
      code: FreebitErrorCode.INVALID_RESPONSE,
      category: ErrorCategory.INVALID_RESPONSE,
    });
    expect((await harness.sims.getSimDetails(MSISDN)).msisdn).toBe(MSISDN);
  });

  it('does not loop when a fresh key is rejected too: one renewal, then a clean error', async () => {
    harness = await startFreebitHarness();
    await harness.sims.getSimDetails(MSISDN);
    harness.sim.counter.reset();
    harness.sim.faults.arm('PA03-02', { failure: 'code:201' });

    const error = await rejectionOf(harness.sims.getSimDetails(MSISDN));

    expect(error).toMatchObject({
      code: FreebitErrorCode.AUTH_KEY_INVALID,
      category: ErrorCategory.UNAUTHORIZED,
    });
    expect(harness.sim.counter.snapshot()).toEqual({ 'PA03-02': 2, authOem: 1 });
  });

  it('ends a hanging call at its timeout with a temporary error', async () => {
    harness = await startFreebitHarness({ FREEBIT_TIMEOUT_MS: '300' });
    await harness.sims.getSimDetails(MSISDN);
    harness.sim.faults.arm('PA03-02', { hang: true });

    const started = performance.now();
    const error = await rejectionOf(harness.sims.getSimDetails(MSISDN));
    const elapsed = performance.now() - started;

    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', category: ErrorCategory.TEMPORARY });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('turns an HTML maintenance page and an unknown result code into clean errors', async () => {
    harness = await startFreebitHarness();
    harness.sim.faults.arm('PA03-02', { failure: 'html', times: 1 });
    const html = await rejectionOf(harness.sims.getSimDetails(MSISDN));
    expect(html).toMatchObject({ code: FreebitErrorCode.HTTP_ERROR, category: ErrorCategory.TEMPORARY });
    expect(html.message).not.toContain('<');

    harness.sim.faults.arm('PA03-02', { failure: 'code:987', times: 1 });
    const unknown = await rejectionOf(harness.sims.getSimDetails(MSISDN));
    expect(unknown).toMatchObject({ code: FreebitErrorCode.UNKNOWN_RESULT, category: ErrorCategory.UNKNOWN });
    expect(unknown.resultCode).toBe('987');

    harness.sim.faults.arm('PA03-02', { failure: 'malformed-json', times: 1 });
    const malformed = await rejectionOf(harness.sims.getSimDetails(MSISDN));
    expect(malformed).toMatchObject({ code: FreebitErrorCode.INVALID_RESPONSE });

    expect((await harness.sims.getSimDetails(MSISDN)).msisdn).toBe(MSISDN);
  });

  it('retries a transient failure of a read and opens the circuit after repeated ones', async () => {
    harness = await startFreebitHarness({ FREEBIT_MAX_RETRIES: '1', FREEBIT_BREAKER_THRESHOLD: '3' });
    await harness.sims.getSimDetails(MSISDN);
    harness.sim.faults.arm('PA03-02', { failure: 'code:500', times: 1 });
    expect((await harness.sims.getSimDetails(MSISDN)).msisdn).toBe(MSISDN);

    harness.sim.faults.arm('PA03-02', { failure: 'status:503' });
    harness.sim.counter.reset();
    await rejectionOf(harness.sims.getSimDetails(MSISDN));
    await rejectionOf(harness.sims.getSimDetails(MSISDN));
    const open = await rejectionOf(harness.sims.getSimDetails(MSISDN));
    expect(open).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect(harness.sim.counter.get('PA03-02')).toBe(3);
  });

  it('never logs subscriber identifiers or keys in clear', async () => {
    harness = await startFreebitHarness();
    harness.sim.faults.arm('PA04-04', { failure: 'code:212', times: 1 });
    await rejectionOf(harness.sims.addQuota(MSISDN, 1_000));
    await harness.sims.getSimDetails(MSISDN);
    const newSim = {
      msisdn: '08066660001',
      productNumber: 'DN6666666666661',
      planCode: 'PASI_5G',
      eid: '89049032000001000000666666666661',
    };
    await harness.sims.registerAccount(newSim);

    const text = harness.logs.text();
    expect(text).toContain('freebit call');
    expect(text).toContain('080******78');
    const clear = [
      MSISDN,
      'AX1234567890123',
      'test-oem-key-5f2c',
      newSim.msisdn,
      newSim.productNumber,
      newSim.eid,
    ];
    for (const value of clear) expect(text).not.toContain(value);
  });
});
