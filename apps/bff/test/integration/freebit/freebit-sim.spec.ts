import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors/app.errors';
import { FreebitErrorCode } from '../../../src/integrations/freebit/freebit.errors';
import { rejectionOf, startFreebitHarness, type FreebitHarness } from './freebit-test-harness';

const MSISDN = '08012345678';
const isoDay = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('FreebitSimService (against the simulator and a real Redis)', () => {
  let harness: FreebitHarness;
  beforeAll(async () => {
    harness = await startFreebitHarness();
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    // Fresh accounts and counts; the reset also drops issued keys, so fetch a new one before counting calls.
    harness.sim.reset();
    await harness.sims.getSimDetails('09087654321');
    harness.sim.counter.reset();
  });

  it('maps PA03-02 account detail to SimDetails', async () => {
    const details = await harness.sims.getSimDetails(MSISDN);
    expect(details).toMatchObject({
      msisdn: MSISDN,
      productNumber: 'AX1234567890123',
      status: 'active',
      planCode: 'PASI_5G',
      networkType: '5G',
      eid: '89049032000001000000123456789012',
    });
    expect(Number.isInteger(details.remainingQuotaMb)).toBe(true);
  });

  it('maps PA05-01 traffic to SimUsage for the requested range and serves repeats from the cache', async () => {
    const start = isoDay(-6);
    const end = isoDay(0);
    const usage = await harness.sims.getSimUsage(MSISDN, start, end);
    expect(usage.days.map((day) => day.date)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(isoDay));
    expect(usage.days.every((day) => Number.isInteger(day.usageMb) && day.usageMb >= 0)).toBe(true);
    expect(usage.totalUsageMb).toBe(usage.days.reduce((sum, day) => sum + day.usageMb, 0));

    expect(await harness.sims.getSimUsage(MSISDN, start, end)).toEqual(usage);
    expect(harness.sim.counter.get('PA05-01')).toBe(1);
  });

  it.each([
    ['a short MSISDN', '0801234', isoDay(-3), isoDay(0)],
    ['a non-numeric MSISDN', '0801234567a', isoDay(-3), isoDay(0)],
    ['a start after the end', MSISDN, isoDay(-1), isoDay(-3)],
    ['an end in the future', MSISDN, isoDay(-1), isoDay(2)],
    ['a start beyond the history window', MSISDN, isoDay(-120), isoDay(0)],
    ['a date that does not exist', MSISDN, '2026-02-30', isoDay(0)],
    ['a date in another format', MSISDN, '20261101', isoDay(0)],
  ])('rejects %s before any call', async (_label, msisdn, start, end) => {
    const error = await rejectionOf(harness.sims.getSimUsage(msisdn, start, end));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields.length).toBeGreaterThan(0);
    for (const field of error.fields) expect(['msisdn', 'startDate', 'endDate']).toContain(field.path);
    expect(harness.sim.counter.snapshot()).toEqual({});
  });

  it('rejects an invalid MSISDN for details and quota outside 100–51,200 MB before any call', async () => {
    for (const attempt of [
      harness.sims.getSimDetails('123'),
      harness.sims.addQuota(MSISDN, 99),
      harness.sims.addQuota(MSISDN, 51_201),
      harness.sims.addQuota(MSISDN, 100.5),
    ]) {
      expect(await rejectionOf(attempt)).toBeInstanceOf(ValidationError);
    }
    expect(harness.sim.counter.snapshot()).toEqual({});
  });

  it('adds quota and drops the cached usage of that SIM', async () => {
    const before = await harness.sims.getSimDetails(MSISDN);
    await harness.sims.getSimUsage(MSISDN, isoDay(-2), isoDay(0));
    await harness.sims.addQuota(MSISDN, 1_024);
    const after = await harness.sims.getSimDetails(MSISDN);
    expect(after.remainingQuotaMb - before.remainingQuotaMb).toBe(1_024);
    await harness.sims.getSimUsage(MSISDN, isoDay(-2), isoDay(0));
    expect(harness.sim.counter.get('PA05-01')).toBe(2);
  });

  it('changes the plan, and cancels an account', async () => {
    await harness.sims.changePlan('09087654321', 'PASI_20G');
    expect((await harness.sims.getSimDetails('09087654321')).planCode).toBe('PASI_20G');
    await harness.sims.cancelAccount('09087654321');
    expect((await harness.sims.getSimDetails('09087654321')).status).toBe('cancelled');
    const again = await rejectionOf(harness.sims.cancelAccount('09087654321'));
    expect(again.code).toBe(FreebitErrorCode.INVALID_STATE);
  });

  it('reports an unknown SIM as not found', async () => {
    const error = await rejectionOf(harness.sims.getSimDetails('08000000000'));
    expect(error).toMatchObject({ code: FreebitErrorCode.ACCOUNT_NOT_FOUND, category: 'NOT_FOUND' });
  });
});
