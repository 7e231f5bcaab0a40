import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppConfig, maskSecrets } from './app-config';
import { ConfigError, envSchema, loadEnv } from './env';
import { isSecret, secret } from './env-schema.util';

const repoFile = (path: string) => readFileSync(join(__dirname, '../../../../..', path), 'utf8');

describe('loadEnv', () => {
  it('applies defaults to an empty environment', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: '{bff}',
      CACHE_TTL_INVOICES_S: 90,
      CACHE_TTL_CATALOG_S: 600,
      CORS_ORIGINS: [],
    });
    expect(new AppConfig(env).queueRedisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('refuses a bad environment with one message naming every bad variable', () => {
    let caught: unknown;
    try {
      loadEnv({ PORT: 'eighty', CACHE_TTL_INVOICES_S: '30', REDIS_URL: 'http://nope', LOG_PRETTY: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    for (const name of ['PORT', 'CACHE_TTL_INVOICES_S', 'REDIS_URL', 'LOG_PRETTY'])
      expect(message).toContain(name);
    expect((caught as ConfigError).problems).toHaveLength(4);
  });

  it('treats empty values as unset and parses lists and flags', () => {
    const env = loadEnv({
      PORT: '',
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      LOG_PRETTY: 'false',
    });
    expect(env.PORT).toBe(3000);
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(env.LOG_PRETTY).toBe(false);
  });
});

describe('secrets', () => {
  it('are detected through wrappers such as default and optional', () => {
    expect(isSecret(secret(z.string()).optional())).toBe(true);
    expect(isSecret(secret(z.string().min(1)).default('x'))).toBe(true);
    expect(isSecret(z.string())).toBe(false);
  });

  it('every schema variable whose name says secret, password, key or token is marked secret', () => {
    const shape = envSchema.shape as Record<string, z.ZodType>;
    for (const [name, schema] of Object.entries(shape)) {
      if (/SECRET|PASSWORD|PRIVATE_KEY|API_KEY|(?<!PUBLIC)_KEY$|TOKEN$/.test(name))
        expect(isSecret(schema), name).toBe(true);
    }
  });

  it('are masked when the configuration is printed', () => {
    const shape = {
      DEMO_API_SECRET: secret(z.string()),
      DEMO_URL: z.string(),
      DEMO_TOKEN: secret(z.string()).optional(),
    };
    const masked = maskSecrets(
      { DEMO_API_SECRET: 'shh-123', DEMO_URL: 'https://x', DEMO_TOKEN: undefined },
      shape,
    );
    expect(masked).toEqual({ DEMO_API_SECRET: '***', DEMO_URL: 'https://x', DEMO_TOKEN: undefined });
    expect(JSON.stringify(new AppConfig(loadEnv({})).masked())).toContain('"PORT":3000');
  });
});

describe('.env.example', () => {
  it('documents exactly the variables of the schema', () => {
    const documented = repoFile('.env.example')
      .split('\n')
      .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    expect([...new Set(documented)].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
