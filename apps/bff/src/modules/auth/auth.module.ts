import { Module } from '@nestjs/common';
import { SalesforceModule } from '../../integrations/salesforce/salesforce.module';
import { WhmcsModule } from '../../integrations/whmcs/whmcs.module';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokenService } from './access-token.service';
import { AccountLinkService } from './account-link.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiterService } from './login-rate-limiter.service';
import { ProviderFailureFilter } from './provider-failure.filter';
import { RefreshTokenRepository } from './refresh-token.repository';

/** Portal authentication; exports the access guard every customer route uses. */
@Module({
  imports: [WhmcsModule, SalesforceModule],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    AccessTokenGuard,
    AccountLinkService,
    AuthService,
    LoginRateLimiterService,
    RefreshTokenRepository,
    ProviderFailureFilter,
  ],
  exports: [AccessTokenService, AccessTokenGuard, AccountLinkService, ProviderFailureFilter],
})
export class AuthModule {}
