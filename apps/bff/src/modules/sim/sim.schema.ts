import { z } from 'zod';

export const simUsageQuerySchema = z.object({
  from: z.iso.date().optional().describe('First day (YYYY-MM-DD); defaults to the first day of this month'),
  to: z.iso.date().optional().describe('Last day (YYYY-MM-DD), inclusive; defaults to today'),
});
export type SimUsageQuery = z.infer<typeof simUsageQuerySchema>;
