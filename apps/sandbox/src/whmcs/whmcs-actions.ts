import { createHash } from 'node:crypto';
import { decodeSerializedArray, type PhpArray } from './php-serialize.util';
import { formList, type FormArray, type FormValue } from './php-form.util';
import { formatCents, htmlEscape, toDate, toDateTime, verifyPassword } from './whmcs-format.util';
import {
  addInvoice,
  invoiceTotalCents,
  type ClientRecord,
  type InvoiceRecord,
  type ServiceRecord,
  type ServiceStatus,
  type WhmcsState,
} from './whmcs-state';
import type { WhmcsWebhookEmitter } from './whmcs-webhook-emitter';
import {
  renderClientDetails,
  renderCurrencies,
  renderInvoiceDetail,
  renderInvoiceListItem,
  renderOrder,
  renderProduct,
  wrapList,
  type Wire,
} from './whmcs-wire';

/** A WHMCS `{"result":"error","message":…}` answer. */
export class WhmcsApiError extends Error {
  constructor(
    message: string,
    /** GetInvoice's not-found answer uses `status` instead of `result`. */
    readonly resultKey: 'result' | 'status' = 'result',
  ) {
    super(message);
  }
}

export const WHMCS_ACTIONS = [
  'ValidateLogin',
  'GetClientsDetails',
  'GetInvoices',
  'GetInvoice',
  'GetClientsProducts',
  'GetCurrencies',
  'AddOrder',
  'AcceptOrder',
  'GetOrders',
  'UpdateClientProduct',
] as const;
export type WhmcsAction = (typeof WHMCS_ACTIONS)[number];

const BY_LOWER = new Map<string, WhmcsAction>(WHMCS_ACTIONS.map((action) => [action.toLowerCase(), action]));

/** WHMCS action names are case-insensitive. */
export function canonicalAction(name: string): WhmcsAction | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

const PAYMENT_METHODS = ['mailin', 'banktransfer', 'paypal'];
const BILLING_CYCLES: Record<string, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannually: 'Semi-Annually',
  annually: 'Annually',
  biennially: 'Biennially',
  triennially: 'Triennially',
  onetime: 'One Time',
  free: 'Free Account',
};
const SERVICE_STATUSES = new Set([
  'Pending',
  'Active',
  'Suspended',
  'Terminated',
  'Cancelled',
  'Fraud',
  'Completed',
]);
const INVOICE_ORDER_COLUMNS = new Set(['id', 'invoicenumber', 'date', 'duedate', 'total', 'status']);

type Handler = (params: FormArray) => Wire | Promise<Wire>;

/** The API actions, over the simulator's state. State changes that WHMCS hooks report go to the emitter. */
export class WhmcsActions {
  private readonly handlers: Record<WhmcsAction, Handler>;

  constructor(
    private readonly state: WhmcsState,
    private readonly emitter: WhmcsWebhookEmitter,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.handlers = {
      ValidateLogin: (params) => this.validateLogin(params),
      GetClientsDetails: (params) => this.getClientsDetails(params),
      GetInvoices: (params) => this.getInvoices(params),
      GetInvoice: (params) => this.getInvoice(params),
      GetClientsProducts: (params) => this.getClientsProducts(params),
      GetCurrencies: () => renderCurrencies(this.state),
      AddOrder: (params) => this.addOrder(params),
      AcceptOrder: (params) => this.acceptOrder(params),
      GetOrders: (params) => this.getOrders(params),
      UpdateClientProduct: (params) => this.updateClientProduct(params),
    };
  }

  run(action: WhmcsAction, params: FormArray): Wire | Promise<Wire> {
    return this.handlers[action](params);
  }

  private async validateLogin(params: FormArray): Promise<Wire> {
    const client = this.state.clientsByEmail.get(text(params.email).toLowerCase());
    const password = text(params.password2);
    if (!client || password === '' || !(await verifyPassword(password, client.passwordHash))) {
      throw new WhmcsApiError('Email or Password Invalid');
    }
    return {
      result: 'success',
      userid: String(client.id),
      passwordhash: createHash('sha1').update(client.passwordHash).digest('hex'),
      twoFactorEnabled: 'false',
    };
  }

  private getClientsDetails(params: FormArray): Wire {
    const clientId = text(params.clientid);
    const email = text(params.email);
    if (clientId === '' && email === '') throw new WhmcsApiError('Either clientid Or email Is Required');
    const client =
      clientId !== ''
        ? this.state.clients.get(Number(clientId))
        : this.state.clientsByEmail.get(email.toLowerCase());
    if (!client) throw new WhmcsApiError('Client Not Found');
    return renderClientDetails(this.state, client);
  }

