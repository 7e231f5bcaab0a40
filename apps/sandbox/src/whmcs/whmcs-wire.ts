import { formatCents, ZERO_DATE, ZERO_DATETIME } from './whmcs-format.util';
import {
  invoiceSubtotalCents,
  invoiceTaxCents,
  invoiceTotalCents,
  type ClientRecord,
  type CurrencyRecord,
  type InvoiceRecord,
  type OrderRecord,
  type ServiceRecord,
  type WhmcsState,
} from './whmcs-state';

/**
 * Renders records the way WHMCS's API answers, quirks included (§D.2): numbers as strings in some actions and
 * numbers in others, money as 2-dp strings, `0000-00-00` for empty dates, `""` for empty lists.
 */
export type Wire = Record<string, unknown>;

const PAYMENT_METHOD_NAMES: Record<string, string> = {
  mailin: 'Mail In Payment',
  banktransfer: 'Bank Transfer',
  paypal: 'PayPal',
};

/** WHMCS answers an empty list as `""` instead of `{ "invoice": [] }`. */
export function wrapList(key: string, items: Wire[]): Wire | '' {
  return items.length === 0 ? '' : { [key]: items };
}

export function currencyOf(state: WhmcsState, client: ClientRecord | undefined): CurrencyRecord {
  return state.currencies.find((currency) => currency.id === client?.currencyId) ?? state.currencies[0]!;
}

function taxRate(invoice: InvoiceRecord, digits: number): string {
  const whole = Math.trunc(invoice.taxRateMillipercent / 1000);
  const fraction = String(invoice.taxRateMillipercent % 1000).padStart(3, '0');
  return `${whole}.${fraction.slice(0, digits)}`;
}

export function renderInvoiceListItem(state: WhmcsState, invoice: InvoiceRecord): Wire {
  const client = state.clients.get(invoice.userid);
  const currency = currencyOf(state, client);
  return {
    id: invoice.id,
    userid: invoice.userid,
    firstname: client?.firstname ?? '',
    lastname: client?.lastname ?? '',
    companyname: client?.companyname ?? '',
    invoicenum: invoice.invoicenum,
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid ?? ZERO_DATETIME,
    last_capture_attempt: ZERO_DATETIME,
    date_refunded: invoice.dateRefunded ?? ZERO_DATETIME,
    date_cancelled: invoice.dateCancelled ?? ZERO_DATETIME,
    subtotal: formatCents(invoiceSubtotalCents(invoice)),
    credit: formatCents(invoice.creditCents),
    tax: formatCents(invoiceTaxCents(invoice)),
    tax2: '0.00',
    total: formatCents(invoiceTotalCents(invoice)),
    taxrate: taxRate(invoice, 3),
    taxrate2: '0.000',
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    paymethodid: null,
    notes: invoice.notes,
    created_at: invoice.createdAt,
    updated_at: invoice.updatedAt,
    currencycode: currency.code,
    currencyprefix: currency.prefix,
    currencysuffix: currency.suffix,
  };
}

/** GetInvoice: ids as strings, a `balance`, no currency fields, `transactions: ""` when none. */
export function renderInvoiceDetail(invoice: InvoiceRecord): Wire {
  const total = invoiceTotalCents(invoice);
  const paid = invoice.datepaid !== undefined;
  return {
    result: 'success',
    invoiceid: String(invoice.id),
    invoicenum: invoice.invoicenum,
    userid: String(invoice.userid),
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid ?? ZERO_DATETIME,
    lastcaptureattempt: ZERO_DATETIME,
    subtotal: formatCents(invoiceSubtotalCents(invoice)),
    credit: formatCents(invoice.creditCents),
    tax: formatCents(invoiceTaxCents(invoice)),
    tax2: '0.00',
    total: formatCents(total),
    balance: formatCents(paid || invoice.status === 'Cancelled' ? 0 : total),
    taxrate: taxRate(invoice, 2),
    taxrate2: '0.00',
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    notes: invoice.notes,
    ccgateway: false,
    items: {
      item: invoice.items.map((item, index) => ({
        // Mixed on purpose: WHMCS is not consistent about numeric ids across rows either.
        id: index % 2 === 0 ? item.id : String(item.id),
        type: item.type,
        relid: item.relid,
        description: item.description,
        amount: formatCents(item.amountCents),
        taxed: 1,
      })),
    },
    transactions: paid
      ? {
          transaction: [
            {
              id: String(invoice.id * 10),
              userid: String(invoice.userid),
              currency: '0',
              gateway: invoice.paymentmethod,
              date: invoice.datepaid,
              description: 'Invoice Payment',
              amountin: formatCents(total),
              fees: '0.00',
              amountout: '0.00',
              rate: '1.00000',
              transid: `TX${invoice.id}`,
              invoiceid: String(invoice.id),
              refundid: '0',
            },
          ],
        }
      : '',
  };
}

