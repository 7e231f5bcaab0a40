// `pnpm test`: builds (some tests start the built apps as separate processes), runs every tier, prints the summary.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

rmSync(new URL('../.tmp/vitest-report.json', import.meta.url), { force: true });
if (run('pnpm', ['run', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const status = run('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)]);
run('node', ['scripts/test-summary.mjs']);
process.exit(status);
