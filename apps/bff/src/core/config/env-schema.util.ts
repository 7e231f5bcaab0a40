import { z } from 'zod';

/** Marks environment variables whose values are masked wherever configuration is printed. */
const secretRegistry = z.registry<{ secret: true }>();

/** Wrap the outermost schema of a variable: `API_KEY: secret(z.string().min(1).describe('…'))`. */
export function secret<T extends z.ZodType>(schema: T): T {
  secretRegistry.add(schema, { secret: true });
  return schema;
}

function layers(schema: z.ZodType): z.ZodType[] {
  const found: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  while (current) {
    found.push(current);
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    current = def.innerType ?? def.in;
  }
  return found;
}

export function isSecret(schema: z.ZodType): boolean {
  return layers(schema).some((layer) => secretRegistry.has(layer));
}

export function describeVar(schema: z.ZodType): { description: string; defaultValue: string | undefined } {
  let description = '';
  let defaultValue: string | undefined;
  for (const layer of layers(schema)) {
    description ||= z.globalRegistry.get(layer)?.description ?? '';
    const def = layer._zod.def as { type: string; defaultValue?: unknown };
    if (def.type === 'default' && defaultValue === undefined) defaultValue = String(def.defaultValue);
  }
  return { description, defaultValue };
}

/** An integer variable given as a string, with bounds and a default. */
export function intVar(fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce.number().int().min(min).max(max).default(fallback);
}

/** `true`/`false`/`1`/`0`: `z.coerce.boolean()` would read the string "false" as true. */
export function boolVar(fallback?: boolean) {
  const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
  return fallback === undefined ? flag.optional() : flag.default(fallback);
}

/** A comma-separated list, trimmed, empty entries dropped. */
export function listVar() {
  return z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    );
}
