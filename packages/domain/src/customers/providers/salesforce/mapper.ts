import { MappingError } from '../../../common/mapping.errors';
import { parseDomain, parseRaw } from '../../../common/mapping.util';
import { salesforceId18, salesforceText } from '../../../common/providers/salesforce/salesforce-values.util';
import { type SalesforceAccount, salesforceAccountSchema } from '../../customer.schema';
import { salesforceAccountRawSchema } from './raw.schema';

function clientId(value: number | string | null): number | null {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const id = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new MappingError('salesforce', 'account', 'WHMCS_Client_ID__c', 'is not a positive id');
  }
  return id;
}

/**
 * Maps an Account record to a {@link SalesforceAccount}.
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformSalesforceAccount(raw: unknown): SalesforceAccount {
  const account = parseRaw(salesforceAccountRawSchema, raw, 'salesforce', 'account');
  return parseDomain(
    salesforceAccountSchema,
    {
      id: salesforceId18(account.Id),
      name: account.Name,
      customerNumber: salesforceText(account.Customer_Number__c),
      whmcsClientId: clientId(account.WHMCS_Client_ID__c),
      email: salesforceText(account.PersonEmail),
      phone: salesforceText(account.Phone),
    },
    'salesforce',
    'account',
  );
}
