import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCategory } from '../../../src/core/errors/error-category';
import { SalesforceAccountService } from '../../../src/integrations/salesforce/services/salesforce-account.service';
import { SalesforceCatalogService } from '../../../src/integrations/salesforce/services/salesforce-catalog.service';
import { SalesforceOrchestratorService } from '../../../src/integrations/salesforce/services/salesforce-orchestrator.service';
import { SalesforceOrderService } from '../../../src/integrations/salesforce/services/salesforce-order.service';
import { startSalesforceHarness, type SalesforceHarness } from './salesforce-test-harness';

const HANAKO = '0015g00000HaNaKAAV';
const TARO = '0015g00000TaRoSAAV';
const FIXTURE_ORDER = '8015g00000OrDa1AAF';

describe('Salesforce entity services and orchestrator against the simulator', () => {
  let harness: SalesforceHarness;
  let orders: SalesforceOrderService;
  let catalog: SalesforceCatalogService;
  let accounts: SalesforceAccountService;
  let orchestrator: SalesforceOrchestratorService;

  beforeAll(async () => {
    harness = await startSalesforceHarness();
    orders = harness.module.get(SalesforceOrderService);
    catalog = harness.module.get(SalesforceCatalogService);
    accounts = harness.module.get(SalesforceAccountService);
    orchestrator = harness.module.get(SalesforceOrchestratorService);
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.sf.simulator.context.counter.reset());

  it('reads an order by id with Account.Name and its items as a domain Order', async () => {
    const order = await orders.getById(FIXTURE_ORDER);
    expect(order).toMatchObject({
      id: FIXTURE_ORDER,
      accountId: HANAKO,
      accountName: 'Hanako Yamada',
      type: 'sim',
      total: { value: 5280, currency: 'JPY' },
      activation: { status: 'Activated' },
    });
    expect(order.items.map((item) => item.sku)).toEqual([
      'SIM-DATA-VOICE-5GB',
      'SIM-ACTIVATION-FEE',
      'SIM-ADDON-VOICEMAIL',
    ]);
  });

  it('answers not found for ids that cannot exist, without querying Salesforce', async () => {
    await expect(orders.getById("801' OR Name LIKE '%")).rejects.toMatchObject({
      category: ErrorCategory.NOT_FOUND,
    });
    await expect(orders.getById('801000000000000AAA')).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(harness.sf.simulator.context.counter.get('query')).toBe(1);
  });

  it('places an order with items all-or-none and reads it back as a domain Order', async () => {
    const before = harness.sf.simulator.store.counts();
    const order = await orchestrator.placeOrder({
      accountId: TARO,
      orderType: 'sim',
      effectiveDate: '2026-11-25',
      order: {
        items: [
          { sku: 'SIM-DATA-20GB', quantity: 1 },
          { sku: 'SIM-ACTIVATION-FEE', quantity: 1 },
        ],
        activationType: 'immediate',
        sim: { simType: 'physical', voiceMail: false, callWaiting: false },
      },
    });
    expect(order).toMatchObject({
      accountId: TARO,
      accountName: 'Taro Suzuki',
      status: 'Pending Review',
      total: { value: 2970 + 3300, currency: 'JPY' },
    });
    expect(order.number).toMatch(/^\d{8}$/);
    expect(order.items.map((item) => [item.sku, item.unitPrice.value])).toEqual([
      ['SIM-DATA-20GB', 2970],
      ['SIM-ACTIVATION-FEE', 3300],
    ]);
    expect(harness.sf.simulator.context.counter.get('composite.tree:Order')).toBe(1);
    expect(harness.sf.simulator.store.counts().Order).toBe(before.Order! + 1);

    const listed = await orders.listForAccount(TARO, { limit: 1, offset: 0 });
    expect(listed.map((summary) => summary.id)).toEqual([order.id]);
  });

  it('an invalid line leaves no Order behind', async () => {
    const before = harness.sf.simulator.store.counts();
    const standardEntry = harness.sf.simulator.store
      .records('PricebookEntry')
      .find((entry) => entry.Pricebook2Id === '01s5g00000StDrDAAV')!;
    const failure = await orders
      .create({
        accountId: TARO,
        effectiveDate: '2026-11-25',
        orderType: 'SIM',
        activationType: 'Immediate',
        lines: [
          { pricebookEntryId: '01u5g00000SiMa1AAF', quantity: 1, unitPrice: 1650, billingCycle: 'Monthly' },
          { pricebookEntryId: standardEntry.Id, quantity: 1, unitPrice: 1, billingCycle: 'Monthly' },
        ],
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toMatchObject({ category: ErrorCategory.VALIDATION, code: 'SALESFORCE_REJECTED' });
    expect(harness.sf.simulator.store.counts()).toEqual(before);
  });

  it('never retries the order create (a retry could create it twice)', async () => {
    harness.sf.simulator.context.faults.arm('composite.tree:Order', { failure: 'status:503', times: 1 });
    const before = harness.sf.simulator.store.counts().Order;
    await expect(
      orchestrator.placeOrder({
        accountId: TARO,
        orderType: 'vpn',
        order: { items: [{ sku: 'VPN-STANDARD', quantity: 1 }], activationType: 'immediate' },
      }),
    ).rejects.toMatchObject({ category: ErrorCategory.TEMPORARY });
    expect(harness.sf.simulator.context.counter.get('composite.tree:Order')).toBe(1);
    expect(harness.sf.simulator.store.counts().Order).toBe(before);
  });

  it('refuses SKUs that are not in the portal pricebook before creating anything', async () => {
    await expect(
      orchestrator.placeOrder({
        accountId: TARO,
        orderType: 'sim',
        order: { items: [{ sku: 'NOT-A-SKU', quantity: 1 }], activationType: 'immediate' },
      }),
    ).rejects.toMatchObject({ category: ErrorCategory.VALIDATION, fields: [{ path: 'items.0.sku' }] });
    expect(harness.sf.simulator.context.counter.get('composite.tree:Order')).toBe(0);
  });

  it('records activation transitions with the error fields', async () => {
    await orchestrator.markActivating(FIXTURE_ORDER);
    expect((await orders.getById(FIXTURE_ORDER)).activation.status).toBe('Activating');
    await orchestrator.markFailed(FIXTURE_ORDER, 'PAYMENT_METHOD_MISSING', 'No payment method on file');
    expect((await orders.getById(FIXTURE_ORDER)).activation).toMatchObject({
      status: 'Failed',
      errorCode: 'PAYMENT_METHOD_MISSING',
      errorMessage: 'No payment method on file',
    });
    await orchestrator.markActivated(FIXTURE_ORDER, '7001');
    expect((await orders.getById(FIXTURE_ORDER)).activation).toMatchObject({
      status: 'Activated',
      errorCode: null,
      errorMessage: null,
    });
  });

  it('maps the catalog by type to CatalogProduct with portal prices, and serves the second read from cache', async () => {
    const sims = await catalog.getByType('sim');
    expect(sims.map((product) => [product.sku, product.price?.value])).toEqual([
      ['SIM-ACTIVATION-FEE', 3300],
      ['SIM-DATA-20GB', 2970],
      ['SIM-DATA-VOICE-5GB', 1650],
      ['SIM-ADDON-VOICEMAIL', 330],
    ]);
    expect(sims.every((product) => product.category === 'sim' && product.price?.currency === 'JPY')).toBe(
      true,
    );
    const queriesAfterFirst = harness.sf.simulator.context.counter.get('query');
    expect(queriesAfterFirst).toBe(1);
    const again = await catalog.getCachedByType('sim');
    expect(again.stale).toBe(false);
    expect(JSON.parse(again.json)).toEqual(sims);
    expect(harness.sf.simulator.context.counter.get('query')).toBe(queriesAfterFirst);
  });

  it('finds accounts by id and by WHMCS client id', async () => {
    await expect(accounts.getById(HANAKO)).resolves.toMatchObject({
      whmcsClientId: 1,
      customerNumber: 'CUST-000001',
    });
    await expect(accounts.findByWhmcsClientId(2)).resolves.toMatchObject({ id: TARO });
    await expect(accounts.findByWhmcsClientId(999_999)).resolves.toBeNull();
  });
});
