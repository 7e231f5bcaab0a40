import { describe, expect, it } from 'vitest';
import { checkAdminToken } from './admin-token.util';

const TOKEN = 'a'.repeat(20) + 'b'.repeat(20);

describe('checkAdminToken', () => {
  it('accepts exactly the configured bearer token', () => {
    expect(checkAdminToken(`Bearer ${TOKEN}`, TOKEN)).toBe('ok');
    expect(checkAdminToken(`bearer ${TOKEN}`, TOKEN)).toBe('ok');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another token', `Bearer ${'c'.repeat(40)}`],
    ['a prefix of it', `Bearer ${TOKEN.slice(0, 39)}`],
    ['it plus more', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${TOKEN}`],
  ])('denies %s', (_label, header) => {
    expect(checkAdminToken(header, TOKEN)).toBe('denied');
  });

  it('reports the endpoints as disabled when no token is configured', () => {
    expect(checkAdminToken(`Bearer ${TOKEN}`, undefined)).toBe('disabled');
  });
});
