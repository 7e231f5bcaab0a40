import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { provisionOrderJobId } from './provision-order-job.util';

describe('provisionOrderJobId', () => {
  it.each([
    [
      '8015g00000OrDa1AAF:2026-03-31T09:03:40Z',
      'evt-1',
      'po-idem-8015g00000OrDa1AAF%3A2026-03-31T09%3A03%3A40Z',
    ],
    [undefined, '5e0c-uuid', 'po-event-5e0c-uuid'],
    ['   ', 'e:1', 'po-event-e%3A1'],
    ['123', 'e', 'po-idem-123'],
  ])('maps idemKey %j / event %j to %j', (idemKey, eventId, expected) => {
    expect(provisionOrderJobId(idemKey, eventId)).toBe(expected);
  });

  it('never contains a colon, is never an integer, and is one-to-one on idempotency keys', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        const idA = provisionOrderJobId(a, 'x');
        expect(idA).not.toContain(':');
        expect(String(Number.parseInt(idA, 10))).not.toBe(idA);
        if (a.trim() !== b.trim() && a.trim() && b.trim()) expect(idA).not.toBe(provisionOrderJobId(b, 'x'));
      }),
    );
  });
});
