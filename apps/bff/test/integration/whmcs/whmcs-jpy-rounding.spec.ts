import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { WhmcsInvoiceService } from '../../../src/integrations/whmcs/services/whmcs-invoice.service';
import type { TestApp } from '../../support/test-app';
import { bootAppFor, SIM_IDENTIFIER, SIM_SECRET, simAdmin, startWhmcsSimulator } from './whmcs-harness';

// WHMCS keeps 2 decimals for every currency: ¥1,234 at 10 % tax is "tax": "123.40". One such invoice used to
// fail the whole page (MappingError → 502); the domain now rounds it half-up to the yen.
describe('WHMCS JPY invoice with 2-decimal tax, through the real client', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;
  let invoices: WhmcsInvoiceService;
  let invoiceId: number;

  beforeAll(async () => {
    simulator = await startWhmcsSimulator();
    harness = await bootAppFor(simulator);
    invoices = harness.app.get(WhmcsInvoiceService);
    ({ invoiceId } = await simAdmin(simulator, 'POST', '/invoices', {
      clientId: 1,
      items: [{ description: 'SIM Data Top-up 3GB', amount: '1234.00' }],
    }));
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
  });

  it('the simulator answers the amounts as WHMCS does (sub-yen tax in a 2-decimal string)', async () => {
    const response = await fetch(simulator.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        action: 'GetInvoice',
        identifier: SIM_IDENTIFIER,
        secret: SIM_SECRET,
        responsetype: 'json',
        invoiceid: String(invoiceId),
      }),
    });
    expect(await response.json()).toMatchObject({
      result: 'success',
      subtotal: '1234.00',
      tax: '123.40',
      total: '1357.40',
    });
  });

  it('maps the page holding it, with tax and total rounded half-up to the yen', async () => {
    const page = await invoices.getPage(1, { page: 1, pageSize: 25 });
    expect(page.totalItems).toBe(7);
    expect(page.items).toHaveLength(7);
    expect(page.items.find((invoice) => invoice.id === invoiceId)).toMatchObject({
      status: 'unpaid',
      currency: 'JPY',
      subtotal: { value: 1234, currency: 'JPY' },
      tax: { value: 123, currency: 'JPY' },
      credit: { value: 0, currency: 'JPY' },
      total: { value: 1357, currency: 'JPY' },
      balance: { value: 1357, currency: 'JPY' },
    });
  });

  it('maps the invoice detail the same way', async () => {
    const invoice = await invoices.getById(1, invoiceId);
    expect(invoice).toMatchObject({
      tax: { value: 123, currency: 'JPY' },
      total: { value: 1357, currency: 'JPY' },
      balance: { value: 1357, currency: 'JPY' },
    });
    expect(invoice.items.map((item) => item.amount)).toEqual([{ value: 1234, currency: 'JPY' }]);
  });
});
