import { parseDomain, parseRaw } from '../../../common/mapping.util';
import { childPath, MappingError } from '../../../common/mapping.errors';
import { currencyCodeSchema } from '../../../common/money.schema';
import {
  decodeHtmlEntities,
  whmcsBool,
  whmcsDate,
  whmcsDateTime,
  whmcsListItems,
  whmcsMinor,
  whmcsNumber,
} from '../../../common/providers/whmcs/whmcs-values.util';
import { utcDay } from '../../../common/time.util';
import { type Currency, currencySchema } from '../../currency.schema';
import {
  type Invoice,
  type InvoiceItem,
  type InvoicePage,
  invoicePageSchema,
  invoiceSchema,
  type InvoiceStatus,
} from '../../invoice.schema';
import {
  type WhmcsInvoiceItemRaw,
  type WhmcsInvoiceRaw,
  whmcsCurrenciesResponseRawSchema,
  whmcsInvoiceRawSchema,
  whmcsInvoicesResponseRawSchema,
} from './raw.schema';

/** What the invoice mappers need from outside: GetInvoice carries no currency, and "overdue" depends on today. */
export interface WhmcsInvoiceContext {
  /** ISO code used when the payload has no `currencycode` (GetInvoice never has one). */
  defaultCurrencyCode: string;
  /** Symbol used when the payload has no `currencyprefix`. */
  defaultCurrencySymbol: string;
  /** The current instant; an unpaid invoice whose due day is before today's UTC day is `overdue`. */
  now: Date;
  /** Offset of the WHMCS server's local time in minutes east of UTC (default 0). */
  serverUtcOffsetMinutes?: number;
}

/** Context for a page of invoices: the page size the list was requested with. */
export interface WhmcsInvoicePageContext extends WhmcsInvoiceContext {
  pageSize: number;
}

const ENTITY = 'invoice';

const STATUSES: Readonly<Record<string, InvoiceStatus>> = {
  draft: 'draft',
  unpaid: 'unpaid',
  overdue: 'overdue',
  paid: 'paid',
  cancelled: 'cancelled',
  refunded: 'refunded',
  collections: 'collections',
  'payment pending': 'payment_pending',
};

const OWING: ReadonlySet<InvoiceStatus> = new Set([
  'unpaid',
  'overdue',
  'payment_pending',
  'collections',
  'draft',
]);

function mapStatus(raw: string, dueAt: string | null, today: string, path: string): InvoiceStatus {
  const status = STATUSES[raw.trim().toLowerCase()];
  if (status === undefined) throw new MappingError('whmcs', ENTITY, path, 'is not a known invoice status');
  return status === 'unpaid' && dueAt !== null && dueAt < today ? 'overdue' : status;
}

function mapItem(raw: WhmcsInvoiceItemRaw, currency: string, path: string): InvoiceItem {
  const relid = whmcsNumber(raw.relid);
  return {
    id: whmcsNumber(raw.id),
    type: raw.type,
    description: decodeHtmlEntities(raw.description),
    amount: { value: whmcsMinor(raw.amount, currency, ENTITY, childPath(path, 'amount')), currency },
    taxed: whmcsBool(raw.taxed),
    serviceId: raw.type.toLowerCase() === 'hosting' && relid > 0 ? relid : null,
  };
}

function resolveCurrency(raw: WhmcsInvoiceRaw, ctx: WhmcsInvoiceContext, path: string): string {
  const code = raw.currencycode?.trim() || ctx.defaultCurrencyCode;
  if (!currencyCodeSchema.safeParse(code).success) {
    throw new MappingError('whmcs', ENTITY, childPath(path, 'currencycode'), 'is not an ISO 4217 code');
  }
  return code;
}