  private getInvoices(params: FormArray): Wire {
    const { start, limit } = paging(params);
    const userId = text(params.userid);
    const status = text(params.status);
    const today = toDate(this.now());
    let invoices =
      userId === ''
        ? [...this.state.invoices.values()]
        : [...(this.state.invoicesByClient.get(Number(userId)) ?? [])];
    if (status === 'Overdue') {
      invoices = invoices.filter((invoice) => invoice.status === 'Unpaid' && invoice.duedate < today);
    } else if (status !== '') {
      invoices = invoices.filter((invoice) => invoice.status === status);
    }
    const column = INVOICE_ORDER_COLUMNS.has(text(params.orderby)) ? text(params.orderby) : 'id';
    const direction = text(params.order).toLowerCase() === 'desc' ? -1 : 1;
    invoices.sort((a, b) => direction * compareInvoices(a, b, column) || direction * (a.id - b.id));
    const page = invoices.slice(start, start + limit);
    return {
      result: 'success',
      totalresults: invoices.length,
      startnumber: start,
      numreturned: page.length,
      invoices: wrapList(
        'invoice',
        page.map((invoice) => renderInvoiceListItem(this.state, invoice)),
      ),
    };
  }

  private getInvoice(params: FormArray): Wire {
    const invoice = this.state.invoices.get(Number(text(params.invoiceid)));
    if (!invoice) throw new WhmcsApiError('Invoice ID Not Found', 'status');
    return renderInvoiceDetail(invoice);
  }

  private getClientsProducts(params: FormArray): Wire {
    const { start, limit } = paging(params);
    const clientId = text(params.clientid);
    const serviceId = text(params.serviceid);
    const pid = text(params.pid);
    const services = [...this.state.services.values()].filter(
      (service) =>
        (clientId === '' || service.clientid === Number(clientId)) &&
        (serviceId === '' || service.id === Number(serviceId)) &&
        (pid === '' || service.pid === Number(pid)),
    );
    const page = services.slice(start, start + limit);
    return {
      result: 'success',
      clientid: clientId === '' ? null : clientId,
      serviceid: serviceId === '' ? null : serviceId,
      pid: pid === '' ? null : pid,
      domain: null,
      totalresults: String(services.length),
      startnumber: start,
      numreturned: page.length,
      products: wrapList(
        'product',
        page.map((service) => renderProduct(this.state, service)),
      ),
    };
  }

  private getOrders(params: FormArray): Wire {
    const { start, limit } = paging(params);
    const id = text(params.id);
    const userId = text(params.userid);
    const status = text(params.status);
    // WHMCS lists newest orders first.
    const orders = [...this.state.orders.values()]
      .filter(
        (order) =>
          (id === '' || order.id === Number(id)) &&
          (userId === '' || order.userid === Number(userId)) &&
          (status === '' || order.status === status),
      )
      .sort((a, b) => b.id - a.id);
    const page = orders.slice(start, start + limit);
    return {
      result: 'success',
      totalresults: orders.length,
      startnumber: start,
      numreturned: page.length,
      orders: wrapList(
        'order',
        page.map((order) => renderOrder(this.state, order)),
      ),
    };
  }

