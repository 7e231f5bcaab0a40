import { describe, expect, it } from 'vitest';
import invoiceDetail from '../../../../fixtures/whmcs/get-invoice.json';
import invoicesEmpty from '../../../../fixtures/whmcs/get-invoices-empty.json';
import invoices from '../../../../fixtures/whmcs/get-invoices.json';
import currencies from '../../../../fixtures/whmcs/get-currencies.json';
import { MappingError } from '../../../common/mapping.errors';
import { Billing } from '../../../index';

const ctx = { defaultCurrencyCode: 'JPY', defaultCurrencySymbol: '¥', now: new Date('2026-11-25T03:00:00Z') };
const { transformWhmcsInvoice, transformWhmcsInvoicePage, transformWhmcsCurrencies } =
  Billing.Providers.Whmcs;
const clone = <T>(value: T): T => structuredClone(value);

describe('Billing.Providers.Whmcs.transformWhmcsInvoice', () => {
  it('maps the GetInvoice detail with items, balance and an empty transactions string', () => {
    const invoice = transformWhmcsInvoice(invoiceDetail, ctx);
    expect(invoice).toMatchObject({
      id: 5005,
      number: 'INV-2026-0005',
      status: 'overdue',
      issuedAt: '2026-11-01',
      dueAt: '2026-11-10',
      paidAt: null,
      subtotal: { value: 11000, currency: 'JPY' },
      tax: { value: 1100, currency: 'JPY' },
      credit: { value: 0, currency: 'JPY' },
      total: { value: 12100, currency: 'JPY' },
      balance: { value: 12100, currency: 'JPY' },
      currency: 'JPY',
      currencySymbol: '¥',
    });
    expect(invoice.items).toEqual([
      {
        id: 90051,
        type: 'Hosting',
        description: 'SIM Data+Voice 5GB - 08012345678 (11/01/2026 - 11/30/2026)',
        amount: { value: 1650, currency: 'JPY' },
        taxed: true,
        serviceId: 1001,
      },
      expect.objectContaining({ id: 90052, serviceId: 1002, amount: { value: 6380, currency: 'JPY' } }),
      expect.objectContaining({
        id: 90053,
        serviceId: 1003,
        taxed: true,
        amount: { value: 2970, currency: 'JPY' },
      }),
    ]);
    const itemSum = invoice.items.reduce((sum, item) => sum + item.amount.value, 0);
    expect(itemSum).toBe(invoice.subtotal.value);
  });

  it('keeps an unpaid invoice unpaid on its due day and turns it overdue the next UTC day', () => {
    const onDueDay = transformWhmcsInvoice(invoiceDetail, { ...ctx, now: new Date('2026-11-10T23:59:59Z') });
    const nextDay = transformWhmcsInvoice(invoiceDetail, { ...ctx, now: new Date('2026-11-11T00:00:00Z') });
    expect(onDueDay.status).toBe('unpaid');
    expect(nextDay.status).toBe('overdue');
  });

  it('maps every status of the GetInvoices list, with mixed number/string ids', () => {
    const raw = invoices.invoices.invoice;
    const mapped = raw.map((entry) => transformWhmcsInvoice(entry, ctx));
    expect(mapped.map((i) => [i.id, i.status])).toEqual([
      [5006, 'unpaid'],
      [5005, 'overdue'],
      [5004, 'paid'],
      [5003, 'cancelled'],
      [5002, 'refunded'],
      [5001, 'paid'],
    ]);
    expect(mapped[2]).toMatchObject({
      paidAt: '2026-10-05T12:34:56.000Z',
      balance: { value: 0, currency: 'JPY' },
    });
    expect(mapped[0]!.balance).toEqual({ value: 3630, currency: 'JPY' });
    expect(mapped[3]).toMatchObject({ number: '5003', credit: { value: 330, currency: 'JPY' } });
    expect(mapped.every((i) => i.items.length === 0)).toBe(true);
  });

  it('maps Draft, Collections and Payment Pending and sums tax and tax2', () => {
    const base = clone(invoices.invoices.invoice[0]!);
    const map = (status: string) => transformWhmcsInvoice({ ...base, status }, ctx).status;
    expect([map('Draft'), map('Collections'), map('Payment Pending')]).toEqual([
      'draft',
      'collections',
      'payment_pending',
    ]);
    expect(transformWhmcsInvoice({ ...base, tax: '330.40', tax2: '10.50' }, ctx).tax).toEqual({
      value: 341,
      currency: 'JPY',
    });
    expect(() => transformWhmcsInvoice({ ...base, tax: '0.101', tax2: '0.20' }, ctx)).toThrowError(
      expect.objectContaining({ path: 'tax' }),
    );
    const usd = transformWhmcsInvoice(
      {
        ...base,
        currencycode: 'USD',
        currencyprefix: '$',
        subtotal: '0.10',
        tax: '0.10',
        tax2: '0.20',
        total: '0.40',
      },
      ctx,
    );
    expect(usd.tax).toEqual({ value: 30, currency: 'USD' });
    expect(usd.subtotal.value + usd.tax.value).toBe(usd.total.value);
  });

  it('decodes HTML entities and reads the currency prefix/suffix fields', () => {
    const base = clone(invoices.invoices.invoice[0]!);
    const mapped = transformWhmcsInvoice(
      { ...base, invoicenum: 'A&amp;B&#039;s', currencyprefix: '&yen;' },
      ctx,
    );
    expect(mapped.number).toBe("A&B's");
    expect(mapped.currencySymbol).toBe('¥');
  });

  it('rounds JPY amounts WHMCS keeps to 2 decimals half-up, each field as WHMCS reports it', () => {
    const base = clone(invoices.invoices.invoice[0]!);
    const mapped = transformWhmcsInvoice(
      { ...base, subtotal: '3300.50', tax: '330.05', credit: '0.49', total: '3630.06' },
      ctx,
    );
    expect(mapped).toMatchObject({
      subtotal: { value: 3301, currency: 'JPY' },
      tax: { value: 330, currency: 'JPY' },
      credit: { value: 0, currency: 'JPY' },
      // The total is WHMCS's own total rounded, not recomputed from the rounded parts (3301 + 330 - 0).
      total: { value: 3630, currency: 'JPY' },
      balance: { value: 3630, currency: 'JPY' },
    });
  });

  it('rejects a JPY amount more precise than WHMCS stores, naming the field and not the value', () => {
    const base = clone(invoices.invoices.invoice[0]!);
    const attempt = () => transformWhmcsInvoice({ ...base, total: '3630.505' }, ctx);
    expect(attempt).toThrowError(MappingError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ provider: 'whmcs', entity: 'invoice', path: 'total' });
      expect(String((error as Error).message)).not.toContain('3630.505');
    }
  });

  it('rejects malformed raw data with a typed error carrying the path', () => {
    const detail = clone(invoiceDetail);
    (detail.items.item[1] as { amount: unknown }).amount = 'secret-value@example.jp';
    expect(() => transformWhmcsInvoice(detail, ctx)).toThrowError(
      expect.objectContaining({ name: 'MappingError', path: 'items.item[1].amount', stage: 'raw' }),
    );
    expect(() => transformWhmcsInvoice({ ...invoiceDetail, status: 'Weird' }, ctx)).toThrowError(
      expect.objectContaining({ path: 'status' }),
    );
    expect(() => transformWhmcsInvoice({ ...invoiceDetail, date: '2026-02-30' }, ctx)).toThrowError(
      expect.objectContaining({ path: 'date' }),
    );
    expect(() => transformWhmcsInvoice(null, ctx)).toThrowError(MappingError);
    const { invoiceid: _drop, ...noId } = invoiceDetail;
    expect(() => transformWhmcsInvoice(noId, ctx)).toThrowError(expect.objectContaining({ path: 'id' }));
  });

  it('treats 0000-00-00 dates as none', () => {
    const mapped = transformWhmcsInvoice({ ...invoiceDetail, duedate: '0000-00-00' }, ctx);
    expect(mapped.dueAt).toBeNull();
    expect(mapped.status).toBe('unpaid');
  });
});

