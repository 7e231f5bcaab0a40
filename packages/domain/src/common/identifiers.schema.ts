import { z } from 'zod';

/** A Salesforce record id: 15 case-sensitive or 18 case-insensitive-safe characters. */
export const salesforceIdSchema = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'Invalid Salesforce id');
export type SalesforceId = z.infer<typeof salesforceIdSchema>;
