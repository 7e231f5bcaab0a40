import { Injectable } from '@nestjs/common';
import { Subscriptions } from '@portal/domain';
import { AppConfig } from '../../../core/config/app-config';
import { NotFoundError } from '../../../core/errors/app.errors';
import { listOf, whmcsProductsEnvelopeSchema } from '../utils/whmcs-envelope.schema';
import { encodeWhmcsArray } from '../utils/php-serialize.util';
import { mapWhmcs, parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';
import { WhmcsCurrencyService } from './whmcs-currency.service';

/** GetClientsProducts page size when listing everything a client has. */
const PAGE_SIZE = 100;

export interface SimIdentifiers {
  readonly msisdn?: string;
  readonly productNumber?: string;
  readonly eid?: string;
}

/** A client's services (WHMCS "products"), as domain subscriptions. Another client's service is "not found". */
@Injectable()
export class WhmcsSubscriptionService {
  constructor(
    private readonly connection: WhmcsConnectionService,
    private readonly currencies: WhmcsCurrencyService,
    private readonly config: AppConfig,
  ) {}

  /** Every service of the client (paged through GetClientsProducts). */
  async list(clientId: number): Promise<Subscriptions.SubscriptionList> {
    const context = await this.context();
    const items: Subscriptions.Subscription[] = [];
    let totalItems = 0;
    for (let start = 0; ; start += PAGE_SIZE) {
      const payload = await this.connection.call('GetClientsProducts', {
        clientid: clientId,
        limitstart: start,
        limitnum: PAGE_SIZE,
      });
      const page = mapWhmcs('subscription list', () =>
        Subscriptions.Providers.Whmcs.transformWhmcsSubscriptionList(payload, context),
      );
      items.push(...page.items);
      totalItems = page.totalItems;
      if (page.items.length === 0 || items.length >= totalItems) break;
    }
    return { totalItems, items };
  }

  /** One service, if it belongs to the client. */
  async getById(clientId: number, serviceId: number): Promise<Subscriptions.Subscription> {
    const [payload, context] = await Promise.all([
      this.connection.call('GetClientsProducts', { clientid: clientId, serviceid: serviceId }),
      this.context(),
    ]);
    const envelope = parseEnvelope(whmcsProductsEnvelopeSchema, payload, 'service list');
    const index = listOf(envelope.products, 'product').findIndex(
      (product) => product.id === serviceId && product.clientid === clientId,
    );
    if (index < 0) throw new NotFoundError('Subscription not found.', 'SUBSCRIPTION_NOT_FOUND');
    const list = mapWhmcs('subscription list', () =>
      Subscriptions.Providers.Whmcs.transformWhmcsSubscriptionList(payload, context),
    );
    return list.items[index]!;
  }

  /** Writes the SIM identifiers into the service's custom fields (UpdateClientProduct; never retried). */
  async recordSimIdentifiers(serviceId: number, sim: SimIdentifiers): Promise<void> {
    const ids = this.simFieldIds();
    const fields: Record<number, string> = {};
    if (sim.msisdn !== undefined) fields[ids.simNumber] = sim.msisdn;
    if (sim.productNumber !== undefined) fields[ids.serialNumber] = sim.productNumber;
    if (sim.eid !== undefined) fields[ids.eid] = sim.eid;
    if (Object.keys(fields).length === 0) return;
    await this.connection.call('UpdateClientProduct', {
      serviceid: serviceId,
      customfields: encodeWhmcsArray(fields),
    });
  }

  private simFieldIds(): Subscriptions.Providers.Whmcs.WhmcsSimCustomFieldIds {
    const values = this.config.values;
    return {
      simNumber: values.WHMCS_SIM_FIELD_SIM_NUMBER,
      serialNumber: values.WHMCS_SIM_FIELD_SERIAL_NUMBER,
      eid: values.WHMCS_SIM_FIELD_EID,
    };
  }

  private async context(): Promise<Subscriptions.Providers.Whmcs.WhmcsSubscriptionContext> {
    const { defaultCurrencyCode } = await this.currencies.context();
    return { defaultCurrencyCode, simCustomFieldIds: this.simFieldIds() };
  }
}
