import { describe, expect, it } from 'vitest';
import { encodeWhmcsArray, phpSerializeArray } from './php-serialize.util';
import { buildWhmcsForm } from './whmcs-form.util';

describe('buildWhmcsForm', () => {
  it('encodes PHP arrays, booleans and skips undefined', () => {
    const form = buildWhmcsForm({
      action: 'AddOrder',
      pid: [301, '302'],
      noinvoice: true,
      noemail: false,
      promocode: undefined,
    });
    expect(decodeURIComponent(form.toString())).toBe(
      'action=AddOrder&pid[0]=301&pid[1]=302&noinvoice=1&noemail=0',
    );
  });
});

describe('phpSerializeArray', () => {
  it('writes integer keys and UTF-8 byte lengths as PHP does', () => {
    expect(phpSerializeArray({ 11: '08012345678', 13: '山田' })).toBe(
      'a:2:{i:11;s:11:"08012345678";i:13;s:6:"山田";}',
    );
    expect(phpSerializeArray({ name: 5 })).toBe('a:1:{s:4:"name";i:5;}');
    expect(Buffer.from(encodeWhmcsArray({ 1: 'x' }), 'base64').toString()).toBe('a:1:{i:1;s:1:"x";}');
  });
});
