// `pnpm docs:env`: rewrites the README configuration table from the zod schema (between the env-table markers).
// README's table is checked against the schema by apps/bff/src/core/config/readme-env.spec.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./lib/ts-register.cjs');
const { renderEnvTable } = require('../apps/bff/src/core/config/env-docs.util.ts');

const readme = new URL('../README.md', import.meta.url);
const START = '<!-- env-table:start -->';
const END = '<!-- env-table:end -->';
const text = readFileSync(readme, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md lacks the ${START} / ${END} markers`);
writeFileSync(readme, `${text.slice(0, from + START.length)}\n${renderEnvTable()}\n${text.slice(to)}`);
