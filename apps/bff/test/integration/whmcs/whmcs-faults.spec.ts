import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { WhmcsInvoiceService } from '../../../src/integrations/whmcs/services/whmcs-invoice.service';
import { WhmcsOrchestratorService } from '../../../src/integrations/whmcs/services/whmcs-orchestrator.service';
import { WhmcsOrderService } from '../../../src/integrations/whmcs/services/whmcs-order.service';
import type { TestApp } from '../../support/test-app';
import { bootAppFor, simAdmin, startWhmcsSimulator } from './whmcs-harness';

const TIMEOUT_MS = 400;

describe('WHMCS faults and the exactly-once order placement', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;
  let invoices: WhmcsInvoiceService;
  let orders: WhmcsOrderService;
  let orchestrator: WhmcsOrchestratorService;

  const counts = async (): Promise<Record<string, number>> => simAdmin(simulator, 'GET', '/counts');
  const arm = (action: string, fault: Record<string, unknown>) =>
    simAdmin(simulator, 'PUT', `/faults/${action}`, fault);

  beforeAll(async () => {
    simulator = await startWhmcsSimulator();
    harness = await bootAppFor(simulator, {
      WHMCS_TIMEOUT_MS: String(TIMEOUT_MS),
      WHMCS_MAX_RETRIES: '1',
      // These tests fail on purpose; keep the breaker out of the way.
      WHMCS_BREAKER_THRESHOLD: '100',
    });
    invoices = harness.app.get(WhmcsInvoiceService);
    orders = harness.app.get(WhmcsOrderService);
    orchestrator = harness.app.get(WhmcsOrchestratorService);
    await invoices.getPage(1, { page: 1, pageSize: 1 }); // currencies loaded: only the faulted action is measured
    await simAdmin(simulator, 'DELETE', '/counts');
  });
  afterEach(async () => {
    await simAdmin(simulator, 'DELETE', '/faults');
    await simAdmin(simulator, 'DELETE', '/counts');
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
  });

  it('gives up on a hanging WHMCS within the configured deadline (one retry for reads)', async () => {
    await arm('GetInvoices', { hang: true });
    const started = performance.now();
    const error = await invoices.getPage(1, { page: 1, pageSize: 5 }).catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', category: 'TEMPORARY', provider: 'whmcs' });
    // Two attempts of 400 ms plus at most one backoff (cockatiel's exponential backoff is capped well below this).
    expect(elapsed).toBeGreaterThanOrEqual(2 * TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(2 * TIMEOUT_MS + 1_000);
    expect((await counts()).GetInvoices).toBe(2);
  });

  it.each([
    ['a PHP fatal HTML page (status 200)', 'html'],
    ['malformed JSON', 'malformed-json'],
  ])('turns %s into a clean invalid-response error', async (_label, failure) => {
    await arm('GetInvoices', { failure });
    const error = await invoices.getPage(1, { page: 1, pageSize: 5 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'WHMCS_INVALID_RESPONSE',
      category: 'INVALID_RESPONSE',
      message: 'The billing system sent an unreadable answer.',
    });
    expect((error as Error).message).not.toMatch(/Fatal|<b>|invoice/);
  });

  it('never retries a write: AddOrder is sent once even when WHMCS answers 503', async () => {
    await arm('AddOrder', { failure: 'status:503' });
    const error = await orders
      .add({ clientId: 2, lines: [{ productId: 401, billingCycle: 'monthly' }], notes: 'sfOrderId=TEST503' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'WHMCS_HTTP_ERROR', category: 'TEMPORARY' });
    expect((await counts()).AddOrder).toBe(1);
  });

  it('places an order once: find by marker, else add, then accept', async () => {
    const input = {
      sfOrderId: '8015g00000OrDe1AAA',
      clientId: 2,
      lines: [
        { productId: 304, billingCycle: 'monthly' as const, customFields: { 11: '08055556666' } },
        { productId: 302, billingCycle: 'one_time' as const },
      ],
    };
    const placed = await orchestrator.placeOrderOnce(input);
    expect(placed).toMatchObject({ created: true, invoiceId: null });
    expect(placed.serviceIds).toHaveLength(2);
    expect(simulator.state.orders.get(placed.orderId)).toMatchObject({
      status: 'Active',
      notes: 'sfOrderId=8015g00000OrDe1AAA',
    });
    expect(simulator.state.services.get(placed.serviceIds[0]!)?.customFields.get(11)).toBe('08055556666');

    const again = await orchestrator.placeOrderOnce(input);
    expect(again).toEqual({ ...placed, created: false });
    expect(await counts()).toMatchObject({ AddOrder: 1, AcceptOrder: 1 });
  });

  it('calls AddOrder once when its answer times out, finding the order by marker instead', async () => {
    // WHMCS creates the order but answers after our 400 ms deadline.
    await arm('AddOrder', { latencyMs: 1_500, times: 1 });
    const placed = await orchestrator.placeOrderOnce({
      sfOrderId: '8015g00000OrDe2AAA',
      clientId: 1,
      lines: [{ productId: 401, billingCycle: 'monthly' }],
    });
    expect(placed.created).toBe(true);
    expect(simulator.state.orders.get(placed.orderId)).toMatchObject({ status: 'Active', userid: 1 });
    const seen = await counts();
    expect(seen.AddOrder).toBe(1);
    expect(seen.AcceptOrder).toBe(1);
  });

  it('counts an already accepted order as done when the AcceptOrder answer is lost', async () => {
    await arm('AcceptOrder', { latencyMs: 1_500, times: 1 });
    const placed = await orchestrator.placeOrderOnce({
      sfOrderId: '8015g00000OrDe3AAA',
      clientId: 2,
      lines: [{ productId: 401, billingCycle: 'monthly' }],
    });
    expect(simulator.state.orders.get(placed.orderId)?.status).toBe('Active');
    expect(await counts()).toMatchObject({ AddOrder: 1, AcceptOrder: 1 });
  });

  it('finds a marker beyond the first page of a client’s orders', async () => {
    const first = await orchestrator.placeOrderOnce({
      sfOrderId: '8015g00000OrDe4AAA',
      clientId: 2,
      lines: [{ productId: 401, billingCycle: 'monthly' }],
    });
    // Push the order off the first GetOrders page (25 newest).
    for (let index = 0; index < 26; index++) {
      await orders.add({
        clientId: 2,
        lines: [{ productId: 401, billingCycle: 'monthly' }],
        notes: `filler ${index}`,
      });
    }
    await simAdmin(simulator, 'DELETE', '/counts');
    const found = await orders.findByMarker(2, 'sfOrderId=8015g00000OrDe4AAA');
    expect(found).toMatchObject({ orderId: first.orderId, status: 'active' });
    expect((await counts()).GetOrders).toBe(2);
    expect(await orders.findByMarker(2, 'sfOrderId=8015g00000OrDe4AA')).toBeUndefined();
  });
});

describe('WHMCS circuit breaker', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;

  beforeAll(async () => {
    simulator = await startWhmcsSimulator();
    harness = await bootAppFor(simulator, {
      WHMCS_MAX_RETRIES: '0',
      WHMCS_BREAKER_THRESHOLD: '2',
      WHMCS_BREAKER_HALF_OPEN_MS: '60000',
    });
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
  });

  it('opens after consecutive transient failures and then fails fast without calling WHMCS', async () => {
    const orders = harness.app.get(WhmcsOrderService);
    await simAdmin(simulator, 'PUT', '/faults/GetOrders', { failure: 'status:502' });
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(orders.getById(7001)).rejects.toMatchObject({ code: 'WHMCS_HTTP_ERROR' });
    }
    const started = performance.now();
    await expect(orders.getById(7001)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      category: 'TEMPORARY',
    });
    expect(performance.now() - started).toBeLessThan(50);
    expect((await simAdmin(simulator, 'GET', '/counts')).GetOrders).toBe(2);
  });
});
