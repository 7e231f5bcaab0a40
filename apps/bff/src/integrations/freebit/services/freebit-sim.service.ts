import { Injectable } from '@nestjs/common';
import { MappingError, Sim } from '@portal/domain';
import { AppConfig } from '../../../core/config/app-config';
import { ValidationError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { CacheService } from '../../../infra/cache/cache.service';
import { FreebitError, FreebitErrorCode } from '../freebit.errors';
import { simUsageKey, simUsagePattern } from '../../../infra/cache/cache-keys';
import {
  isoDateSchema,
  msisdnSchema,
  planCodeSchema,
  quotaMbSchema,
  registerSimSchema,
  toFreebitDate,
  validate,
  type RegisterSimInput,
} from '../utils/freebit-input.schema';
import { FreebitConnectionService, type FreebitCallOptions } from './freebit-connection.service';

const DAY_MS = 86_400_000;

/** One SIM (MVNO account) at Freebit: reads map to domain types, writes validate before any call. */
@Injectable()
export class FreebitSimService {
  constructor(
    private readonly connection: FreebitConnectionService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  /** PA03-02 account detail. Not cached: activation polling and the portal need the current state. */
  async getSimDetails(
    msisdn: string,
    options: Pick<FreebitCallOptions, 'timeoutMs'> = {},
  ): Promise<Sim.SimDetails> {
    const account = validate(msisdnSchema, msisdn, 'msisdn');
    const raw = await this.connection.call(
      'PA03-02',
      { version: '2', requestDatas: [{ kind: 'MVNO', account }] },
      { idempotent: true, ...options },
    );
    return mapped(() => Sim.Providers.Freebit.transformFreebitAccountDetails(raw));
  }

  /**
   * PA05-01 daily usage between two `YYYY-MM-DD` days (inclusive), within FREEBIT_USAGE_HISTORY_DAYS of today.
   * Cached for FREEBIT_USAGE_CACHE_TTL_S: Freebit asks clients not to poll traffic data.
   */
  async getSimUsage(msisdn: string, startDate: string, endDate: string): Promise<Sim.SimUsage> {
    const account = validate(msisdnSchema, msisdn, 'msisdn');
    const range = this.validateRange(startDate, endDate);
    const { FREEBIT_USAGE_CACHE_TTL_S } = this.config.values;
    const cached = await this.cache.getOrSet(
      simUsageKey(account, range.startDate, range.endDate),
      FREEBIT_USAGE_CACHE_TTL_S,
      async () => {
        const raw = await this.connection.call('PA05-01', { account }, { idempotent: true });
        return mapped(() => Sim.Providers.Freebit.transformFreebitUsageData(raw, range));
      },
      { schema: Sim.simUsageSchema },
    );
    return cached.parse(Sim.simUsageSchema);
  }

  /** PA04-04: adds `mb` (100–51,200) to this month's quota. Not retried automatically (it is not idempotent). */
  async addQuota(msisdn: string, mb: number): Promise<void> {
    const account = validate(msisdnSchema, msisdn, 'msisdn');
    const quota = validate(quotaMbSchema, mb, 'mb');
    await this.connection.call(
      'PA04-04',
      { kind: 'MVNO', account, quota: String(quota) },
      { idempotent: false },
    );
    await this.cache.invalidate(simUsagePattern(account));
  }

  /** PA05-21: replaces the plan now, or on `effectiveDate` (`YYYY-MM-DD`). */
  async changePlan(msisdn: string, planCode: string, effectiveDate?: string): Promise<void> {
    const account = validate(msisdnSchema, msisdn, 'msisdn');
    const plan = validate(planCodeSchema, planCode, 'planCode');
    const runTime =
      effectiveDate === undefined
        ? undefined
        : toFreebitDate(validate(isoDateSchema, effectiveDate, 'effectiveDate'));
    await this.connection.call(
      'PA05-21',
      { account, planCode: plan, globalIp: '20', ...(runTime === undefined ? {} : { runTime }) },
      { idempotent: false },
    );
    await this.cache.invalidate(simUsagePattern(account));
  }

  /** PA02-01: registers the account; it turns active asynchronously (see FreebitOrchestratorService). */
  async registerAccount(
    input: RegisterSimInput,
    options: Pick<FreebitCallOptions, 'timeoutMs'> = {},
  ): Promise<void> {
    const sim = validate(registerSimSchema, input);
    await this.connection.call(
      'PA02-01',
      {
        createType: 'new',
        kind: 'MVNO',
        account: sim.msisdn,
        productNumber: sim.productNumber,
        planCode: sim.planCode,
        ...(sim.eid === undefined ? {} : { eid: sim.eid }),
        ...(sim.contractLine === undefined ? {} : { contractLine: sim.contractLine }),
        ...(sim.startDate === undefined ? {} : { startDate: toFreebitDate(sim.startDate) }),
      },
      { idempotent: false, ...options },
    );
  }

  /** PA02-04: cancels now, or on `runDate` (`YYYY-MM-DD`). */
  async cancelAccount(msisdn: string, runDate?: string): Promise<void> {
    const account = validate(msisdnSchema, msisdn, 'msisdn');
    const date =
      runDate === undefined ? undefined : toFreebitDate(validate(isoDateSchema, runDate, 'runDate'));
    await this.connection.call(
      'PA02-04',
      { kind: 'MVNO', account, ...(date === undefined ? {} : { runDate: date }) },
      { idempotent: false },
    );
    await this.cache.invalidate(simUsagePattern(account));
  }

  private validateRange(startDate: string, endDate: string): { startDate: string; endDate: string } {
    const range = {
      startDate: validate(isoDateSchema, startDate, 'startDate'),
      endDate: validate(isoDateSchema, endDate, 'endDate'),
    };
    const today = new Date().toISOString().slice(0, 10);
    const earliest = new Date(
      Date.parse(today) - (this.config.values.FREEBIT_USAGE_HISTORY_DAYS - 1) * DAY_MS,
    )
      .toISOString()
      .slice(0, 10);
    const problems: { path: string; message: string }[] = [];
    if (range.startDate > range.endDate)
      problems.push({ path: 'startDate', message: 'must not be after endDate' });
    if (range.endDate > today) problems.push({ path: 'endDate', message: 'must not be in the future' });
    if (range.startDate < earliest)
      problems.push({ path: 'startDate', message: `must be on or after ${earliest}` });
    if (problems.length > 0) throw new ValidationError(problems);
    return range;
  }
}

/** A Freebit answer our domain cannot map is a provider fault, not a client one. */
function mapped<T>(map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    throw new FreebitError(
      FreebitErrorCode.INVALID_RESPONSE,
      ErrorCategory.INVALID_RESPONSE,
      'Freebit sent data the portal cannot read.',
      undefined,
      error,
    );
  }
}
