import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { RedisService } from '../../../infra/redis/redis.service';

/** The identifiers of a SIM taken from stock for one WHMCS service. */
export interface AssignedSim {
  readonly msisdn: string;
  readonly productNumber: string;
}

// Returns the number already assigned to the service, else takes the next one: one SIM per service, ever.
const ASSIGN = `
local assigned = redis.call('HGET', KEYS[1], ARGV[1])
if assigned then return tonumber(assigned) end
local next = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], ARGV[1], next)
return next`;

/**
 * Assigns SIMs to new SIM services from a numbered stock (MSISDNs counting up from PROVISIONING_SIM_MSISDN_START).
 * It stands in for the Salesforce SIM inventory object, whose API name is not known yet (business-facts §2.4).
 * The assignment is stored per WHMCS service id, so a retried job gets the same SIM back.
 */
@Injectable()
export class SimStockRepository {
  private readonly assignedKey: string;
  private readonly sequenceKey: string;

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {
    const prefix = config.values.QUEUE_PREFIX;
    this.assignedKey = `${prefix}:provisioning:sim-stock:assigned`;
    this.sequenceKey = `${prefix}:provisioning:sim-stock:sequence`;
  }

  async assign(whmcsServiceId: number): Promise<AssignedSim> {
    const sequence = Number(
      await this.redis.queue.eval(ASSIGN, 2, this.assignedKey, this.sequenceKey, String(whmcsServiceId)),
    );
    const values = this.config.values;
    const msisdn = (BigInt(values.PROVISIONING_SIM_MSISDN_START) + BigInt(sequence - 1))
      .toString()
      .padStart(values.PROVISIONING_SIM_MSISDN_START.length, '0');
    const productNumber = `${values.PROVISIONING_SIM_PRODUCT_PREFIX}${String(sequence).padStart(13, '0')}`;
    return { msisdn, productNumber };
  }
}