describe('a JPY invoice with WHMCS 2-decimal tax (1234.00 + 10% = "123.40")', () => {
  // What GetInvoice/GetInvoices return for an invoice an admin created with a non-round amount.
  const amounts = { subtotal: '1234.00', tax: '123.40', tax2: '0.00', credit: '0.00', total: '1357.40' };
  const detail = {
    ...clone(invoiceDetail),
    invoiceid: '5010',
    invoicenum: '',
    ...amounts,
    balance: '1357.40',
    items: { item: [{ ...invoiceDetail.items.item[0]!, id: 90100, amount: '1234.00' }] },
  };

  it('maps the GetInvoice detail with tax and total rounded half-up to the yen', () => {
    expect(transformWhmcsInvoice(detail, ctx)).toMatchObject({
      id: 5010,
      number: '5010',
      currency: 'JPY',
      subtotal: { value: 1234, currency: 'JPY' },
      tax: { value: 123, currency: 'JPY' },
      credit: { value: 0, currency: 'JPY' },
      total: { value: 1357, currency: 'JPY' },
      balance: { value: 1357, currency: 'JPY' },
      items: [expect.objectContaining({ amount: { value: 1234, currency: 'JPY' } })],
    });
  });

  it('no longer fails the whole GetInvoices page it appears on', () => {
    const page = clone(invoices);
    Object.assign(page.invoices.invoice[0]!, amounts);
    const mapped = transformWhmcsInvoicePage(page, { ...ctx, pageSize: 25 });
    expect(mapped.items).toHaveLength(6);
    expect(mapped.items[0]).toMatchObject({
      id: 5006,
      tax: { value: 123, currency: 'JPY' },
      total: { value: 1357, currency: 'JPY' },
      balance: { value: 1357, currency: 'JPY' },
    });
  });
});

