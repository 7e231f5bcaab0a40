import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector';

describe('FaultInjector', () => {
  it('applies a counted fault the given number of times, then disarms', () => {
    const faults = new FaultInjector();
    faults.arm('GetInvoices', { failure: 'status:503', times: 2 });
    expect(faults.decide('GetInvoices').failure).toBe('status:503');
    expect(faults.decide('GetInvoices').failure).toBe('status:503');
    expect(faults.decide('GetInvoices').failure).toBeUndefined();
  });

  it('applies the error rate with the injected randomness and falls back to the wildcard', () => {
    const rolls = [0.1, 0.9];
    const faults = new FaultInjector(() => rolls.shift() ?? 0);
    faults.arm('*', { failure: 'html', errorRate: 0.5 });
    expect(faults.decide('AddOrder').failure).toBe('html');
    expect(faults.decide('AddOrder').failure).toBeUndefined();
  });

  it('releases a hang when the faults are cleared', async () => {
    const faults = new FaultInjector();
    faults.arm('x', { hang: true });
    const waiting = faults.delay(faults.decide('x'));
    faults.clear();
    await expect(waiting).resolves.toBeUndefined();
  });
});
