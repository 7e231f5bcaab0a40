import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import accountDetails from '../fixtures/freebit/account-details.json';
import trafficInfo from '../fixtures/freebit/traffic-info.json';
import account from '../fixtures/salesforce/account.json';
import catalog from '../fixtures/salesforce/catalog-products.json';
import event from '../fixtures/salesforce/order-provision-requested-event.json';
import orderItems from '../fixtures/salesforce/order-items.json';
import order from '../fixtures/salesforce/order.json';
import clientDetails from '../fixtures/whmcs/get-clients-details.json';
import products from '../fixtures/whmcs/get-clients-products.json';
import currencies from '../fixtures/whmcs/get-currencies.json';
import invoiceDetail from '../fixtures/whmcs/get-invoice.json';
import invoices from '../fixtures/whmcs/get-invoices.json';
import { assertWellFormed, centsToDecimal, mutatedFixture } from '../test/property.util';
import { MappingError } from './common/mapping.errors';
import { Billing, Catalog, Customers, Orders, Provisioning, Sim, Subscriptions } from './index';

const RUNS = { numRuns: 300 };
const now = new Date('2026-11-25T00:00:00Z');
const invoiceCtx = { defaultCurrencyCode: 'JPY', defaultCurrencySymbol: '¥', now };
const catalogCtx = { portalPricebookId: '01s5g00000PoRtLAAV', currencyCode: 'JPY' };

/** Runs a mapper; it must return a well-formed value or throw one of the typed errors. */
function mapsOrRaisesTyped(map: () => unknown, ...typed: (new (...args: never[]) => Error)[]): void {
  let result: unknown;
  try {
    result = map();
  } catch (error) {
    if ([MappingError, ...typed].some((type) => error instanceof type)) return;
    throw error;
  }
  assertWellFormed(result);
}

describe('mappers never crash: mapped value or MappingError', () => {
  const cases: [string, unknown, (raw: unknown) => unknown][] = [
    [
      'WHMCS invoice detail',
      invoiceDetail,
      (raw) => Billing.Providers.Whmcs.transformWhmcsInvoice(raw, invoiceCtx),
    ],
    [
      'WHMCS invoice page',
      invoices,
      (raw) => Billing.Providers.Whmcs.transformWhmcsInvoicePage(raw, { ...invoiceCtx, pageSize: 25 }),
    ],
    [
      'WHMCS currencies',
      currencies,
      (raw) => Billing.Providers.Whmcs.transformWhmcsCurrencies(raw, { defaultCurrencyCode: 'JPY' }),
    ],
    [
      'WHMCS products',
      products,
      (raw) =>
        Subscriptions.Providers.Whmcs.transformWhmcsSubscriptionList(raw, { defaultCurrencyCode: 'JPY' }),
    ],
    ['WHMCS client', clientDetails, (raw) => Customers.Providers.Whmcs.transformWhmcsClientDetails(raw)],
    ['Salesforce account', account, (raw) => Customers.Providers.Salesforce.transformSalesforceAccount(raw)],
    [
      'Salesforce catalog product',
      catalog.records[0],
      (raw) => Catalog.Providers.Salesforce.transformSalesforceCatalogProduct(raw, catalogCtx),
    ],
    [
      'Salesforce order',
      order,
      (raw) => Orders.Providers.Salesforce.transformSalesforceOrderDetails(raw, orderItems),
    ],
    [
      'Salesforce order items',
      orderItems,
      (raw) => Orders.Providers.Salesforce.transformSalesforceOrderDetails(order, raw),
    ],
    [
      'provision event',
      event,
      (raw) => Provisioning.Providers.Salesforce.parseOrderProvisionRequestedEvent(raw),
    ],
    [
      'Freebit account details',
      accountDetails,
      (raw) => Sim.Providers.Freebit.transformFreebitAccountDetails(raw),
    ],
    [
      'Freebit traffic',
      trafficInfo,
      (raw) =>
        Sim.Providers.Freebit.transformFreebitUsageData(raw, {
          startDate: '2026-11-01',
          endDate: '2026-11-30',
        }),
    ],
  ];

  it.each(cases)('%s: one mutated field', (_name, fixture, map) => {
    fc.assert(
      fc.property(mutatedFixture(fixture), (raw) =>
        mapsOrRaisesTyped(() => map(raw), Sim.Providers.Freebit.FreebitResultError),
      ),
      RUNS,
    );
  });

  it.each(cases)('%s: arbitrary input', (_name, _fixture, map) => {
    fc.assert(
      fc.property(fc.anything(), (raw) =>
        mapsOrRaisesTyped(() => map(raw), Sim.Providers.Freebit.FreebitResultError),
      ),
      { numRuns: 100 },
    );
  });
});

const cents = fc.integer({ min: 0, max: 10_000_000 });

