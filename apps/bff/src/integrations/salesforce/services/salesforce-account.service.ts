import { Injectable } from '@nestjs/common';
import { Customers } from '@portal/domain';
import { NotFoundError } from '../../../core/errors/app.errors';
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
    if (records.length > 1) throw new Error(`Several Salesforce accounts link WHMCS client ${whmcsClientId}`);
    return records[0] === undefined
      ? null
      : Customers.Providers.Salesforce.transformSalesforceAccount(records[0]);
  }
}
