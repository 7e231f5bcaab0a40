import { Catalog } from '@portal/domain';
import { z } from 'zod';

export const catalogQuerySchema = z.object({
  type: Catalog.productCategorySchema.describe('Product family'),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export const catalogListSchema = z.array(Catalog.catalogProductSchema);
