import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationError, type FieldError } from '../errors/app.errors';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Parses a body, query or params with a zod schema; bad input becomes a 400 listing each field path.
 * Usage: `@Body(new ZodValidationPipe(createOrderSchema)) body: CreateOrder`.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
    return parsed.data;
  }
}
