import { randomBytes } from 'node:crypto';
import { type FreebitClock } from './freebit-clock';

export type FreebitAccountState = 'pending' | 'active' | 'suspended' | 'cancelled';

/** One MVNO account as the simulator keeps it; raw response shapes are built from this in freebit-responses.ts. */
export interface FreebitAccount {
  readonly msisdn: string;
  productNumber: string;
  eid: string | null;
  planCode: string;
  contractLine: '4G' | '5G';
  state: FreebitAccountState;
  /** `YYYYMMDD`: service start, the first day with usage history. */
  startDate: string;
  voiceMail: boolean;
  callWaiting: boolean;
  /** Epoch ms when a pending account turns active; undefined once settled. */
  activatesAt?: number;
  /** Epoch ms when a scheduled cancellation takes effect. */
  cancelsAt?: number;
  /** MB added through PA04-04 this month. */
  addedQuotaMb: number;
  /** A PA05-21 plan change scheduled for a later date. */
  pendingPlan?: { planCode: string; at: number };
}

export interface FreebitStoreOptions {
  readonly authKeyTtlMs: number;
  readonly activationDelayMs: number;
}

/** Accounts, issued auth keys and the "never activate" switches of one simulator instance. */
export class FreebitStore {
  readonly accounts = new Map<string, FreebitAccount>();
  private readonly authKeys = new Map<string, number>();
  private readonly neverActivate = new Set<string>();

  constructor(
    readonly options: FreebitStoreOptions,
    private readonly clock: FreebitClock,
    private readonly realNow: () => number = Date.now,
  ) {}

  issueAuthKey(): string {
    const key = randomBytes(16).toString('hex');
    this.authKeys.set(key, this.realNow() + this.options.authKeyTtlMs);
    return key;
  }

  isAuthKeyValid(key: string): boolean {
    const expiresAt = this.authKeys.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt > this.realNow()) return true;
    this.authKeys.delete(key);
    return false;
  }

  expireAuthKeys(): number {
    const count = this.authKeys.size;
    this.authKeys.clear();
    return count;
  }

  /** The account with pending transitions (activation, scheduled cancellation) applied as of now. */
  find(msisdn: string): FreebitAccount | undefined {
    const account = this.accounts.get(msisdn);
    if (!account) return undefined;
    const now = this.realNow();
    if (account.state === 'pending' && account.activatesAt !== undefined && account.activatesAt <= now) {
      if (!this.neverActivate.has(msisdn)) {
        account.state = 'active';
        account.activatesAt = undefined;
      }
    }
    if (account.pendingPlan !== undefined && account.pendingPlan.at <= now) {
      account.planCode = account.pendingPlan.planCode;
      account.pendingPlan = undefined;
    }
    if (account.cancelsAt !== undefined && account.cancelsAt <= now) {
      account.state = 'cancelled';
      account.cancelsAt = undefined;
    }
    return account;
  }

  register(account: Omit<FreebitAccount, 'state' | 'activatesAt' | 'addedQuotaMb'>): FreebitAccount {
    const created: FreebitAccount = {
      ...account,
      state: 'pending',
      activatesAt: this.realNow() + this.options.activationDelayMs,
      addedQuotaMb: 0,
    };
    this.accounts.set(account.msisdn, created);
    return created;
  }

  setNeverActivate(msisdn: string, never: boolean): void {
    if (never) this.neverActivate.add(msisdn);
    else this.neverActivate.delete(msisdn);
  }

  /** Epoch ms for a `YYYYMMDD` effective date in the simulator's (possibly shifted) calendar. */
  effectiveAt(date: string | undefined): number {
    if (date === undefined || date <= this.clock.today()) return this.realNow();
    const days = Math.round(
      (Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) - this.clock.now().getTime()) /
        86_400_000,
    );
    return this.realNow() + Math.max(days, 0) * 86_400_000;
  }

  reset(): void {
    this.accounts.clear();
    this.authKeys.clear();
    this.neverActivate.clear();
  }
}
