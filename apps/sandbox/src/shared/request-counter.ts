/** Per-operation request counts, so tests can assert "exactly one AddOrder". */
export class RequestCounter {
  private readonly counts = new Map<string, number>();

  increment(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  get(operation: string): number {
    return this.counts.get(operation) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
