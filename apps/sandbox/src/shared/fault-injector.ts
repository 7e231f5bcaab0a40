import { z } from 'zod';

/**
 * A fault armed for one simulator operation (a WHMCS action, a Freebit path, a Salesforce REST operation…).
 * `failure` is provider-specific: each simulator documents the modes it understands
 * (for example `html`, `malformed-json`, `status:503`, `REQUEST_LIMIT_EXCEEDED`, or a Freebit result code).
 */
export const faultSchema = z.object({
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  hang: z.boolean().optional(),
  failure: z.string().min(1).optional(),
  /** Probability in [0, 1] that `failure` applies to a call; 1 when omitted. */
  errorRate: z.number().min(0).max(1).optional(),
  /** Apply to the next N calls only, then disarm; forever when omitted. */
  times: z.number().int().min(1).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

export interface FaultDecision {
  readonly latencyMs: number;
  readonly hang: boolean;
  readonly failure: string | undefined;
}

const NONE: FaultDecision = { latencyMs: 0, hang: false, failure: undefined };

/** Holds the armed faults of one simulator and decides, call by call, what to inject. */
export class FaultInjector {
  private readonly faults = new Map<string, Fault & { remaining?: number }>();
  private readonly hanging = new Set<() => void>();

  constructor(private readonly random: () => number = Math.random) {}

  arm(operation: string, fault: Fault): void {
    this.faults.set(operation, { ...fault, remaining: fault.times });
  }

  clear(): void {
    this.faults.clear();
    for (const release of this.hanging) release();
    this.hanging.clear();
  }

  /** The fault for `operation` (or `*`, which matches every operation), consuming one use of a counted fault. */
  decide(operation: string): FaultDecision {
    const key = this.faults.has(operation) ? operation : this.faults.has('*') ? '*' : undefined;
    if (key === undefined) return NONE;
    const fault = this.faults.get(key)!;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.delete(key);
    }
    const fails = fault.failure !== undefined && this.random() < (fault.errorRate ?? 1);
    return {
      latencyMs: fault.latencyMs ?? 0,
      hang: fault.hang ?? false,
      failure: fails ? fault.failure : undefined,
    };
  }

  /** Waits out the decided latency; a hang waits until the client gives up or the faults are cleared. */
  async delay(decision: FaultDecision, abort?: AbortSignal): Promise<void> {
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, abort);
    if (!decision.hang) return;
    await new Promise<void>((resolve) => {
      const release = (): void => {
        this.hanging.delete(release);
        resolve();
      };
      this.hanging.add(release);
      abort?.addEventListener('abort', release, { once: true });
    });
  }
}

function sleep(ms: number, abort?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    abort?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