describe('Billing.Providers.Whmcs.transformWhmcsInvoicePage', () => {
  it('maps a page of invoices', () => {
    const page = transformWhmcsInvoicePage(invoices, { ...ctx, pageSize: 25 });
    expect(page).toMatchObject({ page: 1, pageSize: 25, totalItems: 6 });
    expect(page.items).toHaveLength(6);
  });

  it('derives the page from startnumber and accepts string counts', () => {
    const page = transformWhmcsInvoicePage(
      { ...invoices, startnumber: '50', totalresults: '56' },
      { ...ctx, pageSize: 25 },
    );
    expect(page).toMatchObject({ page: 3, totalItems: 56 });
  });

  it('maps "invoices": "" and a missing invoices key to an empty page', () => {
    expect(transformWhmcsInvoicePage(invoicesEmpty, { ...ctx, pageSize: 10 }).items).toEqual([]);
    const { invoices: _drop, ...missing } = invoicesEmpty;
    expect(transformWhmcsInvoicePage(missing, { ...ctx, pageSize: 10 }).totalItems).toBe(0);
  });

  it('names the failing invoice in the path', () => {
    const broken = clone(invoices);
    broken.invoices.invoice[3]!.subtotal = '12.345';
    expect(() => transformWhmcsInvoicePage(broken, { ...ctx, pageSize: 25 })).toThrowError(
      expect.objectContaining({ path: 'invoices.invoice[3].subtotal' }),
    );
  });
});

describe('Billing.Providers.Whmcs.transformWhmcsCurrencies', () => {
  it('maps currencies keeping the spaced suffix and flags the default', () => {
    expect(transformWhmcsCurrencies(currencies, { defaultCurrencyCode: 'JPY' })).toEqual([
      { id: 1, code: 'JPY', prefix: '¥', suffix: ' JPY', isDefault: true },
      { id: 2, code: 'USD', prefix: '$', suffix: ' USD', isDefault: false },
    ]);
  });

  it('prefers an explicit default flag and rejects a bad code', () => {
    const flagged = clone(currencies) as { currencies: { currency: Record<string, unknown>[] } };
    flagged.currencies.currency[1]!.default = 1;
    flagged.currencies.currency[0]!.default = 0;
    expect(transformWhmcsCurrencies(flagged, { defaultCurrencyCode: 'JPY' }).map((c) => c.isDefault)).toEqual(
      [false, true],
    );
    flagged.currencies.currency[0]!.code = 'yen!';
    expect(() => transformWhmcsCurrencies(flagged, { defaultCurrencyCode: 'JPY' })).toThrowError(
      expect.objectContaining({ entity: 'currency', stage: 'domain', path: 'code' }),
    );
  });
});
