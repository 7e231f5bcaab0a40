export const REDACTED = '[REDACTED]';

// Names of fields, headers and query parameters whose values never reach a log line.
const SENSITIVE =
  /pass(word|wd|phrase)?$|secret|token|authori[sz]ation|cookie|signature|api[-_]?key|credential|^pin$/i;
const MAX_DEPTH = 8;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE.test(key);
}

/** Masks sensitive query-string values in an absolute or relative URL. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  let changed = false;
  for (const key of new Set(params.keys())) {
    if (isSensitiveKey(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, query)}?${params.toString()}` : url;
}

/** A copy of `value` with sensitive keys masked at any depth and URL query strings cleaned. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.includes('?') && value.includes('=') ? redactUrl(value) : value;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  // Only plain data is walked: requests, responses, errors and buffers go to their pino serializers untouched.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key) ? REDACTED : redactDeep(item, depth + 1);
  }
  return copy;
}
