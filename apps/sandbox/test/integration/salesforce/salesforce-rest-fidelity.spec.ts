import { generateKeyPairSync } from 'node:crypto';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JWT_BEARER, startRestHarness, type RestHarness } from './salesforce-rest-harness';

const VERSION = '62.0';
const PORTAL_PRICEBOOK = '01s5g00000PoRtLAAV';
const HANAKO = '0015g00000HaNaKAAV';

/** The unmodified jsforce client against the simulator: the proof that the wire protocol is right. */
describe('Salesforce REST simulator with jsforce', () => {
  let harness: RestHarness;
  let conn: Connection;
  let refreshes = 0;

  beforeAll(async () => {
    harness = await startRestHarness({ seedAccounts: 5_000 });
  });
  afterAll(() => harness.stop());

  beforeEach(async () => {
    refreshes = 0;
    conn = new Connection({
      loginUrl: harness.url,
      version: VERSION,
      refreshFn: (c, callback) => {
        refreshes += 1;
        c.authorize({ grant_type: JWT_BEARER, assertion: harness.assertion() }).then(
          () => callback(null, c.accessToken ?? undefined),
          (error: Error) => callback(error),
        );
      },
    });
    await conn.authorize({ grant_type: JWT_BEARER, assertion: harness.assertion() });
  });

  it('logs in with the JWT bearer flow and gets an org-prefixed token and the id URL', () => {
    expect(conn.accessToken).toMatch(/^00D5g0000012PtLEAU!AQ/);
    expect(conn.instanceUrl).toBe(harness.url);
    expect(conn.userInfo?.organizationId).toBe('00D5g0000012PtLEAU');
  });

  it('answers invalid_grant for an assertion signed with another key, a wrong audience or an unknown user', async () => {
    const { privateKey: otherKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const fresh = new Connection({ loginUrl: harness.url, version: VERSION });
    await expect(
      fresh.authorize({ grant_type: JWT_BEARER, assertion: harness.assertion({}, otherKey) }),
    ).rejects.toThrow('invalid assertion');
    await expect(
      fresh.authorize({
        grant_type: JWT_BEARER,
        assertion: harness.assertion({ aud: 'https://evil.example' }),
      }),
    ).rejects.toThrow('audience is invalid');
    await expect(
      fresh.authorize({
        grant_type: JWT_BEARER,
        assertion: harness.assertion({ sub: 'nobody@example.com' }),
      }),
    ).rejects.toThrow("user hasn't approved this consumer");
    await expect(
      fresh.authorize({
        grant_type: JWT_BEARER,
        assertion: harness.assertion({ exp: Math.floor(Date.now() / 1000) + 3_600 }),
      }),
    ).rejects.toThrow('invalid assertion');
    const raw = await fetch(`${harness.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=${JWT_BEARER}&assertion=${harness.assertion({ iss: 'other' })}`,
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await raw.json()).toEqual({
      error: 'invalid_client_id',
      error_description: 'client identifier invalid',
    });
  });

  it('pages a 5,000+ record query in batches of 2,000 and query-more returns every record once', async () => {
    const first = await conn.query<{ Id: string }>('SELECT Id, Name FROM Account ORDER BY Name');
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2_000);
    expect(first.totalSize).toBeGreaterThanOrEqual(5_000);
    const all = await conn
      .query<{ Id: string }>('SELECT Id, Name FROM Account ORDER BY Name')
      .run({ autoFetch: true, maxFetch: 100_000 });
    expect(all.records).toHaveLength(first.totalSize);
    expect(new Set(all.records.map((record) => record.Id)).size).toBe(first.totalSize);
  });

  it('honours Sforce-Query-Options batchSize and reports Sforce-Limit-Info', async () => {
    const response = await fetch(`${harness.url}/services/data/v${VERSION}/query/?q=SELECT+Id+FROM+Account`, {
      headers: { authorization: `Bearer ${conn.accessToken}`, 'sforce-query-options': 'batchSize=500' },
    });
    const body = (await response.json()) as { records: unknown[]; nextRecordsUrl: string };
    expect(body.records).toHaveLength(500);
    expect(body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-500$/);
    expect(response.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  });

  it('evaluates relationship fields, child subqueries, filters, ordering, paging and COUNT()', async () => {
    const catalog = await conn.query<any>(
      `SELECT Id, Name, StockKeepingUnit, (SELECT Id, UnitPrice FROM PricebookEntries WHERE Pricebook2Id = '${PORTAL_PRICEBOOK}' AND IsActive = true) FROM Product2 WHERE Portal_Catalog__c = true AND Product2Categories1__c IN ('SIM', 'VPN') AND (NOT Name LIKE '%Fee%') ORDER BY WH_Product_ID__c DESC`,
    );
    expect(catalog.records.map((record) => record.StockKeepingUnit)).toEqual([
      'VPN-STANDARD',
      'SIM-DATA-20GB',
      'SIM-ADDON-VOICEMAIL',
      'SIM-DATA-VOICE-5GB',
    ]);
    expect(catalog.records[0].PricebookEntries).toMatchObject({ totalSize: 1, done: true });
    expect(catalog.records[0].PricebookEntries.records[0]).toMatchObject({
      attributes: { type: 'PricebookEntry' },
      UnitPrice: 1100,
    });

    const orders = await conn.query<any>(
      `SELECT Id, OrderNumber, Account.Name, TotalAmount FROM Order WHERE AccountId = '${HANAKO.slice(0, 15)}' AND CreatedDate < TODAY AND EffectiveDate = 2026-03-28`,
    );
    expect(orders.records).toHaveLength(1);
    expect(orders.records[0]).toMatchObject({
      Account: { attributes: { type: 'Account' }, Name: 'Hanako Yamada' },
      TotalAmount: 5280,
    });

    const count = await conn.query(`SELECT COUNT() FROM Account WHERE Name LIKE 'Load Test Account 00000_'`);
    expect(count).toMatchObject({ totalSize: 9, done: true, records: [] });

    const paged = await conn.query<any>(
      `SELECT Customer_Number__c FROM Account WHERE Customer_Number__c LIKE 'LOAD-%' ORDER BY Customer_Number__c LIMIT 2 OFFSET 3`,
    );
    expect(paged.records.map((record) => record.Customer_Number__c)).toEqual(['LOAD-000004', 'LOAD-000005']);

    const nulls = await conn.query<any>(
      `SELECT StockKeepingUnit FROM Product2 WHERE Internet_Plan_Tier__c = null AND Id NOT IN ('01t5g00000VpNa1AAF') AND StockKeepingUnit != 'SIM-DATA-20GB' ORDER BY StockKeepingUnit`,
    );
    expect(nulls.records.map((record) => record.StockKeepingUnit)).toEqual([
      'INTERNET-ADDON-HOME-PHONE',
      'INTERNET-INSTALL-SINGLE',
      'SIM-ACTIVATION-FEE',
      'SIM-ADDON-VOICEMAIL',
      'SIM-DATA-VOICE-5GB',
    ]);
  });

  it('answers unsupported or invalid SOQL with Salesforce error codes, never a crash', async () => {
    await expect(conn.query('SELECT Id FROMM Account')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(conn.query('SELECT Name, COUNT(Id) FROM Account GROUP BY Name')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(conn.query('SELECT Bogus FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    await expect(conn.query('SELECT Id FROM Foo__c')).rejects.toMatchObject({ errorCode: 'INVALID_TYPE' });
    await expect(conn.query(`SELECT Id FROM Account WHERE Name = 'a\\q'`)).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(conn.query(`SELECT Id FROM Account WHERE Id = 'not-an-id'`)).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
    });
  });

  it('creates, retrieves and updates records; OrderNumber is auto-numbered and TotalAmount rolled up', async () => {
    const order = await conn.sobject('Order').create({
      AccountId: HANAKO,
      Pricebook2Id: PORTAL_PRICEBOOK,
      EffectiveDate: '2026-11-25',
      Status: 'Pending Review',
      Order_Type__c: 'SIM',
    });
    expect(order).toMatchObject({ success: true, errors: [] });
    expect(order.id).toMatch(/^801\w{15}$/);
    await conn.sobject('OrderItem').create({
      OrderId: order.id,
      PricebookEntryId: '01u5g00000SiMa1AAF',
      Quantity: 2,
      UnitPrice: 1650,
    });
    const updated = await conn.sobject('Order').update({ Id: order.id!, Activation_Status__c: 'Activating' });
    expect(updated).toMatchObject({ id: order.id, success: true });
    const read = await conn.sobject('Order').retrieve(order.id!);
    expect(read).toMatchObject({
      attributes: { type: 'Order' },
      Activation_Status__c: 'Activating',
      TotalAmount: 3300,
      OrderNumber: expect.stringMatching(/^\d{8}$/),
    });
    await expect(conn.sobject('Order').create({ AccountId: HANAKO })).rejects.toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
    });
    await expect(conn.sobject('Order').retrieve('801000000000000AAA')).rejects.toMatchObject({
      errorCode: 'NOT_FOUND',
    });
  });

  it('creates collections all-or-none: one invalid record rolls every record back', async () => {
    const before = harness.simulator.store.counts().Account;
    const results = await conn
      .sobject('Account')
      .create([{ Name: 'Collection A' }, { Name: 'Collection B', Bogus__c: 1 }], { allOrNone: true });
    expect(results.map((result) => result.success)).toEqual([false, false]);
    expect(results[0]!.errors[0]).toMatchObject({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' });
    expect(results[1]!.errors[0]).toMatchObject({ statusCode: 'INVALID_FIELD' });
    expect(harness.simulator.store.counts().Account).toBe(before);
    const partial = await conn.sobject('Account').create([{ Name: 'Collection C' }, { Phone: '1' }]);
    expect(partial.map((result) => result.success)).toEqual([true, false]);
    expect(harness.simulator.store.counts().Account).toBe(before! + 1);
  });

  it('answers 401 INVALID_SESSION_ID for revoked tokens and jsforce refreshes through its hook', async () => {
    harness.simulator.tokens.expireAll();
    const result = await conn.query('SELECT Id FROM Pricebook2');
    expect(result.totalSize).toBe(2);
    expect(refreshes).toBe(1);
    const raw = await fetch(`${harness.url}/services/data/v${VERSION}/query?q=SELECT+Id+FROM+Account`, {
      headers: { authorization: 'Bearer 00D5g0000012PtLEAU!bogus' },
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });

  it('injects REQUEST_LIMIT_EXCEEDED per operation and counts operations', async () => {
    const admin = (path: string, init?: RequestInit) => fetch(`${harness.url}/__admin${path}`, init);
    await admin('/counts', { method: 'DELETE' });
    await admin('/faults/query', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failure: 'REQUEST_LIMIT_EXCEEDED', times: 1 }),
    });
    await expect(conn.query('SELECT Id FROM Pricebook2')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
    await expect(conn.query('SELECT Id FROM Pricebook2')).resolves.toMatchObject({ totalSize: 2 });
    expect(await (await admin('/counts')).json()).toMatchObject({ query: 2 });
  });

  it('approving an order through the admin API sets Status and notifies approval listeners once', async () => {
    const approved: string[] = [];
    const detach = harness.simulator.store.onOrderApproved((order) => approved.push(order.Id));
    const pending = await conn.query<{ Id: string }>(
      `SELECT Id FROM Order WHERE Status = 'Pending Review' LIMIT 1`,
    );
    const id = pending.records[0]!.Id;
    const response = await fetch(`${harness.url}/__admin/orders/${id}/approve`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      Id: id,
      Status: 'Approved',
      Activation_Status__c: 'Activating',
    });
    await fetch(`${harness.url}/__admin/orders/${id}/approve`, { method: 'POST' });
    detach();
    expect(approved).toEqual([id]);
  });
});
