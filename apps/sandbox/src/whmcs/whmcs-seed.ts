import { createHash } from 'node:crypto';
import type { WhmcsFixtures } from './whmcs-fixtures';
import { addDays, hashPassword, htmlEscape, parseCents, ZERO_DATETIME } from './whmcs-format.util';
import {
  addInvoice,
  type ClientRecord,
  type InvoiceItemRecord,
  type InvoiceStatus,
  type OrderStatus,
  type ProductRecord,
  type ServiceRecord,
  type ServiceStatus,
  type WhmcsState,
} from './whmcs-state';

export interface WhmcsSeedOptions {
  /** Extra generated clients for load tests (ids from {@link EXTRA_CLIENT_BASE_ID} + 1). */
  readonly extraClients: number;
  /** Generated invoices per client that has none in the fixtures. */
  readonly invoicesPerClient: number;
}

export const EXTRA_CLIENT_BASE_ID = 10_000;
/** Every generated load-test client logs in with this password. */
export const EXTRA_CLIENT_PASSWORD = 'Load!2345';
/** Generated invoices are dated monthly backwards from this date so every run sees the same data. */
const SEED_MONTH = '2026-12-01';
const TAX_RATE_MILLIPERCENT = 10_000;

const CYCLES: Record<string, string> = { Monthly: 'Monthly', 'One-time': 'One Time', Annually: 'Annually' };
const SERVICE_STATUSES = new Set([
  'Pending',
  'Active',
  'Suspended',
  'Terminated',
  'Cancelled',
  'Fraud',
  'Completed',
]);
const INVOICE_STATUSES = new Set([
  'Draft',
  'Unpaid',
  'Paid',
  'Cancelled',
  'Refunded',
  'Collections',
  'Payment Pending',
]);
const ORDER_STATUSES = new Set(['Pending', 'Active', 'Fraud', 'Cancelled']);

/**
 * Builds the simulator database: clients, products and services from world.json; service details, orders and
 * the first client's invoices from the raw WHMCS fixtures; deterministic invoices for everyone else; optional
 * load-test clients.
 */
export function seedWhmcsState(fixtures: WhmcsFixtures, options: WhmcsSeedOptions): WhmcsState {
  const { world } = fixtures;
  const simFieldIds = Object.values(world.whmcsCustomFields).map((field) => field.id);
  const state: WhmcsState = {
    currencies: world.currencies.map(({ id, code, prefix, suffix, rate }) => ({
      id,
      code,
      prefix,
      suffix,
      rate,
    })),
    products: new Map(),
    customFieldNames: new Map(Object.values(world.whmcsCustomFields).map((field) => [field.id, field.name])),
    clients: new Map(),
    clientsByEmail: new Map(),
    invoices: new Map(),
    invoicesByClient: new Map(),
    services: new Map(),
    orders: new Map(),
    sequences: { invoice: 0, invoiceItem: 0, service: 0, order: 0 },
  };
  for (const product of world.products) {
    state.products.set(product.whmcsProductId, {
      pid: product.whmcsProductId,
      name: htmlEscape(product.name),
      group: htmlEscape(product.whmcsGroup),
      billingCycle: CYCLES[product.billingCycle] ?? product.billingCycle,
      priceCents: parseCents(product.price) ?? 0,
      customFieldIds: product.isSim ? simFieldIds : [],
    });
  }
  seedCustomers(state, fixtures);
  seedFixtureOrders(state, fixtures);
  seedFixtureInvoices(state, fixtures);
  if (options.extraClients > 0) seedExtraClients(state, options.extraClients);
  for (const client of state.clients.values()) {
    if (!state.invoicesByClient.has(client.id)) seedInvoices(state, client, options.invoicesPerClient);
  }
  // New records continue the fixtures' numbering (AddOrder → order 7101, services 1101…).
  state.sequences.service = Math.max(
    1100,
    ...[...state.services.keys()].filter((id) => id < EXTRA_CLIENT_BASE_ID),
  );
  state.sequences.order = Math.max(7100, ...state.orders.keys());
  return state;
}

