/**
 * PHP `serialize()` of a flat array of scalars, for the `customfields` / `configoptions` parameters WHMCS
 * takes as `base64_encode(serialize(array(...)))`. String lengths are UTF-8 byte lengths, as PHP counts them.
 */
export function phpSerializeArray(values: Readonly<Record<string | number, string | number>>): string {
  const entries = Object.entries(values);
  const body = entries.map(([key, value]) => serializeKey(key) + serializeScalar(value)).join('');
  return `a:${entries.length}:{${body}}`;
}

/** `base64_encode(serialize($values))`. */
export function encodeWhmcsArray(values: Readonly<Record<string | number, string | number>>): string {
  return Buffer.from(phpSerializeArray(values), 'utf8').toString('base64');
}

function serializeKey(key: string): string {
  // PHP turns canonical integer strings into integer keys.
  return /^(0|-?[1-9][0-9]*)$/.test(key) ? `i:${key};` : serializeScalar(key);
}

function serializeScalar(value: string | number): string {
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`;
  return `s:${Buffer.byteLength(value, 'utf8')}:"${value}";`;
}