function mapInvoice(raw: WhmcsInvoiceRaw, ctx: WhmcsInvoiceContext, today: string, path: string): Invoice {
  const rawId = raw.id ?? raw.invoiceid;
  if (rawId === undefined) throw new MappingError('whmcs', ENTITY, childPath(path, 'id'), 'is missing');
  const id = whmcsNumber(rawId);
  const currency = resolveCurrency(raw, ctx, path);
  const money = (value: string | number, field: string) => ({
    value: whmcsMinor(value, currency, ENTITY, childPath(path, field)),
    currency,
  });
  const dueAt = whmcsDate(raw.duedate, ENTITY, childPath(path, 'duedate'));
  const issuedAt = whmcsDate(raw.date, ENTITY, childPath(path, 'date'));
  if (issuedAt === null) throw new MappingError('whmcs', ENTITY, childPath(path, 'date'), 'is empty');
  const status = mapStatus(raw.status, dueAt, today, childPath(path, 'status'));
  const total = money(raw.total, 'total');
  const tax = money(raw.tax, 'tax');
  if (raw.tax2 !== undefined) tax.value += money(raw.tax2, 'tax2').value;
  const itemsPath = childPath(childPath(path, 'items'), 'item');
  const number = raw.invoicenum === undefined ? '' : decodeHtmlEntities(String(raw.invoicenum)).trim();
  return {
    id,
    number: number === '' ? String(id) : number,
    status,
    issuedAt,
    dueAt,
    paidAt: whmcsDateTime(
      raw.datepaid ?? '',
      ENTITY,
      childPath(path, 'datepaid'),
      ctx.serverUtcOffsetMinutes,
    ),
    subtotal: money(raw.subtotal, 'subtotal'),
    tax,
    credit: money(raw.credit, 'credit'),
    total,
    balance:
      raw.balance !== undefined
        ? money(raw.balance, 'balance')
        : { value: OWING.has(status) ? total.value : 0, currency },
    currency,
    currencySymbol: decodeHtmlEntities(raw.currencyprefix?.trim() || ctx.defaultCurrencySymbol),
    items: whmcsListItems(raw.items, 'item').map((item, i) =>
      mapItem(item, currency, childPath(itemsPath, i)),
    ),
  };
}

/**
 * Maps one WHMCS invoice (a GetInvoices list entry or a GetInvoice response) to an {@link Invoice}.
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformWhmcsInvoice(raw: unknown, ctx: WhmcsInvoiceContext): Invoice {
  const parsed = parseRaw(whmcsInvoiceRawSchema, raw, 'whmcs', ENTITY);
  return parseDomain(invoiceSchema, mapInvoice(parsed, ctx, utcDay(ctx.now), ''), 'whmcs', ENTITY);
}

/**
 * Maps a GetInvoices response to an {@link InvoicePage}; the page number follows from `startnumber`.
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformWhmcsInvoicePage(raw: unknown, ctx: WhmcsInvoicePageContext): InvoicePage {
  const parsed = parseRaw(whmcsInvoicesResponseRawSchema, raw, 'whmcs', 'invoice page');
  const today = utcDay(ctx.now);
  const items = whmcsListItems(parsed.invoices, 'invoice').map((invoice, i) =>
    mapInvoice(invoice, ctx, today, `invoices.invoice[${i}]`),
  );
  const start = parsed.startnumber === undefined ? 0 : whmcsNumber(parsed.startnumber);
  return parseDomain(
    invoicePageSchema,
    {
      page: Math.floor(start / ctx.pageSize) + 1,
      pageSize: ctx.pageSize,
      totalItems: whmcsNumber(parsed.totalresults),
      items,
    },
    'whmcs',
    'invoice page',
  );
}

/**
 * Maps a GetCurrencies response. WHMCS does not always say which currency is the default, so a
 * `default` flag in the payload wins and otherwise the currency whose code is `defaultCurrencyCode` is.
 * @throws {MappingError} when the payload or a mapped currency is invalid.
 */
export function transformWhmcsCurrencies(raw: unknown, ctx: { defaultCurrencyCode: string }): Currency[] {
  const parsed = parseRaw(whmcsCurrenciesResponseRawSchema, raw, 'whmcs', 'currency');
  return whmcsListItems(parsed.currencies, 'currency').map((currency) =>
    parseDomain(
      currencySchema,
      {
        id: whmcsNumber(currency.id),
        code: currency.code.trim().toUpperCase(),
        prefix: decodeHtmlEntities(currency.prefix),
        suffix: decodeHtmlEntities(currency.suffix),
        isDefault:
          currency.default !== undefined
            ? whmcsBool(currency.default)
            : currency.code.trim().toUpperCase() === ctx.defaultCurrencyCode,
      },
      'whmcs',
      'currency',
    ),
  );
}
