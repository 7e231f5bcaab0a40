import { Injectable } from '@nestjs/common';
import { Billing } from '@portal/domain';
import { NotFoundError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError } from '../whmcs.errors';
import { whmcsInvoiceOwnerSchema } from '../utils/whmcs-envelope.schema';
import { mapWhmcs, parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';
import { WhmcsCurrencyService } from './whmcs-currency.service';

export interface InvoicePageQuery {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly status?: Billing.InvoiceStatus;
}

const WHMCS_STATUS: Record<Billing.InvoiceStatus, string> = {
  draft: 'Draft',
  unpaid: 'Unpaid',
  overdue: 'Overdue',
  paid: 'Paid',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  collections: 'Collections',
  payment_pending: 'Payment Pending',
};

/** A client's invoices, as domain values. Another client's invoice is "not found", exactly like a missing one. */
@Injectable()
export class WhmcsInvoiceService {
  constructor(
    private readonly connection: WhmcsConnectionService,
    private readonly currencies: WhmcsCurrencyService,
  ) {}

  /** One page of the client's invoices, newest first, optionally filtered by status. */
  async getPage(clientId: number, query: InvoicePageQuery): Promise<Billing.InvoicePage> {
    const [payload, currency] = await Promise.all([
      this.connection.call('GetInvoices', {
        userid: clientId,
        limitstart: (query.page - 1) * query.pageSize,
        limitnum: query.pageSize,
        status: query.status === undefined ? undefined : WHMCS_STATUS[query.status],
        orderby: 'date',
        order: 'desc',
      }),
      this.currencies.context(),
    ]);
    return mapWhmcs('invoice page', () =>
      Billing.Providers.Whmcs.transformWhmcsInvoicePage(payload, {
        ...currency,
        now: new Date(),
        pageSize: query.pageSize,
      }),
    );
  }

  /** One invoice with its items, if it belongs to the client. */
  async getById(clientId: number, invoiceId: number): Promise<Billing.Invoice> {
    const [payload, currency] = await Promise.all([
      this.connection.call('GetInvoice', { invoiceid: invoiceId }).catch((error: unknown) => {
        throw isNotFound(error) ? invoiceNotFound(error) : error;
      }),
      this.currencies.context(),
    ]);
    if (parseEnvelope(whmcsInvoiceOwnerSchema, payload, 'invoice').userid !== clientId)
      throw invoiceNotFound();
    return mapWhmcs('invoice', () =>
      Billing.Providers.Whmcs.transformWhmcsInvoice(payload, { ...currency, now: new Date() }),
    );
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof WhmcsError && error.category === ErrorCategory.NOT_FOUND;
}

function invoiceNotFound(cause?: unknown): NotFoundError {
  return new NotFoundError('Invoice not found.', 'INVOICE_NOT_FOUND', cause);
}
