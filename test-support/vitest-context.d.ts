import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local Redis the integration tier uses (found or started by the global setup). */
    redisUrl: string;
  }
}
