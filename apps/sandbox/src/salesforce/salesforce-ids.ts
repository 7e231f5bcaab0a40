const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Salesforce's case-safe suffix: one character per 5-character chunk, a bit set for each upper-case letter. */
export function toCaseSafeId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new Error('not a Salesforce id');
  const base = id.slice(0, 15);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = base[chunk * 5 + i]!;
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return base + suffix;
}

export function isSalesforceId(value: string): boolean {
  return ID_PATTERN.test(value) && (value.length === 15 || toCaseSafeId(value) === value);
}

/** Deterministic id generator: `<prefix>5g0000<6 base-62 digits>` plus the checksum, one counter per prefix. */
export class SalesforceIdFactory {
  private readonly counters = new Map<string, number>();

  next(prefix: string): string {
    const counter = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, counter);
    let digits = '';
    for (let n = counter; n > 0; n = Math.floor(n / 62)) digits = BASE62[n % 62]! + digits;
    return toCaseSafeId(`${prefix}5g0000${digits.padStart(6, '0')}`);
  }
}
