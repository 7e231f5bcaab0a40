import { Injectable } from '@nestjs/common';
import { Customers } from '@portal/domain';
import { NotFoundError, ProviderError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { SALESFORCE_PROVIDER, SalesforceErrorCode } from '../salesforce.errors';
import { buildAccountByIdQuery, buildAccountByWhmcsClientIdQuery } from '../utils/salesforce-query.builders';
import { SalesforceConnectionService } from './salesforce-connection.service';

/** Salesforce Accounts as domain values. */
@Injectable()
export class SalesforceAccountService {
  constructor(private readonly connection: SalesforceConnectionService) {}

  async getById(accountId: string): Promise<Customers.SalesforceAccount> {
    const [record] = await this.connection.query<unknown>(buildAccountByIdQuery(accountId), 'account.get');
    if (!record) throw new NotFoundError('The account was not found.', 'ACCOUNT_NOT_FOUND');
    return Customers.Providers.Salesforce.transformSalesforceAccount(record);
  }

  /** The account linked to a WHMCS client, or null; two linked accounts are a data error, not a guess. */
  async findByWhmcsClientId(whmcsClientId: number): Promise<Customers.SalesforceAccount | null> {
    const records = await this.connection.query<unknown>(
      buildAccountByWhmcsClientIdQuery(whmcsClientId),
      'account.byWhmcsClient',
    );
    if (records.length > 1) {
      // Salesforce data the portal cannot resolve: a provider inconsistency (502), never a guess.
      throw new ProviderError({
        provider: SALESFORCE_PROVIDER,
        category: ErrorCategory.INVALID_RESPONSE,
        code: SalesforceErrorCode.INVALID_RESPONSE,
        message: 'The customer account link is ambiguous.',
      });
    }
    return records[0] === undefined
      ? null
      : Customers.Providers.Salesforce.transformSalesforceAccount(records[0]);
  }
}
