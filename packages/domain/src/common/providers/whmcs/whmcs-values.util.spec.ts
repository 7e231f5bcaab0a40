import { describe, expect, it } from 'vitest';
import invoiceNotFound from '../../../../fixtures/whmcs/error-invoice-not-found.json';
import loginInvalid from '../../../../fixtures/whmcs/error-login-invalid.json';
import { whmcsErrorSchema } from './whmcs-values.schema';
import { decodeHtmlEntities, whmcsBool, whmcsDateTime, whmcsListItems } from './whmcs-values.util';

describe('WHMCS value quirks', () => {
  it('decodes named and numeric HTML entities and leaves unknown ones alone', () => {
    expect(decodeHtmlEntities('Yamada &amp; Sons &quot;KK&quot; &#039;x&#x27; &yen;')).toBe(
      `Yamada & Sons "KK" 'x' ¥`,
    );
    expect(decodeHtmlEntities('&bogus; &#0; plain')).toBe('&bogus; &#0; plain');
  });

  it('reads inconsistent booleans', () => {
    expect([true, 1, '1', 'true', 'on', 'yes'].map(whmcsBool)).toEqual([true, true, true, true, true, true]);
    expect([false, 0, '0', 'false', '', 'off'].map(whmcsBool)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('unwraps empty lists in every shape', () => {
    expect(whmcsListItems('', 'x')).toEqual([]);
    expect(whmcsListItems(undefined, 'x')).toEqual([]);
    expect(whmcsListItems({}, 'x')).toEqual([]);
    expect(whmcsListItems({ x: [1] }, 'x')).toEqual([1]);
  });

  it('converts server-local datetimes with an offset', () => {
    expect(whmcsDateTime('2026-10-05 12:34:56', 'invoice', 'datepaid', 540)).toBe('2026-10-05T03:34:56.000Z');
    expect(whmcsDateTime('0000-00-00 00:00:00', 'invoice', 'datepaid')).toBeNull();
  });

  it('recognises both error envelopes (result and status keys)', () => {
    expect(whmcsErrorSchema.safeParse(invoiceNotFound).success).toBe(true);
    expect(whmcsErrorSchema.safeParse(loginInvalid).success).toBe(true);
    expect(whmcsErrorSchema.safeParse({ result: 'success' }).success).toBe(false);
  });
});
