import type { z } from 'zod';
import { formatPath, MappingError, type MappingProvider, type MappingStage } from './mapping.errors';

function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  provider: MappingProvider,
  entity: string,
  stage: MappingStage,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // Only the issue code and path leave this function: zod messages may quote received values.
  const issue = result.error.issues[0];
  throw new MappingError(
    provider,
    entity,
    issue ? formatPath(issue.path) : '',
    issue?.code ?? 'invalid',
    stage,
  );
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
