import { Provisioning } from '@portal/domain';
import { z } from 'zod';

/**
 * Progress of one provisioning job, saved with `job.updateData` after each step so a retry (or another worker
 * after a crash) skips what is done. Ids only: no personal data or secrets end up in Redis.
 */
export const provisioningCheckpointSchema = z.object({
  /** Step 2: `Activation_Status__c` set to Activating (error fields cleared). */
  activating: z.boolean().optional(),
  /** Step 3: the WHMCS order carrying this Salesforce order's marker. */
  whmcsOrderId: z.int().positive().optional(),
  /** WHMCS service ids of the order's lines, in Salesforce item order (one per unit of quantity). */
  whmcsServiceIds: z.array(z.int().positive()).optional(),
  /** Step 4: AcceptOrder done (or found accepted). */
  accepted: z.boolean().optional(),
  /** Step 5: WHMCS service ids whose SIM is active at Freebit and recorded in the custom fields. */
  simsDone: z.array(z.int().positive()).optional(),
  /** Step 6: Salesforce shows Activated with the WHMCS ids. */
  salesforceActivated: z.boolean().optional(),
  /** Step 7: the customer's subscription and invoice caches dropped. */
  cachesInvalidated: z.boolean().optional(),
});
export type ProvisioningCheckpoint = z.infer<typeof provisioningCheckpointSchema>;

/**
 * Data of a `provision-order` job: the domain's job data (what the platform-event subscriber or reconciliation
 * enqueued) plus the checkpoint. Unknown keys are dropped on parse, so nothing unexpected flows onwards.
 */
export const provisionOrderJobDataSchema = Provisioning.provisioningJobDataSchema.extend({
  checkpoint: provisioningCheckpointSchema.default({}),
});
export type ProvisionOrderJobData = z.infer<typeof provisionOrderJobDataSchema>;
export type ProvisionOrderJobInput = z.input<typeof provisionOrderJobDataSchema>;
