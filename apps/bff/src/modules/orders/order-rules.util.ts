import type { Catalog, Orders } from '@portal/domain';
import { ValidationError, type FieldError } from '../../core/errors/app.errors';

/** Lines that are one per order: the plan, its activation fee, its installation. */
const SINGLE_QUANTITY = new Set<Catalog.ItemClass>(['service', 'activation', 'installation']);

/**
 * Checks a checkout against the portal catalog and answers the order type. Every problem is reported with its
 * field path: unknown SKU, SKU without an active portal price, a quantity the line does not allow, mixed product
 * families, and the SIM rules (a SIM order has one plan, its activation fee and the SIM details).
 */
export function checkOrderAgainstCatalog(
  order: Orders.NewOrder,
  catalog: readonly Catalog.CatalogProduct[],
): Catalog.ProductCategory {
  const bySku = new Map(catalog.map((product) => [product.sku, product]));
  const problems: FieldError[] = [];
  const lines: Catalog.CatalogProduct[] = [];
  order.items.forEach((item, index) => {
    const product = bySku.get(item.sku);
    if (!product) {
      problems.push({ path: `items.${index}.sku`, message: 'Unknown SKU' });
      return;
    }
    if (product.price === null || product.pricebookEntryId === null || !product.portalAccessible) {
      problems.push({ path: `items.${index}.sku`, message: 'This product cannot be ordered right now' });
      return;
    }
    if (SINGLE_QUANTITY.has(product.itemClass) && item.quantity !== 1) {
      problems.push({ path: `items.${index}.quantity`, message: 'Must be 1 for this product' });
    }
    lines.push(product);
  });
  if (problems.length > 0) throw new ValidationError(problems);

  const categories = new Set(lines.map((product) => product.category));
  const [category] = categories;
  if (categories.size !== 1 || category === undefined) {
    throw new ValidationError([{ path: 'items', message: 'An order holds products of one family' }]);
  }
  if (category === 'sim') checkSimOrder(order, lines);
  else if (order.sim !== undefined) {
    throw new ValidationError([{ path: 'sim', message: 'Only SIM orders carry SIM details' }]);
  }
  return category;
}

function checkSimOrder(order: Orders.NewOrder, lines: readonly Catalog.CatalogProduct[]): void {
  const problems: FieldError[] = [];
  const plans = lines.filter((product) => product.itemClass === 'service');
  if (plans.length !== 1) problems.push({ path: 'items', message: 'A SIM order needs exactly one SIM plan' });
  if (!lines.some((product) => product.itemClass === 'activation')) {
    problems.push({ path: 'items', message: 'A SIM order needs the activation fee' });
  }
  if (order.sim === undefined) problems.push({ path: 'sim', message: 'Required for SIM orders' });
  if (problems.length > 0) throw new ValidationError(problems);
}