export function renderProduct(state: WhmcsState, service: ServiceRecord): Wire {
  const product = state.products.get(service.pid);
  const order = state.orders.get(service.orderid);
  const fieldIds = product?.customFieldIds ?? [];
  return {
    id: String(service.id),
    qty: 1,
    clientid: String(service.clientid),
    orderid: String(service.orderid),
    ordernumber: order?.ordernum ?? '',
    pid: String(service.pid),
    regdate: service.regdate,
    name: product?.name ?? '',
    translated_name: product?.name ?? '',
    groupname: product?.group ?? '',
    translated_groupname: product?.group ?? '',
    domain: '',
    dedicatedip: '',
    serverid: 0,
    servername: '',
    serverip: null,
    serverhostname: null,
    suspensionreason: service.suspensionreason,
    firstpaymentamount: formatCents(service.firstPaymentCents),
    recurringamount: formatCents(service.recurringCents),
    paymentmethod: service.paymentmethod,
    paymentmethodname: PAYMENT_METHOD_NAMES[service.paymentmethod] ?? service.paymentmethod,
    billingcycle: service.billingCycle,
    nextduedate: service.billingCycle === 'One Time' ? ZERO_DATE : service.nextduedate,
    status: service.status,
    username: '',
    password: '',
    subscriptionid: '',
    promoid: 0,
    overideautosuspend: 0,
    overidesuspenduntil: ZERO_DATE,
    ns1: '',
    ns2: '',
    assignedips: '',
    notes: service.notes,
    diskusage: 0,
    disklimit: 0,
    bwusage: 0,
    bwlimit: 0,
    lastupdate: ZERO_DATETIME,
    // Nested lists inside a product stay wrapped even when empty.
    customfields: {
      customfield: fieldIds.map((fieldId) => ({
        id: String(fieldId),
        name: state.customFieldNames.get(fieldId) ?? '',
        translated_name: state.customFieldNames.get(fieldId) ?? '',
        value: service.customFields.get(fieldId) ?? '',
      })),
    },
    configoptions: { configoption: service.configOptions.map((option) => ({ ...option })) },
  };
}

export function renderOrder(state: WhmcsState, order: OrderRecord): Wire {
  const client = state.clients.get(order.userid);
  const currency = currencyOf(state, client);
  return {
    id: order.id,
    ordernum: Number(order.ordernum),
    userid: order.userid,
    contactid: 0,
    requestor_id: order.userid,
    admin_requestor_id: 0,
    date: order.date,
    nameservers: '',
    transfersecret: '',
    renewals: '',
    renewalsByType: { domains: [], services: [], addons: [] },
    promocode: '',
    promotype: '',
    promovalue: '',
    orderdata: '[]',
    amount: formatCents(order.amountCents),
    paymentmethod: order.paymentmethod,
    invoiceid: order.invoiceid,
    status: order.status,
    ipaddress: order.ipaddress,
    fraudmodule: '',
    fraudoutput: '',
    notes: order.notes,
    paymentmethodname: PAYMENT_METHOD_NAMES[order.paymentmethod] ?? order.paymentmethod,
    paymentstatus: paymentStatus(state, order),
    name: client ? `${client.firstname} ${client.lastname}` : '',
    currencyprefix: currency.prefix,
    currencysuffix: currency.suffix,
    frauddata: '',
    validationdata: '',
    lineitems: {
      lineitem: order.serviceIds.map((serviceId) => {
        const service = state.services.get(serviceId);
        return {
          type: 'product',
          relid: serviceId,
          producttype: 'Other',
          product: state.products.get(service?.pid ?? 0)?.name ?? '',
          domain: '',
          billingcycle: service?.billingCycle ?? '',
          amount: `${currency.prefix}${formatCents(service?.firstPaymentCents ?? 0)}${currency.suffix}`,
          status: service?.status ?? 'Pending',
        };
      }),
    },
  };
}

function paymentStatus(state: WhmcsState, order: OrderRecord): string {
  if (order.invoiceid === 0) return '';
  return state.invoices.get(order.invoiceid)?.status ?? '';
}

export function renderClientDetails(state: WhmcsState, client: ClientRecord): Wire {
  const currency = currencyOf(state, client);
  const fields = {
    client_id: client.id,
    owner_user_id: client.id,
    userid: client.id,
    id: client.id,
    uuid: client.uuid,
    firstname: client.firstname,
    lastname: client.lastname,
    fullname: `${client.firstname} ${client.lastname}`,
    companyname: client.companyname,
    email: client.email,
    address1: client.address1,
    address2: '',
    city: client.city,
    fullstate: client.state,
    state: client.state,
    postcode: client.postcode,
    countrycode: client.countrycode,
    country: client.countrycode,
    phonenumber: client.phonenumber,
    tax_id: '',
    statecode: client.state,
    countryname: client.countrycode === 'JP' ? 'Japan' : client.countrycode,
    phonecc: 81,
    phonenumberformatted: client.phonenumber,
    telephoneNumber: client.phonenumber,
    billingcid: 0,
    notes: '',
    currency: client.currencyId,
    defaultgateway: '',
    groupid: 0,
    status: client.status,
    credit: '0.00',
    taxexempt: false,
    latefeeoveride: false,
    overideduenotices: false,
    separateinvoices: false,
    disableautocc: false,
    emailoptout: false,
    marketing_emails_opt_in: false,
    overrideautoclose: false,
    allowSingleSignOn: 1,
    email_verified: true,
    language: '',
    isOptedInToMarketingEmails: false,
    lastlogin: 'Date: 24/11/2026 09:12<br>IP Address: 203.0.113.10<br>Host: 203.0.113.10',
    currency_code: currency.code,
  };
  return {
    result: 'success',
    // Deprecated top-level mirror of the client fields, still sent by WHMCS.
    ...fields,
    client: {
      ...fields,
      email_preferences: { general: 1, invoice: 1, support: 1, product: 1, domain: 1, affiliate: 1 },
      customfields: [],
      users: {
        user: [
          {
            id: client.id,
            name: `${client.firstname} ${client.lastname}`,
            email: client.email,
            is_owner: true,
          },
        ],
      },
    },
  };
}

export function renderCurrencies(state: WhmcsState): Wire {
  return {
    result: 'success',
    totalresults: state.currencies.length,
    currencies: {
      currency: state.currencies.map((currency, index) => ({
        id: currency.id,
        code: currency.code,
        prefix: currency.prefix,
        suffix: currency.suffix,
        format: index + 1,
        rate: currency.rate,
      })),
    },
  };
}
