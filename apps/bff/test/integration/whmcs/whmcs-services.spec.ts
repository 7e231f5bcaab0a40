import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { WhmcsClientService } from '../../../src/integrations/whmcs/services/whmcs-client.service';
import { WhmcsCurrencyService } from '../../../src/integrations/whmcs/services/whmcs-currency.service';
import { WhmcsInvoiceService } from '../../../src/integrations/whmcs/services/whmcs-invoice.service';
import { WhmcsSubscriptionService } from '../../../src/integrations/whmcs/services/whmcs-subscription.service';
import type { TestApp } from '../../support/test-app';
import { bootAppFor, simAdmin, startWhmcsSimulator } from './whmcs-harness';

describe('WHMCS entity services against the simulator', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;
  let invoices: WhmcsInvoiceService;
  let subscriptions: WhmcsSubscriptionService;

  beforeAll(async () => {
    simulator = await startWhmcsSimulator();
    harness = await bootAppFor(simulator);
    invoices = harness.app.get(WhmcsInvoiceService);
    subscriptions = harness.app.get(WhmcsSubscriptionService);
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
  });

  describe('invoices', () => {
    it('maps a page newest first, money in yen minor units, entities decoded, overdue derived', async () => {
      const page = await invoices.getPage(1, { page: 1, pageSize: 2 });
      expect(page).toMatchObject({ page: 1, pageSize: 2, totalItems: 6 });
      expect(page.items.map((invoice) => invoice.id)).toEqual([5006, 5005]);
      expect(page.items[0]).toMatchObject({
        number: 'INV-2026-0006',
        subtotal: { value: 3300, currency: 'JPY' },
        tax: { value: 330, currency: 'JPY' },
        total: { value: 3630, currency: 'JPY' },
        currencySymbol: '¥',
        paidAt: null,
      });
      // 5005 is Unpaid in WHMCS with a due date in the past.
      expect(page.items[1]!.status).toBe('overdue');

      const second = await invoices.getPage(1, { page: 2, pageSize: 2 });
      expect(second.page).toBe(2);
      expect(second.items.map((invoice) => invoice.id)).toEqual([5004, 5003]);
      expect(second.items[0]).toMatchObject({
        status: 'paid',
        paidAt: expect.stringMatching(/^2026-10-05T12:34:56/),
      });
    });

    it('filters by status, and maps WHMCS\'s "" empty list to an empty page', async () => {
      const overdue = await invoices.getPage(1, { page: 1, pageSize: 10, status: 'overdue' });
      expect(overdue.items.map((invoice) => invoice.id)).toEqual([5005]);
      const none = await invoices.getPage(1, { page: 1, pageSize: 10, status: 'collections' });
      expect(none).toEqual({ page: 1, pageSize: 10, totalItems: 0, items: [] });
    });

    it('maps one invoice with items and the default currency injected (GetInvoice has none)', async () => {
      const invoice = await invoices.getById(1, 5005);
      expect(invoice).toMatchObject({
        id: 5005,
        currency: 'JPY',
        balance: { value: 12100, currency: 'JPY' },
        total: { value: 12100, currency: 'JPY' },
      });
      expect(invoice.items).toHaveLength(3);
      expect(invoice.items[0]).toMatchObject({
        serviceId: 1001,
        amount: { value: 1650, currency: 'JPY' },
        taxed: true,
      });
    });

    it('decodes HTML entities WHMCS stores in descriptions', async () => {
      const { invoiceId } = await simAdmin(simulator, 'POST', '/invoices', {
        clientId: 2,
        items: [{ description: 'SIM Data Top-up "2GB" & more', amount: '1000.00' }],
      });
      const invoice = await invoices.getById(2, invoiceId);
      expect(invoice.items[0]!.description).toBe('SIM Data Top-up "2GB" & more');
      expect(invoice.status).toBe('unpaid');
    });

    it("answers another client's invoice exactly like a missing one", async () => {
      const foreign = await invoices.getById(2, 5005).catch((error: unknown) => error);
      const missing = await invoices.getById(1, 987_654).catch((error: unknown) => error);
      for (const error of [foreign, missing]) {
        expect(error).toMatchObject({
          code: 'INVOICE_NOT_FOUND',
          category: 'NOT_FOUND',
          message: 'Invoice not found.',
        });
      }
    });
  });

  describe('subscriptions', () => {
    it('lists services with SIM identifiers from custom fields', async () => {
      const list = await subscriptions.list(1);
      expect(list.totalItems).toBe(3);
      const byId = new Map(list.items.map((item) => [item.id, item]));
      expect(byId.get(1001)).toMatchObject({
        productId: 301,
        productName: 'SIM Data+Voice 5GB',
        groupName: 'SIM Plans',
        status: 'active',
        billingCycle: 'monthly',
        recurringAmount: { value: 1650, currency: 'JPY' },
        isSim: true,
        sim: {
          msisdn: '08012345678',
          productNumber: 'AX1234567890123',
          eid: '89049032000001000000123456789012',
        },
      });
      // Empty custom field values mean "not set".
      expect(byId.get(1003)).toMatchObject({
        status: 'suspended',
        sim: { msisdn: '07011112222', eid: null },
      });
      expect(byId.get(1002)).toMatchObject({ isSim: false, sim: null });
    });

    it("gets one service and answers another client's service as not found", async () => {
      expect((await subscriptions.getById(2, 2001)).sim?.msisdn).toBe('09087654321');
      const foreign = await subscriptions.getById(2, 1001).catch((error: unknown) => error);
      const missing = await subscriptions.getById(1, 424_242).catch((error: unknown) => error);
      for (const error of [foreign, missing]) expect(error).toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
    });

    it('writes SIM identifiers back through UpdateClientProduct', async () => {
      await subscriptions.recordSimIdentifiers(2001, { eid: '89049032000001000000000000009999' });
      expect((await subscriptions.getById(2, 2001)).sim?.eid).toBe('89049032000001000000000000009999');
    });
  });

  describe('currencies and clients', () => {
    it('caches GetCurrencies and derives the default currency', async () => {
      const currencies = harness.app.get(WhmcsCurrencyService);
      await currencies.list();
      await simAdmin(simulator, 'DELETE', '/counts');
      await Promise.all([currencies.list(), currencies.getDefault(), currencies.list()]);
      const list = await currencies.list();
      expect(list.map((currency) => [currency.code, currency.isDefault])).toEqual([
        ['JPY', true],
        ['USD', false],
      ]);
      expect((await currencies.getDefault()).suffix).toBe(' JPY');
      // Loaded once above; not asked again within the hour.
      expect((await simAdmin(simulator, 'GET', '/counts')).GetCurrencies ?? 0).toBe(0);
    });

    it('maps client details with entities decoded, and a missing client as not found', async () => {
      const clients = harness.app.get(WhmcsClientService);
      expect(await clients.getDetails(1)).toMatchObject({
        whmcsClientId: 1,
        companyName: 'Yamada & Sons',
        email: 'hanako.yamada@example.jp',
        phone: '+819012345678',
        address: { city: 'Shibuya-ku', countryCode: 'JP', line2: null },
        currencyCode: 'JPY',
      });
      await expect(clients.getDetails(999)).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    });

    it('validates a login and classifies a wrong password', async () => {
      const clients = harness.app.get(WhmcsClientService);
      expect(await clients.validateLogin('taro.suzuki@example.jp', 'Portal!6789')).toEqual({ clientId: 2 });
      await expect(clients.validateLogin('taro.suzuki@example.jp', 'wrong')).rejects.toMatchObject({
        code: 'WHMCS_LOGIN_INVALID',
        category: 'UNAUTHORIZED',
      });
    });
  });
});
