import { Injectable } from '@nestjs/common';
import { Billing } from '@portal/domain';
import { AppConfig } from '../../core/config/app-config';
import { invoicesKey, invoicesQueryKey } from '../../infra/cache/cache-keys';
import { CacheService } from '../../infra/cache/cache.service';
import type { CachedJson } from '../../infra/cache/cached-json';
import { WhmcsInvoiceService } from '../../integrations/whmcs/services/whmcs-invoice.service';
import type { Principal } from '../auth/principal';
import { INVOICE_DEFAULT_PAGE_SIZE, type InvoiceListQuery } from './invoices.schema';

/** The caller's invoices: pages are cached per user (webhooks drop them), single invoices are read live. */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly invoices: WhmcsInvoiceService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  page(principal: Principal, query: InvoiceListQuery): Promise<CachedJson> {
    const isDefaultView = query.pageSize === INVOICE_DEFAULT_PAGE_SIZE && query.status === undefined;
    const key = isDefaultView
      ? invoicesKey(principal.userId, query.page)
      : invoicesQueryKey(principal.userId, query.page, query.pageSize, query.status ?? 'all');
    return this.cache.getOrSet(
      key,
      this.config.values.CACHE_TTL_INVOICES_S,
      () => this.invoices.getPage(principal.whmcsClientId, query),
      { schema: Billing.invoicePageSchema },
    );
  }

  /** Another customer's invoice is "not found", exactly like a missing one (checked by the WHMCS service). */
  getById(principal: Principal, invoiceId: number): Promise<Billing.Invoice> {
    return this.invoices.getById(principal.whmcsClientId, invoiceId);
  }
}
