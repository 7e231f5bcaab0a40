import accountDetailsFixture from '@portal/domain/fixtures/freebit/account-details.json';
import authOemFixture from '@portal/domain/fixtures/freebit/auth-oem.json';
import trafficInfoFixture from '@portal/domain/fixtures/freebit/traffic-info.json';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FreebitSimulator } from '../../../src';

const OEM = { oemId: 'TEST_OEM', oemKey: 'test-key' };

/** Every key path of a JSON value (array items collapsed), to compare shapes with the domain fixtures. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : shape(value[0], `${path}[]`);
  if (typeof value !== 'object' || value === null) return [`${path}:${typeof value}`];
  return Object.entries(value)
    .flatMap(([key, child]) => shape(child, `${path}.${key}`))
    .sort();
}

describe('Freebit simulator', () => {
  const sim = new FreebitSimulator({
    host: '127.0.0.1',
    port: 0,
    ...OEM,
    authKeyTtlMs: 60_000,
    activationDelayMs: 200,
  });
  let base = '';

  const post = async (path: string, json: unknown, multipart = false) => {
    const body = multipart ? new FormData() : new URLSearchParams();
    body.append('json', typeof json === 'string' ? json : JSON.stringify(json));
    const response = await fetch(`${base}/emptool/api/${path}/`, { method: 'POST', body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const call = async (path: string, json: unknown, multipart = false) =>
    JSON.parse((await post(path, json, multipart)).text) as Record<string, any>;
  const authKey = async () => (await call('authOem', OEM)).authKey as string;
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${base}/__admin/${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });

  beforeAll(async () => {
    base = (await sim.start()).api!;
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await admin('POST', 'reset');
  });

  it('issues auth keys for the right OEM credentials only', async () => {
    const good = await call('authOem', OEM);
    expect(good.resultCode).toBe('100');
    expect(good.authKey).toMatch(/^[0-9a-f]{32}$/);
    const bad = await call('authOem', { ...OEM, oemKey: 'nope' });
    expect(bad.resultCode).toBe('202');
  });

  it('serves account detail (PA03-02) for a world.json SIM over urlencoded and multipart bodies', async () => {
    const key = await authKey();
    const request = { authKey: key, version: '2', requestDatas: [{ kind: 'MVNO', account: '08012345678' }] };
    for (const multipart of [false, true]) {
      const detail = await call('master/getAcnt', request, multipart);
      expect(detail.resultCode).toBe('100');
      expect(detail.responseDatas[0]).toMatchObject({
        account: '08012345678',
        productNumber: 'AX1234567890123',
        planCode: 'PASI_5G',
        state: 'active',
      });
    }
    const suspended = await call('master/getAcnt', {
      ...request,
      requestDatas: [{ kind: 'MVNO', account: '07011112222' }],
    });
    expect(suspended.responseDatas[0].state).toBe('suspended');
    const missing = await call('master/getAcnt', {
      ...request,
      requestDatas: [{ kind: 'MVNO', account: '08000000000' }],
    });
    expect(missing.resultCode).toBe('210');
  });

  it('answers in the shapes of the domain raw fixtures', async () => {
    const key = await authKey();
    expect(shape(await call('authOem', OEM))).toEqual(shape(authOemFixture));
    const detail = await call('master/getAcnt', {
      authKey: key,
      requestDatas: [{ kind: 'MVNO', account: '08012345678' }],
    });
    expect(shape(detail)).toEqual(shape(accountDetailsFixture));
    const traffic = await call('mvno/getTrafficInfo', { authKey: key, account: '08012345678' });
    expect(shape(traffic)).toEqual(shape(trafficInfoFixture));
  });

  it('rejects unknown and expired keys with the auth error code', async () => {
    const request = (key: string) => ({ authKey: key, account: '08012345678' });
    expect((await call('mvno/getTrafficInfo', request('unknown'))).resultCode).toBe('201');
    const key = await authKey();
    expect((await call('mvno/getTrafficInfo', request(key))).resultCode).toBe('100');
    await admin('POST', 'auth-keys/expire');
    expect((await call('mvno/getTrafficInfo', request(key))).resultCode).toBe('201');
  });

  it('validates parameters with distinct detail codes', async () => {
    const key = await authKey();
    const cases: [string, Record<string, unknown>, string][] = [
      ['mvno/getTrafficInfo', { account: '0801234' }, '301'],
      ['mvno/getTrafficInfo', { account: '080123456789012' }, '301'],
      ['master/addSpec', { kind: 'MVNO', account: '08012345678', quota: '512001' }, '305'],
      ['master/addSpec', { kind: 'MVNO', account: '08012345678', quota: 100 }, '305'],
      ['master/addSpec', { kind: 'MVNO', account: '08012345678', quota: '100', expire: '20260230' }, '303'],
      ['mvno/changePlan', { account: '08012345678', planCode: 'PASI_20G', globalIp: '30' }, '304'],
      [
        'master/addAcnt',
        {
          createType: 'new',
          kind: 'MVNO',
          account: '08099990000',
          productNumber: 'A1234567890123',
          planCode: 'PASI_5G',
        },
        '302',
      ],
    ];
    for (const [path, params, statusCode] of cases) {
      const answer = await call(path, { authKey: key, ...params });
      expect(answer.resultCode, path).toBe('300');
      expect(answer.status.statusCode, path).toBe(statusCode);
    }
    expect((await call('mvno/getTrafficInfo', 'not json')).resultCode).toBe('300');
  });

  it('returns deterministic daily usage that moves with the admin clock', async () => {
    const key = await authKey();
    const first = await call('mvno/getTrafficInfo', { authKey: key, account: '08012345678' });
    const again = await call('mvno/getTrafficInfo', { authKey: key, account: '08012345678' });
    expect(first.traffic).toEqual(again.traffic);
    expect(first.traffic.inRecentDays.length).toBeGreaterThan(30);
    expect(Number(first.quota.totalKb)).toBe(5 * 1024 * 1024);
    await admin('POST', 'clock', { offsetDays: 3 });
    const later = await call('mvno/getTrafficInfo', { authKey: key, account: '08012345678' });
    expect(later.traffic.today.date > first.traffic.today.date).toBe(true);
    expect(later.traffic.inRecentDays[3]).toEqual(first.traffic.inRecentDays[0]);
  });

  it('adds quota (PA04-04) to the remaining allowance', async () => {
    const key = await authKey();
    const before = await call('mvno/getTrafficInfo', { authKey: key, account: '08012345678' });
    const added = await call('master/addSpec', {
      authKey: key,
      kind: 'MVNO',
      account: '08012345678',
      quota: '1000',
    });
    expect(added.resultCode).toBe('100');
    const after = await call('mvno/getTrafficInfo', { authKey: key, account: '08012345678' });
    expect(Number(after.quota.totalKb) - Number(before.quota.totalKb)).toBe(1000 * 1024);
  });

  it('registers asynchronously (PA02-01), refuses a second registration and can be told never to activate', async () => {
    const key = await authKey();
    const register = (account: string) =>
      call('master/addAcnt', {
        authKey: key,
        createType: 'add',
        kind: 'MVNO',
        account,
        productNumber: 'AX5555555555555',
        planCode: 'PASI_20G',
      });
    const state = async (account: string) =>
      (await call('master/getAcnt', { authKey: key, requestDatas: [{ kind: 'MVNO', account }] }))
        .responseDatas[0].state;

    expect((await register('08055550001')).resultCode).toBe('100');
    expect(await state('08055550001')).toBe('pending');
    expect((await register('08055550001')).resultCode).toBe('211');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await state('08055550001')).toBe('active');

    await admin('PUT', 'accounts/08055550002/never-activate');
    await register('08055550002');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await state('08055550002')).toBe('pending');
    expect(sim.counter.get('PA02-01')).toBe(3);
  });

  it('cancels (PA02-04) and changes plans (PA05-21)', async () => {
    const key = await authKey();
    const plan = await call('mvno/changePlan', {
      authKey: key,
      account: '09087654321',
      planCode: 'PASI_20G',
    });
    expect(plan.resultCode).toBe('100');
    const detail = await call('master/getAcnt', {
      authKey: key,
      requestDatas: [{ kind: 'MVNO', account: '09087654321' }],
    });
    expect(detail.responseDatas[0].planCode).toBe('PASI_20G');
    const cancel = await call('master/cnclAcnt', {
      authKey: key,
      kind: 'MVNO',
      account: '09087654321',
      runDate: '2020-01-01',
    });
    expect(cancel.resultCode).toBe('100');
    const again = await call('master/cnclAcnt', { authKey: key, kind: 'MVNO', account: '09087654321' });
    expect(again.resultCode).toBe('212');
  });

  it('injects faults per operation and reports its own handling time', async () => {
    const key = await authKey();
    const params = { authKey: key, account: '08012345678' };
    await admin('PUT', 'faults/PA05-01', { failure: 'html', times: 1 });
    const html = await post('mvno/getTrafficInfo', params);
    expect(html.status).toBe(503);
    expect(html.text).toContain('<html>');
    await admin('PUT', 'faults/PA05-01', { failure: 'code:999', times: 1 });
    expect((await call('mvno/getTrafficInfo', params)).resultCode).toBe('999');
    await admin('PUT', 'faults/PA05-01', { latencyMs: 100, times: 1 });
    const slow = await post('mvno/getTrafficInfo', params);
    expect(Number(/dur=([\d.]+)/.exec(slow.headers.get('server-timing') ?? '')?.[1])).toBeGreaterThanOrEqual(
      99,
    );
    const counts = (await (await admin('GET', 'counts')).json()) as Record<string, number>;
    expect(counts['PA05-01']).toBe(3);
    expect(counts.authOem).toBe(1);
  });
});
