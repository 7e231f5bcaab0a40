import { Controller, Get } from '@nestjs/common';
import type { Billing } from '@portal/domain';
import { ValidParams, ValidQuery } from '../../core/validation/validated-input.decorators';
import type { CachedJson } from '../../infra/cache/cached-json';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PortalRoute } from '../auth/portal-route.decorator';
import type { Principal } from '../auth/principal';
import { invoiceIdParamSchema, invoiceListQuerySchema, type InvoiceListQuery } from './invoices.schema';
import { InvoicesService } from './invoices.service';

@Controller('invoices')
@PortalRoute()
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(invoiceListQuerySchema) query: InvoiceListQuery,
  ): Promise<CachedJson> {
    return this.invoices.page(principal, query);
  }

  @Get(':id')
  getById(
    @CurrentPrincipal() principal: Principal,
    @ValidParams(invoiceIdParamSchema) params: { id: number },
  ): Promise<Billing.Invoice> {
    return this.invoices.getById(principal, params.id);
  }
}
