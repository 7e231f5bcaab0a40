import { freebitEnvFragment } from '../../integrations/freebit/freebit.env';
import { salesforceEventsEnvFragment } from '../../integrations/salesforce/events/salesforce-events.env';
import { salesforceEnvFragment } from '../../integrations/salesforce/salesforce.env';
import { whmcsEnvFragment } from '../../integrations/whmcs/whmcs.env';
import { authEnvFragment } from '../../modules/auth/auth.env';
import { ordersEnvFragment } from '../../modules/orders/orders.env';
import { provisioningEnvFragment } from '../../modules/provisioning/provisioning.env';
import { coreEnvFragment } from './core.env';

/**
 * Every environment variable the BFF reads, composed from fragments.
 * To add a provider's variables: export a `z.object` from `integrations/<p>/<p>.env.ts`, import it here and add
 * one line `...<p>EnvFragment.shape,`. Document each new variable in `.env.example` (a unit test compares them).
 */
export const envShape = {
  ...coreEnvFragment.shape,
  ...authEnvFragment.shape,
  ...ordersEnvFragment.shape,
  ...freebitEnvFragment.shape,
  ...salesforceEventsEnvFragment.shape,
  ...salesforceEnvFragment.shape,
  ...whmcsEnvFragment.shape,
  ...provisioningEnvFragment.shape,
};
