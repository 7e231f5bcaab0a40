// `pnpm bench [filter]`: runs every bench/suites/*.bench.mjs (in name order, or those whose name contains the
// filter), each as its own node process against the built dist; each suite prints its own figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const suitesDir = fileURLToPath(new URL('./suites/', import.meta.url));
const filter = process.argv[2];
const suites = readdirSync(suitesDir)
  .filter((name) => name.endsWith('.bench.mjs') && (!filter || name.includes(filter)))
  .sort();
if (suites.length === 0) {
  process.stderr.write(`no bench suite matches ${JSON.stringify(filter)}\n`);
  process.exit(1);
}

const failed = [];
for (const suite of suites) {
  process.stdout.write(`\n=== ${suite} ===\n`);
  const { status } = spawnSync(process.execPath, [`${suitesDir}${suite}`], { stdio: 'inherit' });
  if (status !== 0) failed.push(suite);
}
process.stdout.write(
  `\n${suites.length - failed.length} suite(s) ran, ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}\n`,
);
process.exit(failed.length ? 1 : 0);
