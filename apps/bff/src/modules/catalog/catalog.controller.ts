import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ValidQuery } from '../../core/validation/validated-input.decorators';
import { cachedReply } from '../../infra/cache/cached-json';
import { SalesforceCatalogService } from '../../integrations/salesforce/services/salesforce-catalog.service';
import { PortalRoute } from '../auth/portal-route.decorator';
import { catalogQuerySchema, type CatalogQuery } from './catalog.schema';

/** The portal catalog by product family, served from its `catalog:{type}` cache entry. */
@Controller('catalog')
@PortalRoute()
export class CatalogController {
  constructor(private readonly catalog: SalesforceCatalogService) {}

  @Get()
  async list(
    @ValidQuery(catalogQuerySchema) query: CatalogQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return cachedReply(reply, await this.catalog.getCachedByType(query.type));
  }
}
