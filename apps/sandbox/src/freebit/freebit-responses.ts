import { addDays, type FreebitClock } from './freebit-clock';
import type { FreebitAccount } from './freebit-store';
import { usageBetween } from './freebit-usage';

/**
 * Result codes (`resultCode`, always a string). Only `"100"` (success) and `400`/`356` (unsupported pattern)
 * come from public sources; the rest are reconstructed (README.md) and kept here, in one place, in step with
 * the raw fixtures in `packages/domain/fixtures/freebit/` (`"201"` auth key, `"210"` account not found).
 */
export const FREEBIT_RESULT = {
  success: '100',
  authKeyInvalid: '201',
  oemAuthFailed: '202',
  accountNotFound: '210',
  accountExists: '211',
  invalidState: '212',
  invalidParameter: '300',
  unsupportedPattern: '400',
  systemError: '500',
  systemBusy: '501',
} as const;

/** `status.statusCode` of a success (as in the fixtures). */
const SUCCESS_STATUS_CODE = '200';

/** Days of daily history PA05-01 returns, today included (reconstructed). */
export const TRAFFIC_HISTORY_DAYS = 90;

export interface FreebitEnvelope {
  resultCode: string;
  status: { message: string; statusCode: string };
  [field: string]: unknown;
}

export function envelope(resultCode: string, message: string, statusCode = resultCode): FreebitEnvelope {
  return { resultCode, status: { message, statusCode } };
}

export const ok = (): FreebitEnvelope => envelope(FREEBIT_RESULT.success, 'OK', SUCCESS_STATUS_CODE);

/** Monthly data allowance of a plan, from the GB figure in its code (`PASI_5G` → 5 GB); 3 GB otherwise. */
export function planQuotaMb(planCode: string): number {
  const gigabytes = /(\d+)G/.exec(planCode)?.[1];
  return (gigabytes === undefined ? 3 : Number(gigabytes)) * 1_024;
}

/** Remaining quota in KB: plan allowance plus additions, minus usage since the 1st of the month (or the start date). */
export function remainingQuotaKb(account: FreebitAccount, clock: FreebitClock): number {
  if (account.state !== 'active' && account.state !== 'suspended') return 0;
  const today = clock.today();
  const monthStart = `${today.slice(0, 6)}01`;
  const from = account.startDate > monthStart ? account.startDate : monthStart;
  const usedKb = usageBetween(account.msisdn, from, today).reduce((sum, day) => sum + day.usageKb, 0);
  return Math.max((planQuotaMb(account.planCode) + account.addedQuotaMb) * 1_024 - usedKb, 0);
}

/** Master account every simulated MVNO account is linked to (UMS). */
export const MASTER_ACCOUNT = 'portal-master@example.jp';

/** PA03-02 success body; per-account fields reconstructed, as in `fixtures/freebit/account-details.json`. */
export function accountDetailBody(account: FreebitAccount, clock: FreebitClock): FreebitEnvelope {
  return {
    ...ok(),
    masterAccount: MASTER_ACCOUNT,
    responseDatas: [
      {
        kind: 'MVNO',
        account: account.msisdn,
        productNumber: account.productNumber,
        eid: account.eid ?? '',
        simKind: account.eid === null ? 'P' : 'E',
        state: account.state,
        planCode: account.planCode,
        planName: planName(account.planCode),
        contractLine: account.contractLine,
        startDate: account.startDate,
        remainingQuotaKb: String(remainingQuotaKb(account, clock)),
        talkOption: {
          voiceMail: flag(account.voiceMail),
          callWaiting: flag(account.callWaiting),
          worldWing: flag(false),
        },
      },
    ],
  };
}

/**
 * PA05-01 success body; traffic fields reconstructed, as in `fixtures/freebit/traffic-info.json`:
 * today apart, then up to {@link TRAFFIC_HISTORY_DAYS} earlier days newest first, KB as strings.
 */
export function trafficInfoBody(account: FreebitAccount, clock: FreebitClock): FreebitEnvelope {
  const today = clock.today();
  const windowStart = addDays(today, -(TRAFFIC_HISTORY_DAYS - 1));
  const from = account.startDate > windowStart ? account.startDate : windowStart;
  const days = account.state === 'pending' ? [] : usageBetween(account.msisdn, from, today);
  const todayUsage = days.at(-1)?.date === today ? days.pop()!.usageKb : 0;
  return {
    ...ok(),
    account: account.msisdn,
    traffic: {
      today: { date: today, usageKb: String(todayUsage) },
      inRecentDays: days.reverse().map((day) => ({ date: day.date, usageKb: String(day.usageKb) })),
    },
    quota: {
      totalKb: String((planQuotaMb(account.planCode) + account.addedQuotaMb) * 1_024),
      remainingKb: String(remainingQuotaKb(account, clock)),
    },
  };
}

function planName(planCode: string): string {
  return `Data ${planQuotaMb(planCode) / 1_024}GB`;
}

const flag = (enabled: boolean): '10' | '20' => (enabled ? '10' : '20');
