import { describe, expect, it } from 'vitest';
import accountDetails from '../../../../fixtures/freebit/account-details.json';
import authOem from '../../../../fixtures/freebit/auth-oem.json';
import errorAccountNotFound from '../../../../fixtures/freebit/error-account-not-found.json';
import errorAuth from '../../../../fixtures/freebit/error-auth-failed.json';
import errorPattern from '../../../../fixtures/freebit/error-unsupported-pattern.json';
import trafficInfo from '../../../../fixtures/freebit/traffic-info.json';
import rawWorld from '../../../../fixtures/world.json';
import { MappingError } from '../../../common/mapping.errors';
import { Sim } from '../../../index';
import { parseWorld } from '../../../world/world.schema';

const world = parseWorld(rawWorld);
const sim = world.customers[0]!.services[0]!.sim!;
const {
  transformFreebitAccountDetails,
  transformFreebitUsageData,
  assertFreebitSuccess,
  parseFreebitAuthKey,
  FreebitResultError,
} = Sim.Providers.Freebit;

describe('Sim.Providers.Freebit envelope', () => {
  it('reads the authKey from a success envelope', () => {
    expect(parseFreebitAuthKey(authOem)).toBe(authOem.authKey);
    expect(assertFreebitSuccess(authOem).resultCode).toBe('100');
  });

  it.each([
    [errorAuth, '201', '201'],
    [errorAccountNotFound, '210', '210'],
    [errorPattern, '400', '356'],
  ])('throws a typed error for non-success codes (%#)', (envelope, resultCode, statusCode) => {
    expect(() => assertFreebitSuccess(envelope)).toThrowError(FreebitResultError);
    expect(() => assertFreebitSuccess(envelope)).toThrowError(
      expect.objectContaining({ resultCode, statusCode, statusMessage: envelope.status.message }),
    );
  });

  it('accepts a numeric success code and rejects a body that is not an envelope', () => {
    expect(assertFreebitSuccess({ resultCode: 100 }).resultCode).toBe(100);
    expect(() => assertFreebitSuccess('<html>')).toThrowError(MappingError);
    expect(() => parseFreebitAuthKey({ resultCode: '100', status: {} })).toThrowError(
      expect.objectContaining({ path: 'authKey' }),
    );
  });
});

describe('Sim.Providers.Freebit.transformFreebitAccountDetails', () => {
  it('maps PA03-02 to SIM details in whole MB', () => {
    expect(transformFreebitAccountDetails(accountDetails)).toEqual({
      msisdn: sim.msisdn,
      productNumber: sim.productNumber,
      status: 'active',
      planCode: 'PASI_5G',
      planName: 'Data+Voice 5GB',
      networkType: '5G',
      voice: { voiceMail: true, callWaiting: false, internationalRoaming: false },
      remainingQuotaMb: 3584,
      startDate: '2026-04-01',
      eid: sim.eid,
      simType: 'esim',
    });
  });

  it('maps a data-only physical SIM without talk options', () => {
    const detail = {
      ...accountDetails.responseDatas[0]!,
      talkOption: null,
      eid: '',
      simKind: 'P',
      contractLine: '4g',
    };
    expect(transformFreebitAccountDetails({ ...accountDetails, responseDatas: [detail] })).toMatchObject({
      voice: null,
      eid: null,
      simType: 'physical',
      networkType: '4G',
    });
  });

  it('rejects error envelopes, unknown states and bad dates', () => {
    expect(() => transformFreebitAccountDetails(errorAccountNotFound)).toThrowError(FreebitResultError);
    const detail = accountDetails.responseDatas[0]!;
    expect(() =>
      transformFreebitAccountDetails({ ...accountDetails, responseDatas: [{ ...detail, state: 'zombie' }] }),
    ).toThrowError(expect.objectContaining({ path: 'responseDatas[0].state' }));
    expect(() =>
      transformFreebitAccountDetails({
        ...accountDetails,
        responseDatas: [{ ...detail, startDate: '20261340' }],
      }),
    ).toThrowError(expect.objectContaining({ path: 'responseDatas[0].startDate' }));
    expect(() => transformFreebitAccountDetails({ ...accountDetails, responseDatas: [] })).toThrowError(
      expect.objectContaining({ path: 'responseDatas' }),
    );
  });
});

describe('Sim.Providers.Freebit.transformFreebitUsageData', () => {
  it('maps PA05-01 usage for a range, oldest first, in whole MB', () => {
    const usage = transformFreebitUsageData(trafficInfo, { startDate: '2026-11-20', endDate: '2026-11-25' });
    expect(usage.days).toEqual([
      { date: '2026-11-20', usageMb: 300 },
      { date: '2026-11-21', usageMb: 1 },
      { date: '2026-11-22', usageMb: 0 },
      { date: '2026-11-23', usageMb: 500 },
      { date: '2026-11-24', usageMb: 200 },
      { date: '2026-11-25', usageMb: 150 },
    ]);
    expect(usage).toMatchObject({
      msisdn: sim.msisdn,
      totalUsageMb: 1151,
      remainingQuotaMb: 3584,
      totalQuotaMb: 5120,
    });
  });

  it('drops days outside the range and rounds KB down', () => {
    const usage = transformFreebitUsageData(trafficInfo, { startDate: '2026-11-19', endDate: '2026-11-19' });
    expect(usage.days).toEqual([{ date: '2026-11-19', usageMb: 97 }]);
    expect(usage.totalUsageMb).toBe(97);
  });

  it('rejects an inverted range, an error envelope and impossible dates', () => {
    expect(() =>
      transformFreebitUsageData(trafficInfo, { startDate: '2026-11-25', endDate: '2026-11-01' }),
    ).toThrow(RangeError);
    expect(() =>
      transformFreebitUsageData(errorAuth, { startDate: '2026-11-01', endDate: '2026-11-30' }),
    ).toThrowError(FreebitResultError);
    const broken = structuredClone(trafficInfo);
    broken.traffic.inRecentDays[1]!.date = '20260231';
    expect(() =>
      transformFreebitUsageData(broken, { startDate: '2026-01-01', endDate: '2026-12-31' }),
    ).toThrowError(expect.objectContaining({ path: 'traffic.inRecentDays[1].date' }));
  });
});
