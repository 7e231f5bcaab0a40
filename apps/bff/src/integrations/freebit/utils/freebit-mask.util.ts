/** Parameters that identify a subscriber or authenticate us: never logged in clear. */
const SUBSCRIBER_FIELDS = new Set(['account', 'productNumber', 'eid', 'tempAccount', 'repAccount']);
const SECRET_FIELDS = new Set(['authKey', 'oemKey', 'masterPassword']);

/** Keeps the first 3 and last 2 characters: enough to tell SIMs apart in a log, not to identify a subscriber. */
export function maskIdentifier(value: string): string {
  if (value.length <= 5) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 5)}${value.slice(-2)}`;
}

/** A copy of Freebit request parameters safe to log: identifiers masked, keys and passwords removed. */
export function maskFreebitParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskFreebitParams);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (SECRET_FIELDS.has(key)) return [key, '[REDACTED]'];
      if (SUBSCRIBER_FIELDS.has(key) && typeof item === 'string') return [key, maskIdentifier(item)];
      return [key, maskFreebitParams(item)];
    }),
  );
}
