import { describe, expect, it } from 'vitest';
import { salesforceIdSchema } from './identifiers.schema';

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
