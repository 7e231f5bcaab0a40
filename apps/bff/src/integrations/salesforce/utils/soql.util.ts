import { NotFoundError, ValidationError } from '../../../core/errors/app.errors';

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;
/** C0 controls without a SOQL escape sequence (and DEL) cannot be written in a literal: refuse them. */
const WRITABLE_CONTROLS = new Set(['\n', '\r', '\t', '\b', '\f']);
function hasUnwritable(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !WRITABLE_CONTROLS.has(char)) return true;
  }
  return false;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

export function isSalesforceId(value: string): boolean {
  return SALESFORCE_ID.test(value);
}

/**
 * A record id as a SOQL literal. Only the 15/18-character alphanumeric form passes, so an id can never carry
 * quotes or operators; anything else is an id that cannot exist (not found).
 */
export function soqlId(value: string, what = 'record'): string {
  if (!isSalesforceId(value)) throw new NotFoundError(`The ${what} was not found.`, 'SALESFORCE_INVALID_ID');
  return `'${value}'`;
}

/** A string as a quoted SOQL literal, escaped by SOQL's rules (backslash, quotes, control characters). */
export function soqlString(value: string): string {
  if (hasUnwritable(value)) {
    throw new ValidationError([{ path: '', message: 'contains control characters' }]);
  }
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (char) => ESCAPES[char]!)}'`;
}

/** A `LIKE 'prefix%'` literal: the prefix escaped as a string, then its `%`/`_` escaped as LIKE wildcards. */
export function soqlLikePrefix(value: string): string {
  const quoted = soqlString(value);
  return `${quoted.slice(0, -1).replace(/[%_]/g, (char) => `\\${char}`)}%'`;
}

/** An integer as a SOQL literal (e.g. a WHMCS client id). */
export function soqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new ValidationError([{ path: '', message: 'is not an integer' }]);
  return String(value);
}

/** Field names come from code, never from input; still, refuse anything that is not a field path. */
export function soqlField(path: string): string {
  if (!FIELD_PATH.test(path)) throw new Error(`Not a SOQL field path: ${path}`);
  return path;
}
