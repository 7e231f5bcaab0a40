import { Injectable } from '@nestjs/common';

/** A readiness probe: resolves when the dependency is usable, rejects (with a short reason) when not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * What `/health/ready` checks. Provider modules add their own probes at init:
 * `readiness.register('whmcs', () => this.connection.ping())`.
 */
@Injectable()
export class ReadinessService {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }

  /** Called first on SIGTERM so load balancers stop sending traffic before the server closes. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }
}
