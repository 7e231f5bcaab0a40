import { z } from 'zod';

/** How often a product or service is billed; shared by WHMCS services and Salesforce products. */
export const billingCycleSchema = z.enum([
  'monthly',
  'quarterly',
  'semi_annually',
  'annually',
  'biennially',
  'triennially',
  'one_time',
  'free',
]);
export type BillingCycle = z.infer<typeof billingCycleSchema>;

// Keys are lower-cased with spaces, dashes and underscores removed, so `One Time`, `One-time`,
// `onetime` and `Semi-Annually` all resolve.
const CYCLES: Readonly<Record<string, BillingCycle>> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannually: 'semi_annually',
  annually: 'annually',
  biennially: 'biennially',
  triennially: 'triennially',
  onetime: 'one_time',
  freeaccount: 'free',
  free: 'free',
};

/** Normalises a provider billing-cycle label; `undefined` when unknown. */
export function toBillingCycle(label: string): BillingCycle | undefined {
  return CYCLES[label.toLowerCase().replace(/[\s_-]/g, '')];
}
