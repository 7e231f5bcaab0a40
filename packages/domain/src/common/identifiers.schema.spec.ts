import { describe, expect, it } from 'vitest';
import {
  hasValidSalesforceChecksum,
  salesforceId18Schema,
  salesforceIdSchema,
  toSalesforceId18,
} from './identifiers.schema';

describe('salesforceIdSchema', () => {
  it('accepts 15 and 18 character ids', () => {
    expect(salesforceIdSchema.safeParse('001000000000001').success).toBe(true);
    expect(salesforceIdSchema.safeParse('001000000000001AAA').success).toBe(true);
  });

  it('rejects injection attempts and wrong lengths', () => {
    expect(salesforceIdSchema.safeParse("001' OR Name LIKE '%").success).toBe(false);
    expect(salesforceIdSchema.safeParse('0010000000000').success).toBe(false);
  });
});

describe('toSalesforceId18', () => {
  it('appends the case checksum to 15-character ids', () => {
    expect(toSalesforceId18('0015g00000HaNaK')).toBe('0015g00000HaNaKAAV');
    expect(toSalesforceId18('001000000000001')).toBe('001000000000001AAA');
    expect(toSalesforceId18('ABCDEabcdeABCDE')).toBe('ABCDEabcdeABCDE5A5');
    expect(toSalesforceId18('0015g00000HaNaKAAV')).toBe('0015g00000HaNaKAAV');
  });

  it('distinguishes ids that differ only in case', () => {
    expect(toSalesforceId18('a0Ab0000001XyZa')).not.toBe(toSalesforceId18('a0AB0000001xyza'));
  });

  it('validates checksums and rejects malformed ids', () => {
    expect(hasValidSalesforceChecksum('0015g00000HaNaKAAV')).toBe(true);
    expect(hasValidSalesforceChecksum('0015g00000HaNaKAAA')).toBe(false);
    expect(() => toSalesforceId18("001' OR 1=1")).toThrow(RangeError);
    expect(salesforceId18Schema.parse('01t5g00000SiMa1')).toBe('01t5g00000SiMa1AAF');
  });
});
