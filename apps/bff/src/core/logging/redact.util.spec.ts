import { describe, expect, it } from 'vitest';
import { REDACTED, redactDeep, redactUrl } from './redact.util';

describe('redaction', () => {
  it('masks sensitive keys at any depth and keeps the rest', () => {
    const input = {
      user: 'alice',
      password: 'p',
      nested: { clientSecret: 's', list: [{ accessToken: 't', id: 1 }], 'x-api-key': 'k' },
      headers: { authorization: 'Bearer x', cookie: 'a=b', 'x-whmcs-signature': 'sig', accept: 'json' },
    };
    expect(redactDeep(input)).toEqual({
      user: 'alice',
      password: REDACTED,
      nested: { clientSecret: REDACTED, list: [{ accessToken: REDACTED, id: 1 }], 'x-api-key': REDACTED },
      headers: { authorization: REDACTED, cookie: REDACTED, 'x-whmcs-signature': REDACTED, accept: 'json' },
    });
    expect(input.password).toBe('p');
  });

  it('masks sensitive query parameters in URLs', () => {
    expect(
      redactUrl('https://h/includes/api.php?action=GetInvoices&secret=abc&identifier=id1&password=pw'),
    ).toBe(
      'https://h/includes/api.php?action=GetInvoices&secret=%5BREDACTED%5D&identifier=id1&password=%5BREDACTED%5D',
    );
    expect(redactUrl('/plain/path')).toBe('/plain/path');
    expect(redactDeep({ url: '/x?api_key=K&page=2' })).toEqual({ url: '/x?api_key=%5BREDACTED%5D&page=2' });
  });
});
