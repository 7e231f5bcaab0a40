import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEnvTable } from './env-docs.util';

describe('README configuration table', () => {
  it('is the table generated from the zod schema (run `pnpm docs:env` to refresh it)', () => {
    const readme = readFileSync(join(__dirname, '../../../../../README.md'), 'utf8');
    const table = /<!-- env-table:start -->\n([\s\S]*?)\n<!-- env-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(renderEnvTable());
  });
});
