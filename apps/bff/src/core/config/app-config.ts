import type { z } from 'zod';
import { envSchema, type Env } from './env';
import { isSecret } from './env-schema.util';

const MASK = '***';

/** The parsed, typed configuration; inject it wherever a setting is needed. */
export class AppConfig {
  constructor(readonly values: Readonly<Env>) {}

  get<K extends keyof Env>(key: K): Env[K] {
    return this.values[key];
  }

  /** Redis for BullMQ: QUEUE_REDIS_URL, else REDIS_URL. */
  get queueRedisUrl(): string {
    return this.values.QUEUE_REDIS_URL ?? this.values.REDIS_URL;
  }

  /** Outside production logs are pretty unless LOG_PRETTY says otherwise. */
  get logPretty(): boolean {
    return this.values.LOG_PRETTY ?? this.values.NODE_ENV === 'development';
  }

  /** The configuration with every secret masked: the only form that may be printed or logged. */
  masked(): Record<string, unknown> {
    return maskSecrets(this.values, envSchema.shape);
  }
}

/** `values` with the value of every variable marked {@link secret} in `shape` replaced by `***`. */
export function maskSecrets(values: object, shape: Record<string, z.ZodType>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]: [string, unknown]) => {
      const schema = shape[key];
      return [key, schema && isSecret(schema) && value !== undefined ? MASK : value];
    }),
  );
}
