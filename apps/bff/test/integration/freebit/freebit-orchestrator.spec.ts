import { afterEach, describe, expect, it } from 'vitest';
import {
  FreebitActivationTimeoutError,
  FreebitErrorCode,
} from '../../../src/integrations/freebit/freebit.errors';
import { rejectionOf, startFreebitHarness, type FreebitHarness } from './freebit-test-harness';

const NEW_SIM = { msisdn: '08077770001', productNumber: 'AX7777777777771', planCode: 'PASI_20G' };

describe('FreebitOrchestratorService.activateSim', () => {
  let harness: FreebitHarness;
  afterEach(() => harness.close());

  it('registers once, waits for the asynchronous activation, and is safe to call again', async () => {
    harness = await startFreebitHarness({}, { activationDelayMs: 400 });

    const started = performance.now();
    const first = await harness.orchestrator.activateSim(NEW_SIM);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect(first).toMatchObject({ msisdn: NEW_SIM.msisdn, status: 'active', planCode: 'PASI_20G' });

    const second = await harness.orchestrator.activateSim(NEW_SIM);
    expect(second.status).toBe('active');
    expect(harness.sim.counter.get('PA02-01')).toBe(1);
  });

  it('does not register again when an earlier attempt crashed after registering', async () => {
    harness = await startFreebitHarness({}, { activationDelayMs: 300 });
    await harness.sims.registerAccount(NEW_SIM);
    const [one, two] = await Promise.all([
      harness.orchestrator.activateSim(NEW_SIM),
      harness.orchestrator.activateSim(NEW_SIM),
    ]);
    expect([one.status, two.status]).toEqual(['active', 'active']);
    expect(harness.sim.counter.get('PA02-01')).toBe(1);
  });

  it('treats "already exists" from a racing registration as success', async () => {
    harness = await startFreebitHarness({}, { activationDelayMs: 200 });
    // The detail read says "unknown" once, as if the account were created right after it.
    harness.sim.faults.arm('PA03-02', { failure: 'code:210', times: 1 });
    await harness.sims.registerAccount(NEW_SIM);
    const details = await harness.orchestrator.activateSim(NEW_SIM);
    expect(details.status).toBe('active');
    expect(harness.sim.counter.get('PA02-01')).toBe(2);
    expect(harness.sim.store.accounts.get(NEW_SIM.msisdn)?.productNumber).toBe(NEW_SIM.productNumber);
  });

  it('gives up with a typed timeout error when the SIM never activates', async () => {
    harness = await startFreebitHarness();
    harness.sim.store.setNeverActivate(NEW_SIM.msisdn, true);

    const started = performance.now();
    const error = await rejectionOf(harness.orchestrator.activateSim(NEW_SIM, { deadlineMs: 1_200 }));
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(FreebitActivationTimeoutError);
    expect(error.code).toBe(FreebitErrorCode.ACTIVATION_TIMEOUT);
    expect(elapsed).toBeGreaterThanOrEqual(1_150);
    expect(elapsed).toBeLessThan(3_500);
    expect(harness.sim.counter.get('PA02-01')).toBe(1);
    expect(harness.sim.counter.get('PA03-02')).toBeGreaterThan(2);
  });

  it('ends at the deadline when status polls hang', async () => {
    harness = await startFreebitHarness({ FREEBIT_TIMEOUT_MS: '5000' });
    await harness.sims.registerAccount(NEW_SIM);
    harness.sim.faults.arm('PA03-02', { hang: true });

    const started = performance.now();
    const error = await rejectionOf(harness.orchestrator.activateSim(NEW_SIM, { deadlineMs: 800 }));
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(FreebitActivationTimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(750);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('refuses to activate a suspended SIM without registering it', async () => {
    harness = await startFreebitHarness();
    const suspended = { msisdn: '07011112222', productNumber: 'AX1234567890124', planCode: 'PASI_20G' };
    const error = await rejectionOf(harness.orchestrator.activateSim(suspended));
    expect(error).toMatchObject({ code: FreebitErrorCode.ACTIVATION_FAILED, category: 'CONFLICT' });
    expect(harness.sim.counter.get('PA02-01')).toBe(0);
  });
});
