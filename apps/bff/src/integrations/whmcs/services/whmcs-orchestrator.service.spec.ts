import { describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError, WhmcsErrorCode } from '../whmcs.errors';
import { WhmcsOrchestratorService } from './whmcs-orchestrator.service';
import type { WhmcsOrderRef, WhmcsOrderService } from './whmcs-order.service';

const INPUT = {
  sfOrderId: '8015g00000OrDe9AAA',
  clientId: 2,
  lines: [{ productId: 401, billingCycle: 'monthly' as const }],
};
const MARKER = 'sfOrderId=8015g00000OrDe9AAA';

const ref = (status: WhmcsOrderRef['status']): WhmcsOrderRef => ({
  orderId: 7101,
  clientId: 2,
  status,
  serviceIds: [1101],
  invoiceId: null,
});

/** A strict mock: any call not set up by the test fails it. */
function ordersMock(
  setup: Partial<Record<'findByMarker' | 'add' | 'accept' | 'getById', ReturnType<typeof vi.fn>>>,
) {
  const unexpected = (name: string) => vi.fn(() => Promise.reject(new Error(`unexpected ${name}`)));
  const mock = {
    findByMarker: setup.findByMarker ?? unexpected('findByMarker'),
    add: setup.add ?? unexpected('add'),
    accept: setup.accept ?? unexpected('accept'),
    getById: setup.getById ?? unexpected('getById'),
  };
  return { mock, service: new WhmcsOrchestratorService(mock as unknown as WhmcsOrderService) };
}

const notPending = new WhmcsError(WhmcsErrorCode.ORDER_NOT_PENDING, ErrorCategory.CONFLICT, 'not pending');

describe('WhmcsOrchestratorService.placeOrderOnce', () => {
  it('adds with the marker in the notes, then accepts', async () => {
    const { mock, service } = ordersMock({
      findByMarker: vi.fn().mockResolvedValue(undefined),
      add: vi.fn().mockResolvedValue({ orderId: 7101, serviceIds: [1101], invoiceId: null }),
      accept: vi.fn().mockResolvedValue(undefined),
    });
    await expect(service.placeOrderOnce(INPUT)).resolves.toEqual({
      orderId: 7101,
      serviceIds: [1101],
      invoiceId: null,
      created: true,
    });
    expect(mock.findByMarker).toHaveBeenCalledWith(2, MARKER);
    expect(mock.add).toHaveBeenCalledWith(expect.objectContaining({ clientId: 2, notes: MARKER }));
    expect(mock.accept).toHaveBeenCalledWith(7101);
  });

  it('does nothing more for an order already accepted', async () => {
    const { service } = ordersMock({ findByMarker: vi.fn().mockResolvedValue(ref('active')) });
    await expect(service.placeOrderOnce(INPUT)).resolves.toMatchObject({ orderId: 7101, created: false });
  });

  it('only accepts an order an earlier attempt added', async () => {
    const { mock, service } = ordersMock({
      findByMarker: vi.fn().mockResolvedValue(ref('pending')),
      accept: vi.fn().mockResolvedValue(undefined),
    });
    await service.placeOrderOnce(INPUT);
    expect(mock.accept).toHaveBeenCalledOnce();
  });

  it('looks the order up instead of re-adding when the AddOrder answer is lost', async () => {
    const { mock, service } = ordersMock({
      findByMarker: vi.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce(ref('pending')),
      add: vi.fn().mockRejectedValue(ProviderError.timeout('whmcs', 'AddOrder')),
      accept: vi.fn().mockResolvedValue(undefined),
    });
    await expect(service.placeOrderOnce(INPUT)).resolves.toMatchObject({ orderId: 7101, created: true });
    expect(mock.add).toHaveBeenCalledOnce();
  });

  it('fails temporarily, without re-adding, when the lost order cannot be found yet', async () => {
    const { mock, service } = ordersMock({
      findByMarker: vi.fn().mockResolvedValue(undefined),
      add: vi.fn().mockRejectedValue(ProviderError.timeout('whmcs', 'AddOrder')),
    });
    await expect(service.placeOrderOnce(INPUT)).rejects.toMatchObject({
      code: 'WHMCS_ORDER_OUTCOME_UNKNOWN',
      category: 'TEMPORARY',
    });
    expect(mock.add).toHaveBeenCalledOnce();
  });

  it('surfaces a rejected AddOrder as is (WHMCS answered: nothing was created)', async () => {
    const rejected = new WhmcsError(WhmcsErrorCode.API_ERROR, ErrorCategory.UNKNOWN, 'rejected');
    const { mock, service } = ordersMock({
      findByMarker: vi.fn().mockResolvedValue(undefined),
      add: vi.fn().mockRejectedValue(rejected),
    });
    await expect(service.placeOrderOnce(INPUT)).rejects.toBe(rejected);
    expect(mock.findByMarker).toHaveBeenCalledOnce();
  });

  it('counts "not pending" as done when the order is active, and rethrows otherwise', async () => {
    const accepted = ordersMock({
      findByMarker: vi.fn().mockResolvedValue(ref('pending')),
      accept: vi.fn().mockRejectedValue(notPending),
      getById: vi.fn().mockResolvedValue(ref('active')),
    });
    await expect(accepted.service.placeOrderOnce(INPUT)).resolves.toMatchObject({ orderId: 7101 });

    const stuck = ordersMock({
      findByMarker: vi.fn().mockResolvedValue(ref('pending')),
      accept: vi.fn().mockRejectedValue(notPending),
      getById: vi.fn().mockResolvedValue(ref('pending')),
    });
    await expect(stuck.service.placeOrderOnce(INPUT)).rejects.toBe(notPending);
  });

  it('refuses an order WHMCS cancelled or flagged as fraud', async () => {
    for (const status of ['cancelled', 'fraud'] as const) {
      const { service } = ordersMock({ findByMarker: vi.fn().mockResolvedValue(ref(status)) });
      await expect(service.placeOrderOnce(INPUT)).rejects.toMatchObject({
        code: 'WHMCS_ORDER_REJECTED',
        category: 'CONFLICT',
      });
    }
  });
});
