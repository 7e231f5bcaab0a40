// Runs named child processes with prefixed output and stops them all together.
import { spawn } from 'node:child_process';

export function runAll(commands, env, onExit) {
  const children = commands.map(({ name, args }) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.on('data', (chunk) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
    }
    child.on('exit', (code, signal) => onExit(name, code, signal));
    return child;
  });
  return {
    stop(signal = 'SIGTERM') {
      for (const child of children) if (child.exitCode === null) child.kill(signal);
      return Promise.all(
        children.map((child) =>
          child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined,
        ),
      );
    },
  };
}
