import type { FreebitClock } from './freebit-clock';
import type { FreebitOperation } from './freebit-paths';
import type { FreebitRequest } from './freebit-requests';
import {
  accountDetailBody,
  envelope,
  FREEBIT_RESULT,
  ok,
  trafficInfoBody,
  type FreebitEnvelope,
} from './freebit-responses';
import type { FreebitStore } from './freebit-store';

export interface FreebitCredentials {
  readonly oemId: string;
  readonly oemKey: string;
}

type Handlers = { [O in FreebitOperation]: (request: FreebitRequest<O>) => FreebitEnvelope };

/** The business behaviour of each operation, on already authenticated and validated requests. */
export function freebitHandlers(
  store: FreebitStore,
  clock: FreebitClock,
  credentials: FreebitCredentials,
): Handlers {
  const notFound = (): FreebitEnvelope => envelope(FREEBIT_RESULT.accountNotFound, 'account not found');
  const invalidState = (state: string): FreebitEnvelope =>
    envelope(FREEBIT_RESULT.invalidState, `operation not allowed in state ${state}`);

  return {
    authOem: (request) =>
      request.oemId === credentials.oemId && request.oemKey === credentials.oemKey
        ? { ...ok(), authKey: store.issueAuthKey() }
        : envelope(FREEBIT_RESULT.oemAuthFailed, 'OEM authentication failed'),

    'PA03-02': (request) => {
      const [target] = request.requestDatas;
      if (target === undefined || target.kind !== 'MVNO') return notFound();
      const account = store.find(target.account);
      return account ? accountDetailBody(account, clock) : notFound();
    },

    'PA05-01': (request) => {
      const account = store.find(request.account);
      return account ? trafficInfoBody(account, clock) : notFound();
    },

    'PA04-04': (request) => {
      const account = store.find(request.account);
      if (!account) return notFound();
      if (account.state !== 'active') return invalidState(account.state);
      account.addedQuotaMb += request.quota;
      return {
        ...ok(),
        account: account.msisdn,
        quota: String(request.quota),
        quotaCode: request.quotaCode ?? '',
      };
    },

    'PA02-01': (request) => {
      const existing = store.find(request.account);
      if (existing && existing.state !== 'cancelled') {
        return envelope(FREEBIT_RESULT.accountExists, 'account already exists');
      }
      store.register({
        msisdn: request.account,
        productNumber: request.productNumber,
        eid: request.eid ?? null,
        planCode: request.planCode,
        contractLine: request.contractLine ?? '4G',
        startDate: request.startDate ?? clock.today(),
        voiceMail: request.voiceMail === '10',
        callWaiting: request.callWaiting === '10',
      });
      return { ...ok(), account: request.account };
    },

    'PA02-04': (request) => {
      const account = store.find(request.account);
      if (!account) return notFound();
      if (account.state === 'cancelled') return invalidState(account.state);
      account.cancelsAt = store.effectiveAt(request.runDate);
      store.find(request.account);
      return { ...ok(), account: account.msisdn };
    },

    'PA05-21': (request) => {
      const account = store.find(request.account);
      if (!account) return notFound();
      if (account.state !== 'active') return invalidState(account.state);
      account.pendingPlan = { planCode: request.planCode, at: store.effectiveAt(request.runTime) };
      store.find(request.account);
      return { ...ok(), account: account.msisdn, ipv4: request.globalIp === '10' ? '203.0.113.10' : '' };
    },
  };
}
