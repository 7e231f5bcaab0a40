import { Injectable } from '@nestjs/common';
import { Customers, MappingError } from '@portal/domain';
import { AppConfig } from '../../core/config/app-config';
import { AppError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';
import { profileKey } from '../../infra/cache/cache-keys';
import { CacheService } from '../../infra/cache/cache.service';
import type { CachedJson } from '../../infra/cache/cached-json';
import { SalesforceAccountService } from '../../integrations/salesforce/services/salesforce-account.service';
import { WhmcsClientService } from '../../integrations/whmcs/services/whmcs-client.service';
import type { Principal } from '../auth/principal';

/** The caller's profile, merged from the Salesforce Account and the WHMCS client, cached briefly. */
@Injectable()
export class MeService {
  constructor(
    private readonly accounts: SalesforceAccountService,
    private readonly clients: WhmcsClientService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  profile(principal: Principal): Promise<CachedJson> {
    return this.cache.getOrSet(
      profileKey(principal.userId),
      this.config.values.AUTH_PROFILE_TTL_S,
      () => this.load(principal),
      { schema: Customers.customerProfileSchema },
    );
  }

  private async load(principal: Principal): Promise<Customers.CustomerProfile> {
    const [account, client] = await Promise.all([
      this.accounts.getById(principal.salesforceAccountId),
      this.clients.getDetails(principal.whmcsClientId),
    ]);
    try {
      return Customers.mergeCustomerProfile(account, client);
    } catch (error) {
      // The two systems disagree on who this is: a data problem for operators, never the caller's.
      if (!(error instanceof MappingError)) throw error;
      throw new AppError({
        code: 'PROFILE_INCONSISTENT',
        category: ErrorCategory.INVALID_RESPONSE,
        message: 'The customer profile is temporarily unavailable.',
        cause: error,
      });
    }
  }
}
