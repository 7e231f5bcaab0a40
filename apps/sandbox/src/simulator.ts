/** What every provider simulator exposes to the sandbox shell. */
export interface Simulator {
  readonly name: string;
  /** Starts listening; answers the base URL(s) it serves, keyed by a short label (e.g. `rest`, `pubsub`). */
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}
