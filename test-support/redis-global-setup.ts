import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      accessSync(`${dir}/${binary}`, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

let child: ChildProcess | undefined;

/** Finds a local Redis for the integration tier, or starts a throw-away one. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!LOOPBACK.has(new URL(url).hostname)) {
    throw new Error(
      `Refusing to run integration tests against a non-local Redis (${new URL(url).hostname}).`,
    );
  }
  if (await answers(url)) {
    project.provide('redisUrl', url);
    return () => Promise.resolve();
  }
  if (!onPath('redis-server')) {
    throw new Error(
      `No Redis answers at ${url} and redis-server is not on the PATH: run \`docker compose up -d redis\`.`,
    );
  }
  const port = await freePort();
  child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const started = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(started)); i++) await new Promise((r) => setTimeout(r, 100));
  project.provide('redisUrl', started);
  return () => {
    child?.kill('SIGTERM');
    return Promise.resolve();
  };
}
