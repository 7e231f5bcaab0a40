import { describe, expect, it } from 'vitest';
import { signWhmcsPayload, verifyWhmcsSignature } from './whmcs-signature.util';

const NOW = 1_790_000_000;
const BODY = Buffer.from(
  '{"id":"e1","event":"InvoicePaid","occurredAt":"2026-11-25T10:00:00Z","data":{"invoiceId":1,"clientId":1}}',
);
const options = { secrets: ['s3cret'], nowSeconds: NOW, toleranceSeconds: 300 };

describe('verifyWhmcsSignature', () => {
  it('accepts a valid signature and reports its timestamp', () => {
    expect(verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['s3cret'], NOW), options)).toEqual({
      ok: true,
      timestamp: NOW,
    });
  });

  it.each([
    ['missing header', undefined, 'missing'],
    ['empty header', '', 'missing'],
    ['no timestamp', `v1=${'a'.repeat(64)}`, 'malformed'],
    ['no signature', `t=${NOW}`, 'malformed'],
    ['short signature (length mismatch must not throw)', `t=${NOW},v1=abcd`, 'malformed'],
    ['non-hex signature', `t=${NOW},v1=${'z'.repeat(64)}`, 'malformed'],
    ['garbage', 'hello', 'malformed'],
    ['301 s old', signWhmcsPayload(BODY, ['s3cret'], NOW - 301), 'stale'],
    ['301 s in the future', signWhmcsPayload(BODY, ['s3cret'], NOW + 301), 'stale'],
    ['wrong secret', signWhmcsPayload(BODY, ['other'], NOW), 'mismatch'],
    [
      'another timestamp than signed',
      signWhmcsPayload(BODY, ['s3cret'], NOW).replace(`t=${NOW}`, `t=${NOW - 1}`),
      'mismatch',
    ],
  ])('rejects %s', (_label, header, reason) => {
    expect(verifyWhmcsSignature(BODY, header, options)).toEqual({ ok: false, reason });
  });

  it('accepts the edge of the tolerance window', () => {
    expect(verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['s3cret'], NOW - 300), options).ok).toBe(true);
    expect(verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['s3cret'], NOW + 300), options).ok).toBe(true);
  });

  it('rejects a tampered body and a re-serialised body with other whitespace', () => {
    const header = signWhmcsPayload(BODY, ['s3cret'], NOW);
    const tampered = Buffer.from(BODY.toString().replace('"invoiceId":1', '"invoiceId":2'));
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1));
    expect(verifyWhmcsSignature(tampered, header, options)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWhmcsSignature(reserialised, header, options)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts old and new secrets during a rotation, either side signing', () => {
    const rotating = { ...options, secrets: ['new', 'old'] };
    expect(verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['old'], NOW), rotating).ok).toBe(true);
    expect(verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['new'], NOW), rotating).ok).toBe(true);
    expect(
      verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['old', 'new'], NOW), {
        ...options,
        secrets: ['new'],
      }).ok,
    ).toBe(true);
    expect(verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['older'], NOW), rotating).ok).toBe(false);
  });

  it('rejects everything when no secret is configured', () => {
    expect(
      verifyWhmcsSignature(BODY, signWhmcsPayload(BODY, ['s3cret'], NOW), { ...options, secrets: [] }),
    ).toEqual({
      ok: false,
      reason: 'no-secret',
    });
  });
});
