import { z } from 'zod';

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodNullable || current instanceof z.ZodOptional)
    current = current.unwrap() as z.ZodType;
  return current;
}

/**
 * Lists the Salesforce field paths a raw record schema reads (`Account.Name` for relationships),
 * skipping `attributes`; child subqueries (`{ records }` objects) appear by their relationship name only.
 * Tests use it to prove a SOQL field list selects exactly what a mapper reads.
 */
export function schemaFieldPaths(schema: z.ZodType, prefix = ''): string[] {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return [];
  const paths: string[] = [];
  const shape: Record<string, z.ZodType> = object.shape;
  for (const [key, value] of Object.entries(shape)) {
    if (key === 'attributes') continue;
    const inner = unwrap(value);
    const isRelationship = inner instanceof z.ZodObject && !('records' in inner.shape);
    if (isRelationship) paths.push(...schemaFieldPaths(inner, `${prefix}${key}.`));
    else paths.push(`${prefix}${key}`);
  }
  return paths;
}
