/**
 * The simulator's in-memory WHMCS database. Money is held in integer hundredths (WHMCS stores
 * `decimal(16,2)`), names as WHMCS stores them: HTML-escaped.
 */
export type InvoiceStatus =
  'Draft' | 'Unpaid' | 'Paid' | 'Cancelled' | 'Refunded' | 'Collections' | 'Payment Pending';
export type ServiceStatus =
  'Pending' | 'Active' | 'Suspended' | 'Terminated' | 'Cancelled' | 'Fraud' | 'Completed';
export type OrderStatus = 'Pending' | 'Active' | 'Fraud' | 'Cancelled';

export interface CurrencyRecord {
  readonly id: number;
  readonly code: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly rate: string;
}

export interface ProductRecord {
  readonly pid: number;
  readonly name: string;
  readonly group: string;
  /** WHMCS billing cycle label (`Monthly`, `One Time`, …). */
  readonly billingCycle: string;
  readonly priceCents: number;
  /** Product custom field ids (SIM products carry SIM Number / Serial Number / EID). */
  readonly customFieldIds: readonly number[];
}

export interface ClientRecord {
  readonly id: number;
  readonly uuid: string;
  firstname: string;
  lastname: string;
  companyname: string;
  email: string;
  /** `scrypt$<salt hex>$<hash hex>`; the plain password is never kept. */
  passwordHash: string;
  address1: string;
  city: string;
  state: string;
  postcode: string;
  countrycode: string;
  phonenumber: string;
  currencyId: number;
  status: 'Active' | 'Inactive' | 'Closed';
  customerNumber: string;
  readonly datecreated: string;
}

export interface InvoiceItemRecord {
  readonly id: number;
  readonly type: string;
  readonly relid: number;
  readonly description: string;
  readonly amountCents: number;
}

export interface InvoiceRecord {
  readonly id: number;
  readonly userid: number;
  /** `""` unless sequential invoice numbering is on. */
  readonly invoicenum: string;
  readonly date: string;
  readonly duedate: string;
  datepaid: string | undefined;
  dateRefunded: string | undefined;
  dateCancelled: string | undefined;
  status: InvoiceStatus;
  readonly items: InvoiceItemRecord[];
  /** Tax rate in thousandths of a percent (`10.000` % → 10000), the precision WHMCS prints. */
  readonly taxRateMillipercent: number;
  readonly creditCents: number;
  readonly paymentmethod: string;
  readonly notes: string;
  readonly createdAt: string;
  updatedAt: string;
}

export interface ServiceRecord {
  readonly id: number;
  readonly clientid: number;
  orderid: number;
  pid: number;
  readonly regdate: string;
  nextduedate: string;
  status: ServiceStatus;
  billingCycle: string;
  firstPaymentCents: number;
  recurringCents: number;
  paymentmethod: string;
  notes: string;
  suspensionreason: string;
  readonly customFields: Map<number, string>;
  readonly configOptions: readonly ConfigOptionRecord[];
}

export interface ConfigOptionRecord {
  readonly id: number;
  readonly option: string;
  readonly type: string;
  readonly value: string;
}

export interface OrderRecord {
  readonly id: number;
  readonly ordernum: string;
  readonly userid: number;
  readonly date: string;
  status: OrderStatus;
  readonly notes: string;
  readonly paymentmethod: string;
  readonly invoiceid: number;
  readonly amountCents: number;
  readonly ipaddress: string;
  readonly serviceIds: readonly number[];
}

export interface WhmcsState {
  readonly currencies: CurrencyRecord[];
  readonly products: Map<number, ProductRecord>;
  readonly customFieldNames: Map<number, string>;
  readonly clients: Map<number, ClientRecord>;
  readonly clientsByEmail: Map<string, ClientRecord>;
  readonly invoices: Map<number, InvoiceRecord>;
  readonly invoicesByClient: Map<number, InvoiceRecord[]>;
  readonly services: Map<number, ServiceRecord>;
  readonly orders: Map<number, OrderRecord>;
  readonly sequences: { invoice: number; invoiceItem: number; service: number; order: number };
}

export function invoiceSubtotalCents(invoice: InvoiceRecord): number {
  return invoice.items.reduce((sum, item) => sum + item.amountCents, 0);
}

/** Tax rounded half-up to the cent, in integer arithmetic. */
export function invoiceTaxCents(invoice: InvoiceRecord): number {
  return Math.floor((invoiceSubtotalCents(invoice) * invoice.taxRateMillipercent + 50_000) / 100_000);
}

export function invoiceTotalCents(invoice: InvoiceRecord): number {
  return invoiceSubtotalCents(invoice) + invoiceTaxCents(invoice) - invoice.creditCents;
}

export function addInvoice(state: WhmcsState, invoice: InvoiceRecord): void {
  state.invoices.set(invoice.id, invoice);
  const list = state.invoicesByClient.get(invoice.userid) ?? [];
  list.push(invoice);
  state.invoicesByClient.set(invoice.userid, list);
}
