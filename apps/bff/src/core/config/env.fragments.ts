import { freebitEnvFragment } from '../../integrations/freebit/freebit.env';
import { whmcsEnvFragment } from '../../integrations/whmcs/whmcs.env';
import { coreEnvFragment } from './core.env';

/**
 * Every environment variable the BFF reads, composed from fragments.
 * To add a provider's variables: export a `z.object` from `integrations/<p>/<p>.env.ts`, import it here and add
 * one line `...<p>EnvFragment.shape,`. Document each new variable in `.env.example` (a unit test compares them).
 */
export const envShape = {
  ...coreEnvFragment.shape,
  ...freebitEnvFragment.shape,
  ...whmcsEnvFragment.shape,
};
