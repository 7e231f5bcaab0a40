import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  readonly accessToken: string;
  readonly username: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/**
 * Access tokens the simulator has issued. They look like real ones (`<18-char org id>!AQ<opaque>`;
 * the Pub/Sub client derives the tenant id from the part before `!`) and expire after `ttlMs`.
 * The REST API and the Pub/Sub part both validate through {@link isValidAccessToken}.
 */
export class SalesforceTokens {
  private readonly tokens = new Map<string, IssuedToken>();
  private issuedCount = 0;

  constructor(
    private readonly orgId: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(username: string): IssuedToken {
    const issuedAt = this.now();
    const token: IssuedToken = {
      accessToken: `${this.orgId}!AQ${randomBytes(72).toString('base64url')}`,
      username,
      issuedAt,
      expiresAt: issuedAt + this.ttlMs,
    };
    this.tokens.set(token.accessToken, token);
    this.issuedCount += 1;
    return token;
  }

  /** The live token's record, or `undefined` when it is unknown, expired or revoked. */
  lookup(accessToken: string | undefined): IssuedToken | undefined {
    if (!accessToken) return undefined;
    const token = this.tokens.get(accessToken);
    if (!token) return undefined;
    if (token.expiresAt <= this.now()) {
      this.tokens.delete(accessToken);
      return undefined;
    }
    return token;
  }

  isValidAccessToken(accessToken: string | undefined): boolean {
    return this.lookup(accessToken) !== undefined;
  }

  /** Revokes every token issued so far (the admin "expire all tokens"); new logins still work. */
  expireAll(): void {
    this.tokens.clear();
  }

  /** How many tokens were ever issued: lets tests assert "exactly one token request". */
  get issued(): number {
    return this.issuedCount;
  }
}
