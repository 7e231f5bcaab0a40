import { Injectable, Logger } from '@nestjs/common';
import type { Sim } from '@portal/domain';
import { AppConfig } from '../../../core/config/app-config';
import { isTransient } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { FreebitActivationTimeoutError, FreebitError, FreebitErrorCode } from '../freebit.errors';
import { maskIdentifier } from '../utils/freebit-mask.util';
import { registerSimSchema, validate, type RegisterSimInput } from '../utils/freebit-input.schema';
import { FreebitSimService } from './freebit-sim.service';

export interface ActivateSimOptions {
  /** Overrides FREEBIT_ACTIVATION_DEADLINE_MS. */
  readonly deadlineMs?: number;
}

/** Multi-step Freebit flows for provisioning. */
@Injectable()
export class FreebitOrchestratorService {
  private readonly logger = new Logger(FreebitOrchestratorService.name);

  constructor(
    private readonly sims: FreebitSimService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Registers the SIM (PA02-01) unless Freebit already has it, then polls PA03-02 with exponential backoff until
   * the account reports active, within the deadline. Safe to call again after a crash: an existing account is
   * never registered twice. Throws {@link FreebitActivationTimeoutError} when the deadline passes first.
   */
  async activateSim(input: RegisterSimInput, options: ActivateSimOptions = {}): Promise<Sim.SimDetails> {
    const sim = validate(registerSimSchema, input);
    const values = this.config.values;
    const deadlineMs = options.deadlineMs ?? values.FREEBIT_ACTIVATION_DEADLINE_MS;
    const deadline = Date.now() + deadlineMs;
    const remaining = (): number => Math.max(deadline - Date.now(), 1);
    const masked = maskIdentifier(sim.msisdn);

    const existing = await this.currentState(sim.msisdn, remaining());
    if (existing?.status === 'active') return existing;
    if (existing?.status === 'suspended') throw suspended();
    if (existing === undefined || existing.status === 'cancelled') {
      if (Date.now() >= deadline) throw this.timedOut(masked, deadlineMs);
      try {
        await this.sims.registerAccount(sim, { timeoutMs: Math.min(remaining(), values.FREEBIT_TIMEOUT_MS) });
        this.logger.log({ msisdn: masked }, 'Freebit account registered; waiting for activation');
      } catch (error) {
        // Registered by an earlier attempt whose answer we never saw: that is the outcome we wanted.
        const exists = error instanceof FreebitError && error.freebitCode === FreebitErrorCode.ACCOUNT_EXISTS;
        if (!exists && isTransient(error) && Date.now() >= deadline) throw this.timedOut(masked, deadlineMs);
        if (!exists) throw error;
      }
    }

    let wait = values.FREEBIT_ACTIVATION_POLL_INITIAL_MS;
    while (Date.now() < deadline) {
      await sleep(Math.min(wait, remaining()));
      const state = await this.currentState(sim.msisdn, remaining());
      if (state?.status === 'active') return state;
      if (state?.status === 'suspended') throw suspended();
      wait = Math.min(wait * 2, values.FREEBIT_ACTIVATION_POLL_MAX_MS);
    }
    throw this.timedOut(masked, deadlineMs);
  }

  private timedOut(maskedMsisdn: string, deadlineMs: number): FreebitActivationTimeoutError {
    this.logger.warn(
      { msisdn: maskedMsisdn, deadlineMs },
      'Freebit account did not activate before the deadline',
    );
    return new FreebitActivationTimeoutError(deadlineMs);
  }

  /** The account's details; undefined while Freebit does not know it or cannot answer right now. */
  private async currentState(msisdn: string, timeoutMs: number): Promise<Sim.SimDetails | undefined> {
    try {
      return await this.sims.getSimDetails(msisdn, {
        timeoutMs: Math.min(timeoutMs, this.config.values.FREEBIT_TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof FreebitError && error.freebitCode === FreebitErrorCode.ACCOUNT_NOT_FOUND)
        return undefined;
      if (isTransient(error)) return undefined;
      throw error;
    }
  }
}

/** A suspended line needs an operator: registering again or waiting would not make it active. */
function suspended(): FreebitError {
  return new FreebitError(
    FreebitErrorCode.ACTIVATION_FAILED,
    ErrorCategory.CONFLICT,
    'The SIM is suspended at Freebit and cannot be activated automatically.',
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
