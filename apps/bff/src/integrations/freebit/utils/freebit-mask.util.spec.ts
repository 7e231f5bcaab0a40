import { describe, expect, it } from 'vitest';
import { maskFreebitParams, maskIdentifier } from './freebit-mask.util';

describe('maskFreebitParams', () => {
  it('masks subscriber identifiers at any depth and removes secrets', () => {
    const masked = maskFreebitParams({
      authKey: 'secret-key',
      requestDatas: [{ kind: 'MVNO', account: '08012345678' }],
      productNumber: 'AX1234567890123',
      eid: '89049032000001000000123456789012',
      planCode: 'PASI_5G',
    });
    const text = JSON.stringify(masked);
    for (const clear of [
      'secret-key',
      '08012345678',
      'AX1234567890123',
      '89049032000001000000123456789012',
    ]) {
      expect(text).not.toContain(clear);
    }
    expect(masked).toMatchObject({ requestDatas: [{ account: '080******78' }], planCode: 'PASI_5G' });
  });

  it('masks short values completely', () => {
    expect(maskIdentifier('12345')).toBe('*****');
  });
});
