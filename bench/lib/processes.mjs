// Child-process helpers for bench suites: start a server script, wait for its port, run a load, stop it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Starts `node [nodeFlags] script` and resolves with its port once it prints `LISTENING <port>`. */
export function startServer(script, env, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited before listening (${code})`)));
  });
  return {
    port,
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// /proc/<pid>/stat counts in clock ticks; USER_HZ is 100 on every Linux we run on.
const TICK_MS = 10;

/** CPU time (user + system, ms) a process has used so far; undefined where /proc is missing. */
export function processCpuMs(pid) {
  try {
    // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

const loadScript = fileURLToPath(new URL('./load.mjs', import.meta.url));

/** Runs autocannon from a separate process and answers its figures. */
export function runLoad(url, { connections = 50, seconds = 10, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const args = [
      loadScript,
      url,
      String(connections),
      String(seconds),
      ...Object.entries(headers).map(([k, v]) => `${k}=${v}`),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()))
        : reject(new Error(`load exited ${code}`)),
    );
  });
}