  private addOrder(params: FormArray): Wire {
    const client = this.state.clients.get(Number(text(params.clientid)));
    if (!client) throw new WhmcsApiError('Client ID Not Found');
    if (client.status === 'Closed')
      throw new WhmcsApiError('Unable to add order when client status is Closed');
    if (!PAYMENT_METHODS.includes(text(params.paymentmethod))) {
      throw new WhmcsApiError(`Invalid Payment Method. Valid options include ${PAYMENT_METHODS.join(',')}`);
    }
    for (const name of ['pid', 'billingcycle', 'qty', 'customfields', 'configoptions']) {
      if (params[name] !== undefined && typeof params[name] === 'string') {
        throw new WhmcsApiError(`Expecting parameter '${name}' to be an array`);
      }
    }
    const pids = formList(params.pid) ?? [];
    if (pids.length === 0) throw new WhmcsApiError('No items added to cart so order cannot proceed');
    const cycles = formList(params.billingcycle) ?? [];
    const customFields = formList(params.customfields) ?? [];
    const lines = pids.map((pid, index) => {
      const product = this.state.products.get(Number(pid));
      if (!product) throw new WhmcsApiError('No items added to cart so order cannot proceed');
      const cycle = cycles[index] ? BILLING_CYCLES[cycles[index].toLowerCase()] : product.billingCycle;
      if (cycle === undefined) throw new WhmcsApiError(`Invalid Billing Cycle: ${cycles[index]}`);
      return { product, cycle, fields: decodeFields(customFields[index]) };
    });

    const orderId = ++this.state.sequences.order;
    const today = toDate(this.now());
    const serviceIds = lines.map(({ product, cycle, fields }) => {
      const id = ++this.state.sequences.service;
      this.state.services.set(id, {
        id,
        clientid: client.id,
        orderid: orderId,
        pid: product.pid,
        regdate: today,
        nextduedate: today,
        status: 'Pending',
        billingCycle: cycle,
        firstPaymentCents: product.priceCents,
        recurringCents: cycle === 'One Time' ? 0 : product.priceCents,
        paymentmethod: text(params.paymentmethod),
        notes: '',
        suspensionreason: '',
        customFields: new Map(
          product.customFieldIds.map((fieldId) => [fieldId, scalarText(fields[String(fieldId)])]),
        ),
        configOptions: [],
      });
      return id;
    });
    const amountCents = lines.reduce((sum, line) => sum + line.product.priceCents, 0);
    const invoiceId = truthy(params.noinvoice) ? 0 : this.createOrderInvoice(client.id, serviceIds);
    this.state.orders.set(orderId, {
      id: orderId,
      ordernum: String(4_820_190_000 + orderId),
      userid: client.id,
      date: toDateTime(this.now()),
      status: 'Pending',
      notes: text(params.notes),
      paymentmethod: text(params.paymentmethod),
      invoiceid: invoiceId,
      amountCents,
      ipaddress: text(params.clientip),
      serviceIds,
    });
    return {
      result: 'success',
      orderid: String(orderId),
      serviceids: serviceIds.join(','),
      addonids: '',
      domainids: '',
      invoiceid: invoiceId === 0 ? '' : String(invoiceId),
    };
  }

  private createOrderInvoice(clientId: number, serviceIds: number[]): number {
    const today = toDate(this.now());
    const invoice = this.createInvoice(
      clientId,
      serviceIds.map((serviceId) => {
        const service = this.state.services.get(serviceId)!;
        return {
          type: 'Hosting',
          relid: serviceId,
          description: this.state.products.get(service.pid)?.name ?? 'Service',
          amountCents: service.firstPaymentCents,
        };
      }),
      today,
    );
    return invoice.id;
  }

  /** Creates an Unpaid invoice and reports it (`InvoiceCreated`), as WHMCS's admin area or API would. */
  createInvoice(
    clientId: number,
    items: { type: string; relid: number; description: string; amountCents: number }[],
    duedate: string,
  ): InvoiceRecord {
    const now = this.now();
    const invoice: InvoiceRecord = {
      id: ++this.state.sequences.invoice,
      userid: clientId,
      invoicenum: '',
      date: toDate(now),
      duedate,
      datepaid: undefined,
      dateRefunded: undefined,
      dateCancelled: undefined,
      status: 'Unpaid',
      items: items.map((item) => ({ ...item, id: ++this.state.sequences.invoiceItem })),
      taxRateMillipercent: 10_000,
      creditCents: 0,
      paymentmethod: 'mailin',
      notes: '',
      createdAt: toDateTime(now),
      updatedAt: toDateTime(now),
    };
    addInvoice(this.state, invoice);
    this.emitter.emit('InvoiceCreated', { invoiceId: invoice.id, clientId, status: invoice.status });
    return invoice;
  }

  private acceptOrder(params: FormArray): Wire {
    const order = this.state.orders.get(Number(text(params.orderid)));
    if (!order || order.status !== 'Pending')
      throw new WhmcsApiError('Order ID not found or Status not Pending');
    order.status = 'Active';
    for (const serviceId of order.serviceIds) {
      const service = this.state.services.get(serviceId);
      if (!service) continue;
      service.status = 'Active';
      this.emitter.emit('AfterModuleCreate', {
        serviceId,
        clientId: service.clientid,
        productId: service.pid,
        status: 'Active',
      });
    }
    return { result: 'success' };
  }

  private updateClientProduct(params: FormArray): Wire {
    const service = this.state.services.get(Number(text(params.serviceid)));
    if (!service) throw new WhmcsApiError('Service ID Not Found');
    const status = text(params.status);
    if (status !== '') {
      if (!SERVICE_STATUSES.has(status)) throw new WhmcsApiError(`Invalid Status: ${status}`);
      service.status = status as ServiceStatus;
    }
    if (text(params.nextduedate) !== '') service.nextduedate = text(params.nextduedate);
    if (params.notes !== undefined) service.notes = text(params.notes);
    if (text(params.customfields) !== '') {
      for (const [fieldId, value] of Object.entries(decodeFields(text(params.customfields)))) {
        service.customFields.set(Number(fieldId), scalarText(value));
      }
    }
    return { result: 'success', serviceid: String(service.id) };
  }

