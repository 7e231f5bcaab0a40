import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { phpSerialize } from '../../../src/whmcs/php-serialize.util';
import { WhmcsSimulator, type WhmcsSimulatorOptions } from '../../../src/whmcs/whmcs-simulator';

const CREDENTIALS = { identifier: 'test-id', secret: 'test-secret' };

function options(overrides: Partial<WhmcsSimulatorOptions> = {}): WhmcsSimulatorOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    ...CREDENTIALS,
    authErrorStatus: 403,
    webhookSecrets: ['hook-secret'],
    extraClients: 0,
    invoicesPerClient: 6,
    now: () => new Date('2026-11-25T10:00:00Z'),
    ...overrides,
  };
}

async function api(
  simulator: WhmcsSimulator,
  action: string,
  params: Record<string, string> = {},
  auth: Record<string, string> = CREDENTIALS,
): Promise<{ status: number; text: string; json: () => any }> {
  const body = new URLSearchParams({ action, responsetype: 'json', ...auth, ...params });
  const response = await fetch(simulator.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

async function admin(simulator: WhmcsSimulator, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${simulator.url}/__admin${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return response.status === 204 ? undefined : response.json();
}

describe('WHMCS simulator', () => {
  const simulator = new WhmcsSimulator(options());
  beforeAll(() => simulator.start());
  afterAll(() => simulator.stop());
  afterEach(() => simulator.faults.clear());

  describe('transport and auth', () => {
    it('accepts identifier/secret and username/password, rejects bad credentials with the configured status', async () => {
      expect((await api(simulator, 'GetCurrencies')).json().result).toBe('success');
      const legacy = await api(
        simulator,
        'GetCurrencies',
        {},
        { username: 'test-id', password: 'test-secret' },
      );
      expect(legacy.json().result).toBe('success');
      const bad = await api(simulator, 'GetCurrencies', {}, { identifier: 'test-id', secret: 'nope' });
      expect(bad.status).toBe(403);
      expect(bad.json()).toEqual({ result: 'error', message: 'Authentication Failed' });
    });

    it('answers unknown actions as WHMCS does and treats action names case-insensitively', async () => {
      expect((await api(simulator, 'NoSuchThing')).json()).toEqual({
        result: 'error',
        message: 'Command Not Found',
      });
      expect((await api(simulator, 'getcurrencies')).json().currencies.currency[0].code).toBe('JPY');
    });

    it('encodes JSON like PHP: escaped slashes and \\u escapes for non-ASCII', async () => {
      const { text, json } = await api(simulator, 'GetCurrencies');
      expect(text).toContain('"prefix":"\\u00a5"');
      expect(json().currencies.currency[0]).toMatchObject({ prefix: '¥', suffix: ' JPY', rate: '1.00000' });
    });
  });

  describe('reads, quirks included', () => {
    it('pages invoices with mixed types, 2-dp money, 0000-00-00 dates and HTML entities', async () => {
      const page = (
        await api(simulator, 'GetInvoices', { userid: '1', limitnum: '2', orderby: 'date', order: 'desc' })
      ).json();
      expect(page).toMatchObject({ result: 'success', totalresults: 6, startnumber: 0, numreturned: 2 });
      const [first] = page.invoices.invoice;
      expect(first).toMatchObject({
        id: 5006,
        companyname: 'Yamada &amp; Sons',
        subtotal: '3300.00',
        tax: '330.00',
        total: '3630.00',
        taxrate: '10.000',
        datepaid: '0000-00-00 00:00:00',
        currencycode: 'JPY',
        currencysuffix: ' JPY',
      });
    });

    it('filters Overdue as unpaid and past due, and answers an empty list as ""', async () => {
      const overdue = (await api(simulator, 'GetInvoices', { userid: '1', status: 'Overdue' })).json();
      expect(overdue.invoices.invoice.map((invoice: any) => invoice.id)).toEqual([5005]);
      const none = (await api(simulator, 'GetInvoices', { userid: '999' })).json();
      expect(none).toMatchObject({ totalresults: 0, numreturned: 0, invoices: '' });
    });

    it('returns one invoice with items and balance, and "status":"error" when it does not exist', async () => {
      const invoice = (await api(simulator, 'GetInvoice', { invoiceid: '5005' })).json();
      expect(invoice).toMatchObject({
        invoiceid: '5005',
        userid: '1',
        balance: '12100.00',
        transactions: '',
      });
      expect(invoice.items.item).toHaveLength(3);
      expect((await api(simulator, 'GetInvoice', { invoiceid: '424242' })).json()).toEqual({
        status: 'error',
        message: 'Invoice ID Not Found',
      });
    });

    it('lists a client’s products with string ids, wrapped custom fields and filters', async () => {
      const products = (await api(simulator, 'GetClientsProducts', { clientid: '1' })).json();
      expect(products).toMatchObject({ totalresults: '3', numreturned: 3, serviceid: null });
      const sim = products.products.product.find((product: any) => product.id === '1001');
      expect(sim.customfields.customfield).toContainEqual({
        id: '11',
        name: 'SIM Number',
        translated_name: 'SIM Number',
        value: '08012345678',
      });
      const one = (await api(simulator, 'GetClientsProducts', { clientid: '2', serviceid: '2001' })).json();
      expect(one.products.product.map((product: any) => product.id)).toEqual(['2001']);
      expect((await api(simulator, 'GetClientsProducts', { clientid: '404' })).json().products).toBe('');
    });

    it('validates logins against scrypt-hashed passwords', async () => {
      const ok = (
        await api(simulator, 'ValidateLogin', { email: 'hanako.yamada@example.jp', password2: 'Portal!2345' })
      ).json();
      expect(ok).toMatchObject({ result: 'success', userid: '1', twoFactorEnabled: 'false' });
      expect(ok.passwordhash).toMatch(/^[0-9a-f]{40}$/);
      const bad = (
        await api(simulator, 'ValidateLogin', { email: 'hanako.yamada@example.jp', password2: 'x' })
      ).json();
      expect(bad).toEqual({ result: 'error', message: 'Email or Password Invalid' });
      expect(JSON.stringify([...simulator.state.clients.values()])).not.toContain('Portal!2345');
    });

    it('returns client details and the documented errors', async () => {
      const details = (await api(simulator, 'GetClientsDetails', { clientid: '2' })).json();
      expect(details.client).toMatchObject({ id: 2, email: 'taro.suzuki@example.jp', currency_code: 'JPY' });
      expect((await api(simulator, 'GetClientsDetails')).json().message).toBe(
        'Either clientid Or email Is Required',
      );
      expect((await api(simulator, 'GetClientsDetails', { clientid: '77' })).json().message).toBe(
        'Client Not Found',
      );
    });
  });

  describe('orders', () => {
    it('adds a Pending order from PHP arrays and serialized custom fields, accepts it once', async () => {
      const fields = Buffer.from(phpSerialize({ '11': '08099998888', '12': 'AX000', '13': '' })).toString(
        'base64',
      );
      const added = (
        await api(simulator, 'AddOrder', {
          clientid: '2',
          paymentmethod: 'mailin',
          'pid[0]': '304',
          'pid[1]': '302',
          'billingcycle[0]': 'monthly',
          'billingcycle[1]': 'onetime',
          'customfields[0]': fields,
          notes: 'sfOrderId=8015g00000TeSt1AAA',
          noinvoice: '1',
          noemail: '1',
        })
      ).json();
      expect(added).toMatchObject({ result: 'success', addonids: '', invoiceid: '' });
      expect(added.orderid).toMatch(/^[0-9]+$/);
      const serviceIds = added.serviceids.split(',');
      expect(serviceIds).toHaveLength(2);

      const [pending] = (await api(simulator, 'GetOrders', { id: added.orderid })).json().orders.order;
      expect(pending).toMatchObject({ status: 'Pending', notes: 'sfOrderId=8015g00000TeSt1AAA' });
      const service = (await api(simulator, 'GetClientsProducts', { serviceid: serviceIds[0] })).json()
        .products.product[0];
      expect(service).toMatchObject({ status: 'Pending', pid: '304' });
      expect(service.customfields.customfield[0].value).toBe('08099998888');

      expect((await api(simulator, 'AcceptOrder', { orderid: added.orderid })).json()).toEqual({
        result: 'success',
      });
      expect((await api(simulator, 'AcceptOrder', { orderid: added.orderid })).json()).toEqual({
        result: 'error',
        message: 'Order ID not found or Status not Pending',
      });
      const active = (await api(simulator, 'GetClientsProducts', { serviceid: serviceIds[0] })).json();
      expect(active.products.product[0].status).toBe('Active');
    });

    it('rejects bad orders with WHMCS messages', async () => {
      const base = { clientid: '1', paymentmethod: 'mailin' };
      expect(
        (await api(simulator, 'AddOrder', { ...base, clientid: '999', 'pid[0]': '301' })).json().message,
      ).toBe('Client ID Not Found');
      expect((await api(simulator, 'AddOrder', base)).json().message).toBe(
        'No items added to cart so order cannot proceed',
      );
      expect((await api(simulator, 'AddOrder', { ...base, pid: '301' })).json().message).toBe(
        "Expecting parameter 'pid' to be an array",
      );
      expect(
        (await api(simulator, 'AddOrder', { ...base, paymentmethod: 'cash', 'pid[0]': '301' })).json()
          .message,
      ).toMatch(/^Invalid Payment Method/);
    });

    it('pages GetOrders newest first by client', async () => {
      const first = (await api(simulator, 'GetOrders', { userid: '1', limitnum: '1' })).json();
      expect(first).toMatchObject({ totalresults: 3, numreturned: 1 });
      const second = (
        await api(simulator, 'GetOrders', { userid: '1', limitnum: '1', limitstart: '1' })
      ).json();
      expect(second.orders.order[0].id).toBeLessThan(first.orders.order[0].id);
    });

    it('updates service custom fields and status', async () => {
      const fields = Buffer.from(phpSerialize({ '13': '89049032000001000000000000000001' })).toString(
        'base64',
      );
      const updated = (
        await api(simulator, 'UpdateClientProduct', {
          serviceid: '1003',
          customfields: fields,
          status: 'Active',
        })
      ).json();
      expect(updated).toEqual({ result: 'success', serviceid: '1003' });
      const product = (await api(simulator, 'GetClientsProducts', { serviceid: '1003' })).json().products
        .product[0];
      expect(product.status).toBe('Active');
      expect(product.customfields.customfield.find((field: any) => field.id === '13').value).toBe(
        '89049032000001000000000000000001',
      );
      expect((await api(simulator, 'UpdateClientProduct', { serviceid: '5' })).json().message).toBe(
        'Service ID Not Found',
      );
    });
  });

  describe('faults and counts', () => {
    it('serves a PHP fatal page with status 200, malformed JSON, a status code and an error message', async () => {
      await admin(simulator, 'PUT', '/faults/GetInvoices', { failure: 'html', times: 1 });
      const html = await api(simulator, 'GetInvoices');
      expect(html.status).toBe(200);
      expect(html.text).toContain('<b>Fatal error</b>');
      expect(() => html.json()).toThrow();

      await admin(simulator, 'PUT', '/faults/GetInvoices', { failure: 'malformed-json', times: 1 });
      const malformed = await api(simulator, 'GetInvoices');
      expect(() => malformed.json()).toThrow();

      await admin(simulator, 'PUT', '/faults/GetInvoices', { failure: 'status:503', times: 1 });
      expect((await api(simulator, 'GetInvoices')).status).toBe(503);

      await admin(simulator, 'PUT', '/faults/GetInvoices', {
        failure: 'error:Invalid IP 10.0.0.1',
        times: 1,
      });
      expect((await api(simulator, 'GetInvoices')).json()).toEqual({
        result: 'error',
        message: 'Invalid IP 10.0.0.1',
      });
      expect((await api(simulator, 'GetInvoices', { userid: '1' })).json().result).toBe('success');
    });

    it('delays by the armed latency and counts requests per action', async () => {
      await admin(simulator, 'DELETE', '/counts');
      await admin(simulator, 'PUT', '/faults/GetCurrencies', { latencyMs: 300, times: 1 });
      const started = Date.now();
      await api(simulator, 'GetCurrencies');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      await api(simulator, 'GetCurrencies');
      expect(await admin(simulator, 'GET', '/counts')).toEqual({ GetCurrencies: 2 });
    });
  });
});

describe('WHMCS simulator webhooks', () => {
  let receiver: Server;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const simulator = new WhmcsSimulator(options({ webhookSecrets: ['old-secret', 'new-secret'] }));

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    await simulator.start();
    const { port } = receiver.address() as AddressInfo;
    await admin(simulator, 'PUT', '/webhooks', { url: `http://127.0.0.1:${port}/webhooks/whmcs` });
  });
  afterAll(async () => {
    await simulator.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  function verify(body: string, header: string, secret: string): boolean {
    const parts = header.split(',');
    const t = parts.find((part) => part.startsWith('t='))!.slice(2);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    return parts.includes(`v1=${expected}`);
  }

  it('signs every billing change with each secret, as the hook file does', async () => {
    received.length = 0;
    const { invoiceId } = await admin(simulator, 'POST', '/invoices', {
      clientId: 2,
      items: [{ description: 'SIM Data Top-up: 2GB', amount: '1000.00' }],
    });
    await admin(simulator, 'POST', `/invoices/${invoiceId}/pay`);
    await admin(simulator, 'POST', '/services/2001/status', { status: 'Suspended', reason: 'Overdue' });
    await admin(simulator, 'POST', '/services/2001/status', { status: 'Active' });
    await admin(simulator, 'PATCH', '/clients/2', { companyname: 'Suzuki & Co' });
    const { deliveries } = await admin(simulator, 'GET', '/webhooks');
    expect(deliveries.map((delivery: any) => [delivery.event, delivery.status])).toEqual([
      ['InvoiceCreated', 200],
      ['InvoicePaid', 200],
      ['AfterModuleSuspend', 200],
      ['AfterModuleUnsuspend', 200],
      ['ClientEdit', 200],
    ]);
    const paid = received.find((delivery) => delivery.headers['x-whmcs-event'] === 'InvoicePaid')!;
    const envelope = JSON.parse(paid.body);
    expect(envelope).toMatchObject({
      event: 'InvoicePaid',
      data: { invoiceId, clientId: 2, status: 'Paid' },
    });
    expect(envelope.occurredAt).toBe('2026-11-25T10:00:00.000Z');
    const signature = String(paid.headers['x-whmcs-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verify(paid.body, signature, 'old-secret')).toBe(true);
    expect(verify(paid.body, signature, 'new-secret')).toBe(true);
    expect(verify(paid.body, signature, 'other')).toBe(false);

    const details = (await api(simulator, 'GetClientsDetails', { clientid: '2' })).json();
    expect(details.client.companyname).toBe('Suzuki &amp; Co');
  });

  it('reports service activation when an order is accepted', async () => {
    await admin(simulator, 'DELETE', '/webhooks');
    const added = (
      await api(simulator, 'AddOrder', {
        clientid: '1',
        paymentmethod: 'mailin',
        'pid[0]': '401',
        noinvoice: '1',
      })
    ).json();
    await api(simulator, 'AcceptOrder', { orderid: added.orderid });
    const { deliveries } = await admin(simulator, 'GET', '/webhooks');
    expect(deliveries.map((delivery: any) => delivery.event)).toEqual(['AfterModuleCreate']);
  });
});

describe('WHMCS simulator size knob', () => {
  it('seeds deterministic load-test clients with invoices', async () => {
    const simulator = new WhmcsSimulator(
      options({ extraClients: 50, invoicesPerClient: 12, authErrorStatus: 200 }),
    );
    await simulator.start();
    try {
      const page = (await api(simulator, 'GetInvoices', { userid: '10050', limitnum: '5' })).json();
      expect(page).toMatchObject({ totalresults: 12, numreturned: 5 });
      const login = (
        await api(simulator, 'ValidateLogin', { email: 'load-7@example.jp', password2: 'Load!2345' })
      ).json();
      expect(login.userid).toBe('10007');
      const bad = await api(simulator, 'GetInvoices', {}, { identifier: 'x', secret: 'y' });
      expect(bad.status).toBe(200);
      expect(bad.json().result).toBe('error');
    } finally {
      await simulator.stop();
    }
  });
});
