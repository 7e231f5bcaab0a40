import type { z } from 'zod';
import { envSchema } from './env';
import { describeVar, isSecret } from './env-schema.util';

export interface EnvDocRow {
  readonly name: string;
  readonly defaultValue: string | undefined;
  readonly secret: boolean;
  readonly description: string;
}

/** One row per variable of the schema, in schema order: the source of the README table. */
export function envDocRows(): EnvDocRow[] {
  return Object.entries(envSchema.shape as Record<string, z.ZodType>).map(([name, schema]) => ({
    name,
    ...describeVar(schema),
    secret: isSecret(schema),
  }));
}

/** The README's configuration table (between the `env-table` markers). */
export function renderEnvTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = envDocRows().map(
    (row) =>
      `| \`${row.name}\` | ${row.defaultValue === undefined ? '' : `\`${cell(row.defaultValue)}\``} | ${row.secret ? 'yes' : ''} | ${cell(row.description)} |`,
  );
  return ['| Variable | Default | Secret | Description |', '| --- | --- | --- | --- |', ...lines].join('\n');
}
