import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from '../../../../test-support/redis';

const appRoot = join(__dirname, '../..');
const dist = join(appRoot, 'dist/main.js');

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_PRETTY: 'false',
    LOG_LEVEL: 'warn',
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: `${uniquePrefix('life')}:`,
    ...extra,
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${out}`)));
  });
}

describe('BFF process lifecycle (built app in a child process)', () => {
  beforeAll(() => {
    if (!existsSync(dist)) throw new Error('apps/bff/dist is missing: run `pnpm build` (pnpm test does it).');
  });

  it('refuses to boot with a bad configuration, naming every bad variable', () => {
    const result = spawnSync(process.execPath, [dist], {
      env: childEnv({ PORT: 'not-a-port', CACHE_TTL_CATALOG_S: '5', REDIS_URL: 'localhost' }),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    for (const name of ['PORT', 'CACHE_TTL_CATALOG_S', 'REDIS_URL']) expect(result.stderr).toContain(name);
  });

  it('on SIGTERM fails readiness first, drains the in-flight request, then exits 0', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../support/boot-built-app.cjs')], {
      env: childEnv({ SHUTDOWN_READINESS_DELAY_MS: '400', SHUTDOWN_GRACE_MS: '5000' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = await waitForPort(child);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    const inFlight = fetch(`${base}/slow?ms=1200`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readiness = await fetch(`${base}/health/ready`, { headers: { connection: 'close' } });
    expect(readiness.status).toBe(503);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    expect(await exited).toBe(0);
  });
});