function seedCustomers(state: WhmcsState, { world, products }: WhmcsFixtures): void {
  const fields = world.whmcsCustomFields;
  for (const customer of world.customers) {
    const client = addClient(state, {
      id: customer.whmcsClientId,
      ...customer,
      passwordHash: hashPassword(customer.password, seededSalt(customer.email)),
    });
    for (const service of customer.services) {
      const product = world.products.find((candidate) => candidate.sku === service.sku);
      if (!product) throw new Error(`world.json: unknown SKU ${service.sku}`);
      const raw = products.find((candidate) => candidate.id === service.id);
      const customFields = new Map<number, string>();
      if (service.sim) {
        if (fields.simNumber) customFields.set(fields.simNumber.id, service.sim.msisdn);
        if (fields.serialNumber) customFields.set(fields.serialNumber.id, service.sim.productNumber);
        if (fields.eid) customFields.set(fields.eid.id, service.sim.eid ?? '');
      }
      addService(state, state.products.get(product.whmcsProductId)!, {
        id: service.id,
        clientid: client.id,
        orderid: raw?.orderid ?? 0,
        regdate: service.regdate,
        nextduedate: service.nextduedate,
        status: SERVICE_STATUSES.has(service.status) ? (service.status as ServiceStatus) : 'Active',
        customFields,
        configOptions: raw?.configoptions.configoption.map((option) => ({ ...option, id: option.id })) ?? [],
        paymentmethod: raw?.paymentmethod ?? 'mailin',
        notes: raw?.notes ?? '',
      });
    }
  }
}

/** Orders from the fixture, plus an Active order for every seeded service whose order the fixture omits. */
function seedFixtureOrders(state: WhmcsState, { orders }: WhmcsFixtures): void {
  for (const order of orders) {
    state.orders.set(order.id, {
      id: order.id,
      ordernum: String(order.ordernum),
      userid: order.userid,
      date: order.date,
      status: ORDER_STATUSES.has(order.status) ? (order.status as OrderStatus) : 'Active',
      notes: order.notes,
      paymentmethod: order.paymentmethod,
      invoiceid: order.invoiceid,
      amountCents: parseCents(order.amount) ?? 0,
      ipaddress: order.ipaddress,
      serviceIds: order.lineitems.lineitem.map((item) => item.relid),
    });
  }
  for (const service of state.services.values()) {
    if (service.orderid === 0 || state.orders.has(service.orderid)) continue;
    state.orders.set(service.orderid, {
      id: service.orderid,
      ordernum: String(4_820_193_700 + (service.orderid % 100)),
      userid: service.clientid,
      date: `${service.regdate} 10:00:00`,
      status: 'Active',
      notes: service.notes,
      paymentmethod: service.paymentmethod,
      invoiceid: 0,
      amountCents: service.firstPaymentCents,
      ipaddress: '',
      serviceIds: [service.id],
    });
  }
}

function seedFixtureInvoices(state: WhmcsState, { invoices, invoiceDetails }: WhmcsFixtures): void {
  for (const raw of [...invoices].sort((a, b) => a.id - b.id)) {
    const detail = invoiceDetails.find((candidate) => candidate.invoiceid === raw.id);
    const subtotal = parseCents(raw.subtotal) ?? 0;
    const items: InvoiceItemRecord[] = detail
      ? detail.items.item.map((item) => ({
          id: item.id,
          type: item.type,
          relid: item.relid,
          description: item.description,
          amountCents: parseCents(item.amount) ?? 0,
        }))
      : [
          {
            id: raw.id * 10 + 1,
            type: 'Item',
            relid: 0,
            description: `Services ${raw.date}`,
            amountCents: subtotal,
          },
        ];
    addInvoice(state, {
      id: raw.id,
      userid: raw.userid,
      invoicenum: raw.invoicenum,
      date: raw.date,
      duedate: raw.duedate,
      datepaid: orUndefined(raw.datepaid),
      dateRefunded: orUndefined(raw.date_refunded),
      dateCancelled: orUndefined(raw.date_cancelled),
      status: INVOICE_STATUSES.has(raw.status) ? (raw.status as InvoiceStatus) : 'Unpaid',
      items,
      taxRateMillipercent: TAX_RATE_MILLIPERCENT,
      creditCents: parseCents(raw.credit) ?? 0,
      paymentmethod: raw.paymentmethod,
      notes: raw.notes,
      createdAt: raw.created_at,
      updatedAt: raw.updated_at,
    });
    state.sequences.invoice = Math.max(state.sequences.invoice, raw.id);
    state.sequences.invoiceItem = Math.max(state.sequences.invoiceItem, ...items.map((item) => item.id));
  }
}

function seedExtraClients(state: WhmcsState, count: number): void {
  // One shared hash: hashing thousands of passwords would make the sandbox boot slow.
  const passwordHash = hashPassword(EXTRA_CLIENT_PASSWORD, seededSalt('load'));
  const products = [...state.products.values()].filter((product) => product.billingCycle === 'Monthly');
  for (let index = 1; index <= count; index++) {
    const id = EXTRA_CLIENT_BASE_ID + index;
    addClient(state, {
      id,
      email: `load-${index}@example.jp`,
      passwordHash,
      firstname: `Load${index}`,
      lastname: 'Tester',
      companyname: '',
      phonenumber: '+81.300000000',
      address1: '1-1-1 Marunouchi',
      city: 'Chiyoda-ku',
      state: 'Tokyo',
      postcode: '100-0005',
      countrycode: 'JP',
      currencyId: 1,
      customerNumber: `LOAD-${String(index).padStart(6, '0')}`,
    });
    addService(state, products[index % products.length]!, {
      id: EXTRA_CLIENT_BASE_ID * 10 + index,
      clientid: id,
      orderid: 0,
      regdate: '2026-01-01',
      nextduedate: '2026-12-01',
      status: 'Active',
      customFields: new Map(),
      configOptions: [],
      paymentmethod: 'mailin',
      notes: '',
    });
  }
}