describe('generated invoices keep exact money', () => {
  it('item amounts in minor units sum to the subtotal and subtotal + tax - credit = total', () => {
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 1, maxLength: 12 }),
        cents,
        cents,
        (itemCents, taxCents, creditCents) => {
          const subtotal = itemCents.reduce((a, b) => a + b, 0);
          const credit = Math.min(creditCents, subtotal + taxCents);
          const raw = {
            ...invoiceDetail,
            subtotal: centsToDecimal(subtotal),
            tax: centsToDecimal(taxCents),
            tax2: '0.00',
            credit: centsToDecimal(credit),
            total: centsToDecimal(subtotal + taxCents - credit),
            balance: centsToDecimal(subtotal + taxCents - credit),
            items: {
              item: itemCents.map((c, i) => ({
                id: i + 1,
                type: 'Hosting',
                relid: 1001,
                description: `line ${i}`,
                amount: centsToDecimal(c),
                taxed: 1,
              })),
            },
          };
          const invoice = Billing.Providers.Whmcs.transformWhmcsInvoice(raw, {
            ...invoiceCtx,
            defaultCurrencyCode: 'USD',
          });
          assertWellFormed(invoice);
          expect(invoice.items.reduce((sum, item) => sum + item.amount.value, 0)).toBe(
            invoice.subtotal.value,
          );
          expect(invoice.subtotal.value).toBe(subtotal);
          expect(invoice.subtotal.value + invoice.tax.value - invoice.credit.value).toBe(invoice.total.value);
        },
      ),
      RUNS,
    );
  });

  it('JPY amounts WHMCS keeps to 2 decimals map, field by field, to their half-up rounding (BigInt reference)', () => {
    const hundredths = fc.bigInt({ min: 0n, max: 9_999_999_999n });
    const halfUp = (h: bigint) => Number(h / 100n + (h % 100n >= 50n ? 1n : 0n));
    const decimal = (h: bigint) => `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;
    fc.assert(
      fc.property(hundredths, hundredths, hundredths, (subtotal, tax, credit) => {
        const total = subtotal + tax - (credit > subtotal + tax ? 0n : credit);
        const raw = {
          ...invoices.invoices.invoice[0]!,
          subtotal: decimal(subtotal),
          tax: decimal(tax),
          credit: decimal(credit),
          total: decimal(total),
        };
        const invoice = Billing.Providers.Whmcs.transformWhmcsInvoice(raw, invoiceCtx);
        assertWellFormed(invoice);
        expect(invoice.subtotal.value).toBe(halfUp(subtotal));
        expect(invoice.tax.value).toBe(halfUp(tax));
        expect(invoice.credit.value).toBe(halfUp(credit));
        // Each field is WHMCS's own figure rounded; the total is never recomputed from rounded parts.
        expect(invoice.total.value).toBe(halfUp(total));
        expect(invoice.balance.value).toBe(halfUp(total));
      }),
      RUNS,
    );
  });

  it('JPY amounts finer than WHMCS stores raise MappingError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 9 }), (yen, digit) => {
        const raw = { ...invoices.invoices.invoice[0]!, total: `${yen}.50${digit}` };
        expect(() => Billing.Providers.Whmcs.transformWhmcsInvoice(raw, invoiceCtx)).toThrow(MappingError);
      }),
      RUNS,
    );
  });
});

describe('generated catalog products and orders keep exact money', () => {
  it('a Salesforce UnitPrice of n/100 maps to exactly n cents', () => {
    const base = catalog.records[0]!;
    fc.assert(
      fc.property(cents, (c) => {
        const entry = { ...base.PricebookEntries!.records[0]!, UnitPrice: c / 100 };
        const raw = { ...base, PricebookEntries: { totalSize: 1, done: true, records: [entry] } };
        const product = Catalog.Providers.Salesforce.transformSalesforceCatalogProduct(raw, {
          ...catalogCtx,
          currencyCode: 'USD',
        });
        expect(product.price).toEqual({ value: c, currency: 'USD' });
      }),
      RUNS,
    );
  });

  it('order item totals are unit × quantity and sum to TotalAmount', () => {
    const template = orderItems.records[0]!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cents, fc.integer({ min: 1, max: 20 }), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        (lines) => {
          const records = lines.map(([unit, qty, withTotal], i) => ({
            ...template,
            Id: `8025g00000OiTb${i}`,
            Quantity: qty,
            UnitPrice: unit / 100,
            TotalPrice: withTotal ? (unit * qty) / 100 : null,
          }));
          const expectedTotal = lines.reduce((sum, [unit, qty]) => sum + unit * qty, 0);
          const mapped = Orders.Providers.Salesforce.transformSalesforceOrderDetails(
            { ...order, TotalAmount: expectedTotal / 100 },
            records,
            { currencyCode: 'USD' },
          );
          assertWellFormed(mapped);
          mapped.items.forEach((item, i) => {
            expect(item.totalPrice.value).toBe(lines[i]![0] * lines[i]![1]);
          });
          expect(mapped.items.reduce((sum, item) => sum + item.totalPrice.value, 0)).toBe(mapped.total.value);
        },
      ),
      RUNS,
    );
  });
});
