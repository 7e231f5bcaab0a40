/** The external system a raw payload came from. */
export type MappingProvider = 'whmcs' | 'salesforce' | 'freebit';

/** Where mapping failed: the raw payload did not match its schema, or the mapped value broke the domain schema. */
export type MappingStage = 'raw' | 'domain';

/**
 * Raised when a provider payload cannot be turned into a domain value.
 * It names the provider, the entity and the field path, never the raw values: they may hold personal data.
 */
export class MappingError extends Error {
  override readonly name = 'MappingError';

  constructor(
    readonly provider: MappingProvider,
    readonly entity: string,
    readonly path: string,
    readonly reason: string,
    readonly stage: MappingStage = 'raw',
  ) {
    super(`Cannot map ${provider} ${entity}: ${stage} field "${path || '(root)'}" ${reason}`);
  }
}

/** Renders a zod issue path as `items.item[2].amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Joins a base path and a child key the same way {@link formatPath} does. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}
