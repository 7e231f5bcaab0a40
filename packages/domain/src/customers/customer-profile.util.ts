import { MappingError } from '../common/mapping.errors';
import { parseDomain } from '../common/mapping.util';
import {
  type CustomerProfile,
  customerProfileSchema,
  type SalesforceAccount,
  type WhmcsClient,
} from './customer.schema';

/**
 * Merges the Salesforce Account and the WHMCS client into one {@link CustomerProfile}.
 * @throws {MappingError} when the account points at a different WHMCS client.
 */
export function mergeCustomerProfile(account: SalesforceAccount, client: WhmcsClient): CustomerProfile {
  if (account.whmcsClientId !== null && account.whmcsClientId !== client.whmcsClientId) {
    throw new MappingError(
      'salesforce',
      'customer profile',
      'WHMCS_Client_ID__c',
      'does not match the WHMCS client',
    );
  }
  return parseDomain(
    customerProfileSchema,
    {
      salesforceAccountId: account.id,
      whmcsClientId: client.whmcsClientId,
      customerNumber: account.customerNumber,
      name: `${client.firstName} ${client.lastName}`.trim(),
      firstName: client.firstName,
      lastName: client.lastName,
      companyName: client.companyName,
      email: client.email,
      phone: client.phone ?? account.phone,
      address: client.address,
      currencyCode: client.currencyCode,
    },
    'whmcs',
    'customer profile',
  );
}
