import fc from 'fast-check';

/** A minor-unit integer rendered as a WHMCS 2-dp decimal string (`-1234` → `"-12.34"`). */
export function centsToDecimal(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Every JSON path (as key arrays) inside a value, root excluded. */
export function jsonPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...jsonPaths(child, [...prefix, key])]);
}

/** A deep copy of `value` with the node at `path` replaced by `replacement` (or deleted when `undefined`). */
export function mutateAt<T>(value: T, path: (string | number)[], replacement: unknown): T {
  const copy = structuredClone(value) as unknown;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy as T;
}

/** Arbitrary that mutates one random node of a fixture with an arbitrary JSON-ish value or deletes it. */
export function mutatedFixture<T>(fixture: T): fc.Arbitrary<T> {
  const paths = jsonPaths(fixture);
  return fc
    .tuple(
      fc.nat({ max: paths.length - 1 }),
      fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.constant(''),
        fc.constant('0000-00-00'),
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constantFrom(
          '0.10',
          '0.20',
          '12.345',
          '-0.01',
          '1e3',
          'NaN',
          '2026-02-30',
          '9999999999999999999.99',
        ),
        fc.array(fc.anything(), { maxLength: 2 }),
        fc.object({ maxDepth: 1 }),
      ),
    )
    .map(([index, replacement]) => mutateAt(fixture, paths[index]!, replacement));
}

/** Fails on NaN, infinities, unsafe integers and invalid date strings anywhere in a mapped value. */
export function assertWellFormed(value: unknown, path = ''): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number at ${path}`);
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new Error(`unsafe integer at ${path}`);
    return;
  }
  if (typeof value === 'string') {
    // Date fields are named `…At`, `…Date` or `date`; free text may legitimately hold anything.
    const isDateField = /(?:At|Date|\.date)$/.test(path);
    if (isDateField && Number.isNaN(Date.parse(value))) throw new Error(`invalid date at ${path}`);
    return;
  }
  if (value instanceof Date) throw new Error(`Date object at ${path}: domain values carry ISO strings`);
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) assertWellFormed(child, `${path}.${key}`);
    if (
      'value' in value &&
      'currency' in value &&
      !Number.isSafeInteger((value as { value: unknown }).value)
    ) {
      throw new Error(`money value is not an integer at ${path}`);
    }
  }
}
