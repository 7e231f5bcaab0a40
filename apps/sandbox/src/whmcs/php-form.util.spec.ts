import { describe, expect, it } from 'vitest';
import { formList, parsePhpForm } from './php-form.util';

describe('parsePhpForm', () => {
  it('builds PHP arrays from indexed and empty brackets', () => {
    const form = parsePhpForm('action=AddOrder&pid%5B0%5D=301&pid%5B1%5D=302&qty[]=1&qty[]=2&notes=a%26b');
    expect(form).toEqual({
      action: 'AddOrder',
      pid: { '0': '301', '1': '302' },
      qty: { '0': '1', '1': '2' },
      notes: 'a&b',
    });
    expect(formList(form.pid)).toEqual(['301', '302']);
  });

  it('nests several bracket levels and reports a scalar as "not an array"', () => {
    const form = parsePhpForm('a[x][y]=1&pid=301');
    expect(form).toEqual({ a: { x: { y: '1' } }, pid: '301' });
    expect(formList(form.pid)).toBeUndefined();
  });
});