  /** Pays an invoice in full (admin API), reporting `InvoicePaid`. */
  payInvoice(invoiceId: number): InvoiceRecord | undefined {
    const invoice = this.state.invoices.get(invoiceId);
    if (!invoice || invoice.status !== 'Unpaid') return undefined;
    invoice.status = 'Paid';
    invoice.datepaid = toDateTime(this.now());
    invoice.updatedAt = invoice.datepaid;
    this.emitter.emit('InvoicePaid', {
      invoiceId,
      clientId: invoice.userid,
      status: 'Paid',
      amount: formatCents(invoiceTotalCents(invoice)),
    });
    return invoice;
  }

  /** Suspends, unsuspends or terminates a service (admin API), reporting the module hook WHMCS would fire. */
  setServiceStatus(serviceId: number, status: ServiceTransition, reason = ''): ServiceRecord | undefined {
    const service = this.state.services.get(serviceId);
    if (!service) return undefined;
    const event =
      status === 'Suspended'
        ? 'AfterModuleSuspend'
        : status === 'Terminated'
          ? 'AfterModuleTerminate'
          : 'AfterModuleUnsuspend';
    service.status = status;
    service.suspensionreason = status === 'Suspended' ? reason : '';
    this.emitter.emit(event, { serviceId, clientId: service.clientid, productId: service.pid, status });
    return service;
  }

  /** Edits a client (admin API), stored HTML-escaped as WHMCS does, reporting `ClientEdit`. */
  editClient(clientId: number, changes: ClientEdit): ClientRecord | undefined {
    const client = this.state.clients.get(clientId);
    if (!client) return undefined;
    for (const [key, value] of Object.entries(changes) as [keyof ClientEdit, string | undefined][]) {
      if (value === undefined) continue;
      if (key === 'email') {
        this.state.clientsByEmail.delete(client.email.toLowerCase());
        client.email = value;
        this.state.clientsByEmail.set(value.toLowerCase(), client);
      } else {
        client[key] = htmlEscape(value);
      }
    }
    this.emitter.emit('ClientEdit', { clientId });
    return client;
  }

  setInvoiceStatus(invoiceId: number, status: 'Cancelled' | 'Refunded'): InvoiceRecord | undefined {
    const invoice = this.state.invoices.get(invoiceId);
    if (!invoice) return undefined;
    invoice.status = status;
    const stamp = toDateTime(this.now());
    if (status === 'Cancelled') invoice.dateCancelled = stamp;
    else invoice.dateRefunded = stamp;
    invoice.updatedAt = stamp;
    this.emitter.emit(status === 'Cancelled' ? 'InvoiceCancelled' : 'InvoiceRefunded', {
      invoiceId,
      clientId: invoice.userid,
      status,
    });
    return invoice;
  }
}

export type ServiceTransition = 'Active' | 'Suspended' | 'Terminated';
export type ClientEdit = Partial<
  Pick<
    ClientRecord,
    | 'firstname'
    | 'lastname'
    | 'companyname'
    | 'email'
    | 'phonenumber'
    | 'address1'
    | 'city'
    | 'state'
    | 'postcode'
  >
>;

function text(value: FormValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function truthy(value: FormValue | undefined): boolean {
  return ['1', 'true', 'on', 'yes'].includes(text(value).toLowerCase());
}

function decodeFields(encoded: string | undefined): PhpArray {
  if (encoded === undefined || encoded === '') return {};
  try {
    return decodeSerializedArray(encoded);
  } catch {
    throw new WhmcsApiError('Invalid customfields: expected base64 encoded serialized array');
  }
}

function paging(params: FormArray): { start: number; limit: number } {
  const start = Number(text(params.limitstart) || '0');
  const limit = Number(text(params.limitnum) || '25');
  return {
    start: Number.isInteger(start) && start > 0 ? start : 0,
    limit: Number.isInteger(limit) && limit > 0 ? limit : 25,
  };
}

function compareInvoices(a: InvoiceRecord, b: InvoiceRecord, column: string): number {
  switch (column) {
    case 'invoicenumber':
      return a.invoicenum.localeCompare(b.invoicenum);
    case 'date':
      return a.date.localeCompare(b.date);
    case 'duedate':
      return a.duedate.localeCompare(b.duedate);
    case 'total':
      return invoiceTotalCents(a) - invoiceTotalCents(b);
    case 'status':
      return a.status.localeCompare(b.status);
    default:
      return a.id - b.id;
  }
}
