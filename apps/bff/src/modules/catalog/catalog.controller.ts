import { Controller, Get } from '@nestjs/common';
import { ValidQuery } from '../../core/validation/validated-input.decorators';
import type { CachedJson } from '../../infra/cache/cached-json';
import { SalesforceCatalogService } from '../../integrations/salesforce/services/salesforce-catalog.service';
import { PortalRoute } from '../auth/portal-route.decorator';
import { catalogQuerySchema, type CatalogQuery } from './catalog.schema';

/** The portal catalog by product family, served from its `catalog:{type}` cache entry. */
@Controller('catalog')
@PortalRoute()
export class CatalogController {
  constructor(private readonly catalog: SalesforceCatalogService) {}

  @Get()
  list(@ValidQuery(catalogQuerySchema) query: CatalogQuery): Promise<CachedJson> {
    return this.catalog.getCachedByType(query.type);
  }
}
