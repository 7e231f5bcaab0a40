// Finds the Redis at REDIS_URL, or starts a throw-away local redis-server on a free port (dev and start scripts).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export async function redisAnswers(url) {
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

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function onPath(binary) {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      accessSync(`${dir}/${binary}`, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Answers `{ url, stop }`: the configured Redis when it answers, else a local redis-server started on a free port.
 * Throws with one line saying how to get a Redis when neither works.
 */
export async function ensureRedis(url = 'redis://127.0.0.1:6379') {
  if (await redisAnswers(url)) return { url, started: false, stop: () => undefined };
  if (!LOOPBACK.has(new URL(url).hostname) || !onPath('redis-server')) {
    throw new Error(
      `No Redis answers at ${url} and redis-server is not on the PATH: install Redis or run \`docker compose up -d redis\`.`,
    );
  }
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const started = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await redisAnswers(started)); i++) await new Promise((r) => setTimeout(r, 100));
  return { url: started, started: true, stop: () => child.kill('SIGTERM') };
}
