import { Injectable } from '@nestjs/common';
import type { Sim } from '@portal/domain';
import { NotFoundError, ValidationError } from '../../core/errors/app.errors';
import { FreebitSimService } from '../../integrations/freebit/services/freebit-sim.service';
import type { Principal } from '../auth/principal';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import type { SimUsageQuery } from './sim.schema';

/** Freebit's field names in range errors, as this API names them. */
const RANGE_FIELDS: Record<string, string> = { startDate: 'from', endDate: 'to' };

/** Freebit data for the SIM on one of the caller's services (the service list proves ownership). */
@Injectable()
export class SimService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly freebit: FreebitSimService,
  ) {}

  async details(principal: Principal, serviceId: number): Promise<Sim.SimDetails> {
    return this.freebit.getSimDetails(await this.msisdnOf(principal, serviceId));
  }

  async usage(principal: Principal, serviceId: number, query: SimUsageQuery): Promise<Sim.SimUsage> {
    const msisdn = await this.msisdnOf(principal, serviceId);
    const today = new Date().toISOString().slice(0, 10);
    const from = query.from ?? `${today.slice(0, 8)}01`;
    try {
      return await this.freebit.getSimUsage(msisdn, from, query.to ?? today);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(
        (error.fields ?? []).map((field) => ({ ...field, path: RANGE_FIELDS[field.path] ?? field.path })),
      );
    }
  }

  private async msisdnOf(principal: Principal, serviceId: number): Promise<string> {
    const subscription = await this.subscriptions.getById(principal, serviceId);
    const msisdn = subscription.sim?.msisdn;
    if (!subscription.isSim || !msisdn) throw new NotFoundError('SIM not found.', 'SIM_NOT_FOUND');
    return msisdn;
  }
}
