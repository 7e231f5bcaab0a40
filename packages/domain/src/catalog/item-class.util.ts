import type { ItemClass, ProductCategory } from './catalog-product.schema';

const ITEM_CLASSES: Readonly<Record<string, ItemClass>> = {
  service: 'service',
  activation: 'activation',
  addon: 'add_on',
  installation: 'installation',
};

const CATEGORIES: Readonly<Record<string, ProductCategory>> = {
  sim: 'sim',
  internet: 'internet',
  vpn: 'vpn',
};

const key = (label: string) => label.toLowerCase().replace(/[\s_-]/g, '');

/** `Service`, `Activation`, `Add-on`, `Installation` → the domain value; `undefined` when unknown. */
export function toItemClass(label: string): ItemClass | undefined {
  return ITEM_CLASSES[key(label)];
}

/** `SIM`, `Internet`, `VPN` → the domain value; `undefined` when unknown. */
export function toProductCategory(label: string): ProductCategory | undefined {
  return CATEGORIES[key(label)];
}