type NewClient = Pick<
  ClientRecord,
  | 'id'
  | 'email'
  | 'passwordHash'
  | 'firstname'
  | 'lastname'
  | 'companyname'
  | 'address1'
  | 'city'
  | 'state'
  | 'postcode'
  | 'countrycode'
  | 'phonenumber'
  | 'currencyId'
  | 'customerNumber'
>;

function addClient(state: WhmcsState, input: NewClient): ClientRecord {
  const client: ClientRecord = {
    id: input.id,
    uuid: uuidFrom(`client-${input.id}`),
    firstname: htmlEscape(input.firstname),
    lastname: htmlEscape(input.lastname),
    companyname: htmlEscape(input.companyname),
    email: input.email,
    passwordHash: input.passwordHash,
    address1: htmlEscape(input.address1),
    city: htmlEscape(input.city),
    state: htmlEscape(input.state),
    postcode: input.postcode,
    countrycode: input.countrycode,
    phonenumber: input.phonenumber,
    currencyId: input.currencyId,
    status: 'Active',
    customerNumber: input.customerNumber,
    datecreated: '2024-04-01',
  };
  state.clients.set(client.id, client);
  state.clientsByEmail.set(client.email.toLowerCase(), client);
  return client;
}

function addService(
  state: WhmcsState,
  product: ProductRecord,
  input: Pick<
    ServiceRecord,
    | 'id'
    | 'clientid'
    | 'orderid'
    | 'regdate'
    | 'nextduedate'
    | 'status'
    | 'customFields'
    | 'configOptions'
    | 'paymentmethod'
    | 'notes'
  >,
): void {
  state.services.set(input.id, {
    ...input,
    pid: product.pid,
    billingCycle: product.billingCycle,
    firstPaymentCents: product.priceCents,
    recurringCents: product.billingCycle === 'One Time' ? 0 : product.priceCents,
    suspensionreason: input.status === 'Suspended' ? 'Overdue on Payment' : '',
  });
}

/**
 * Newest first: `k = 0` is due in the future (Unpaid), `k = 1` is past due (Unpaid, so "Overdue"),
 * `k = 2` Cancelled, `k = 3` Refunded, the rest Paid.
 */
function seedInvoices(state: WhmcsState, client: ClientRecord, count: number): void {
  const services = [...state.services.values()].filter(
    (service) => service.clientid === client.id && service.recurringCents > 0,
  );
  for (let k = count - 1; k >= 0; k--) {
    const date = monthsBefore(SEED_MONTH, k);
    const status: InvoiceStatus = k <= 1 ? 'Unpaid' : k === 2 ? 'Cancelled' : k === 3 ? 'Refunded' : 'Paid';
    const period = `${date} - ${addDays(monthsBefore(date, -1), -1)}`;
    addInvoice(state, {
      id: ++state.sequences.invoice,
      userid: client.id,
      invoicenum: '',
      date,
      duedate: addDays(date, 14),
      datepaid: status === 'Paid' || status === 'Refunded' ? `${addDays(date, 3)} 10:15:00` : undefined,
      dateRefunded: status === 'Refunded' ? `${addDays(date, 10)} 09:00:00` : undefined,
      dateCancelled: status === 'Cancelled' ? `${addDays(date, 5)} 12:00:00` : undefined,
      status,
      items: services.map((service) => ({
        id: ++state.sequences.invoiceItem,
        type: 'Hosting',
        relid: service.id,
        description: `${state.products.get(service.pid)?.name ?? 'Service'} (${period})`,
        amountCents: service.recurringCents,
      })),
      taxRateMillipercent: TAX_RATE_MILLIPERCENT,
      creditCents: 0,
      paymentmethod: 'mailin',
      notes: '',
      createdAt: `${date} 00:00:00`,
      updatedAt: `${date} 00:00:00`,
    });
  }
}

function orUndefined(datetime: string): string | undefined {
  return datetime === ZERO_DATETIME || datetime.startsWith('0000-00-00') ? undefined : datetime;
}

function monthsBefore(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** Deterministic salts keep seeded state identical between runs (each client's hash is still salted). */
function seededSalt(label: string): Buffer {
  return createHash('sha256').update(`whmcs-sim:${label}`).digest().subarray(0, 16);
}

function uuidFrom(label: string): string {
  const hex = createHash('sha1').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
