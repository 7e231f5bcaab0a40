import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config';
import { WhmcsErrorCode, WhmcsError } from '../../integrations/whmcs/whmcs.errors';
import { WhmcsClientService } from '../../integrations/whmcs/services/whmcs-client.service';
import { AccessTokenService } from './access-token.service';
import { AccountLinkService } from './account-link.service';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './auth.errors';
import type { TokenPair } from './auth.schema';
import { RefreshTokenRepository, type TokenOwner } from './refresh-token.repository';

/** Login, refresh-token rotation and logout. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly clients: WhmcsClientService,
    private readonly links: AccountLinkService,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * WHMCS checks the password, then the client must be linked to a Salesforce Account. Every failure answers
   * the same error no sooner than AUTH_LOGIN_MIN_DURATION_MS after the start, so neither the answer nor its
   * timing tells an unknown email from a wrong password or an unlinked client.
   */
  async login(email: string, password: string): Promise<TokenPair> {
    const startedAt = performance.now();
    const owner = await this.authenticate(email, password);
    if (!owner) {
      const remaining = this.config.values.AUTH_LOGIN_MIN_DURATION_MS - (performance.now() - startedAt);
      if (remaining > 0) await sleep(remaining);
      throw new InvalidCredentialsError();
    }
    return this.issue(owner, await this.refreshTokens.issue(owner, this.refreshTtlMs()));
  }

  /** Rotates the refresh token; a rotated token presented after the grace window revokes its family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const values = this.config.values;
    const outcome = await this.refreshTokens.rotate(
      refreshToken,
      values.AUTH_REFRESH_GRACE_MS,
      this.refreshTtlMs(),
    );
    switch (outcome.kind) {
      case 'rotated':
        return this.issue(outcome.owner, outcome.token);
      case 'reused':
        this.logger.warn('refresh token reused after rotation: family revoked');
        throw new InvalidRefreshTokenError();
      case 'invalid':
        throw new InvalidRefreshTokenError();
    }
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async authenticate(email: string, password: string): Promise<TokenOwner | null> {
    let clientId: number;
    try {
      ({ clientId } = await this.clients.validateLogin(email, password));
    } catch (error) {
      if (error instanceof WhmcsError && error.whmcsCode === WhmcsErrorCode.LOGIN_INVALID) return null;
      throw error;
    }
    const accountId = await this.links.accountIdFor(clientId);
    if (accountId === null) {
      this.logger.warn({ whmcsClientId: clientId }, 'login refused: WHMCS client has no Salesforce account');
      return null;
    }
    return { userId: String(clientId), whmcsClientId: clientId, salesforceAccountId: accountId };
  }

  private issue(owner: TokenOwner, refreshToken: string): TokenPair {
    const access = this.accessTokens.sign(owner);
    return { tokenType: 'Bearer', accessToken: access.token, expiresIn: access.expiresIn, refreshToken };
  }

  private refreshTtlMs(): number {
    return this.config.values.AUTH_REFRESH_TOKEN_TTL_S * 1000;
  }
}
