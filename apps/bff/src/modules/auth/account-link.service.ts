import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AppConfig } from '../../core/config/app-config';
import { NotFoundError } from '../../core/errors/app.errors';
import { accountLinkKey } from '../../infra/cache/cache-keys';
import { CacheService } from '../../infra/cache/cache.service';
import { SalesforceAccountService } from '../../integrations/salesforce/services/salesforce-account.service';

const accountLinkSchema = z.object({ salesforceAccountId: z.string().min(15) });

/** WHMCS client → Salesforce Account, cached in Redis (it changes about never; a login must not cost a query). */
@Injectable()
export class AccountLinkService {
  constructor(
    private readonly accounts: SalesforceAccountService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  /** The linked account id, or null when no Salesforce Account carries this WHMCS client id. */
  async accountIdFor(whmcsClientId: number): Promise<string | null> {
    try {
      const cached = await this.cache.getOrSet(
        accountLinkKey(String(whmcsClientId)),
        this.config.values.AUTH_ACCOUNT_LINK_TTL_S,
        async () => {
          const account = await this.accounts.findByWhmcsClientId(whmcsClientId);
          if (!account) throw new NotFoundError('No linked account.', 'ACCOUNT_NOT_LINKED');
          return { salesforceAccountId: account.id };
        },
        { schema: accountLinkSchema },
      );
      return cached.parse(accountLinkSchema).salesforceAccountId;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
