import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSerializedArray, phpSerialize, phpUnserialize, type PhpArray } from './php-serialize.util';

describe('phpSerialize / phpUnserialize', () => {
  it.each([
    [
      'a custom field map',
      { '11': '08012345678', '13': 'EID' },
      'a:2:{i:11;s:11:"08012345678";i:13;s:3:"EID";}',
    ],
    ['string keys', { name: 'x' }, 'a:1:{s:4:"name";s:1:"x";}'],
    ['scalars', { '0': 5, '1': true, '2': null, '3': 1.5 }, 'a:4:{i:0;i:5;i:1;b:1;i:2;N;i:3;d:1.5;}'],
    [
      'a nested config option',
      { '7': { optionid: 3, qty: 2 } },
      'a:1:{i:7;a:2:{s:8:"optionid";i:3;s:3:"qty";i:2;}}',
    ],
    ['multi-byte text (byte lengths)', { '1': '山田 & 息子' }, 'a:1:{i:1;s:15:"山田 & 息子";}'],
  ])('round-trips %s exactly as PHP writes it', (_label, value: PhpArray, php) => {
    expect(phpSerialize(value)).toBe(php);
    expect(phpUnserialize(php)).toEqual(value);
  });

  it('decodes base64 the way AddOrder receives customfields', () => {
    const encoded = Buffer.from('a:1:{i:11;s:3:"080";}').toString('base64');
    expect(decodeSerializedArray(encoded)).toEqual({ '11': '080' });
  });

  it.each([
    ['truncated', 'a:1:{i:1;s:5:"ab";}'],
    ['an object', 'O:8:"stdClass":0:{}'],
    ['trailing bytes', 'i:1;i:2;'],
    ['a wrong count', 'a:2:{i:1;i:1;}'],
  ])('rejects %s input', (_label, php) => {
    expect(() => phpUnserialize(php)).toThrow(/at byte/);
  });

  it('rejects a scalar where an array is expected', () => {
    expect(() => decodeSerializedArray(Buffer.from('i:1;').toString('base64'))).toThrow(/array/);
  });

  it('round-trips any map of integer keys to strings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.integer({ min: 0, max: 9999 }).map(String), fc.string()), (map) => {
        expect(phpUnserialize(phpSerialize(map))).toEqual(map);
      }),
    );
  });
});
