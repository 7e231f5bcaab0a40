// Domain mapping speed: 1,000 raw WHMCS invoices (GetInvoice, 3 items each) and 1,000 Salesforce catalog
// products (Product2 + PricebookEntries subquery) mapped to domain values by the built @portal/domain.
// Prints the median ms per 1,000 and ops/s after a warm-up. Target: < 5 ms per 1,000 invoices.
// Wall-clock figures swing with whatever else shares the CPUs, so the process CPU time of the same rounds
// (user + system, from process.cpuUsage) is printed next to them as the load-independent figure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../packages/domain/', import.meta.url));
const domain = require(`${root}dist/index.js`);
const fixture = (path) => JSON.parse(readFileSync(`${root}fixtures/${path}`, 'utf8'));

const COUNT = 1000;
const WARMUP_ROUNDS = 30;
const MEASURED_ROUNDS = 25;

const cents = (n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

function rawInvoices() {
  const detail = fixture('whmcs/get-invoice.json');
  return Array.from({ length: COUNT }, (_, i) => {
    const amounts = [1650 + i, 6380 + (i % 7), 2970 + (i % 13)].map((yen) => yen * 100);
    const subtotal = amounts.reduce((a, b) => a + b, 0);
    const tax = Math.floor(subtotal / 1000) * 100;
    return {
      ...detail,
      invoiceid: String(10_000 + i),
      invoicenum: `INV-BENCH-${i}`,
      status: i % 3 === 0 ? 'Paid' : 'Unpaid',
      datepaid: i % 3 === 0 ? '2026-11-05 10:00:00' : '0000-00-00 00:00:00',
      subtotal: cents(subtotal),
      tax: cents(tax),
      total: cents(subtotal + tax),
      balance: i % 3 === 0 ? '0.00' : cents(subtotal + tax),
      items: {
        item: detail.items.item.map((item, j) => ({ ...item, id: i * 3 + j + 1, amount: cents(amounts[j]) })),
      },
    };
  });
}

function rawProducts() {
  const records = fixture('salesforce/catalog-products.json').records;
  return Array.from({ length: COUNT }, (_, i) => {
    const base = records[i % records.length];
    return { ...base, Id: `01t5g00000B${String(i).padStart(4, '0')}` };
  });
}

function measure(label, inputs, map) {
  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const input of inputs) map(input);
  const wall = [];
  const cpu = [];
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    for (const input of inputs) map(input);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const perThousand = (ms) => (ms * 1000) / inputs.length;
  const wallMs = perThousand(median(wall));
  const cpuMs = perThousand(median(cpu));
  const ops = (ms) => Math.round((1000 / ms) * 1000).toLocaleString('en-US');
  process.stdout.write(
    `${label}\n` +
      `  wall: ${wallMs.toFixed(2)} ms per 1,000 (median of ${MEASURED_ROUNDS}, best ${perThousand(Math.min(...wall)).toFixed(2)} ms), ${ops(wallMs)} ops/s\n` +
      `  cpu:  ${cpuMs.toFixed(2)} ms per 1,000 (median), ${ops(cpuMs)} ops/s\n`,
  );
  return { wallMs, cpuMs };
}

const invoiceCtx = {
  defaultCurrencyCode: 'JPY',
  defaultCurrencySymbol: '¥',
  now: new Date('2026-11-25T00:00:00Z'),
};
const catalogCtx = { portalPricebookId: '01s5g00000PoRtLAAV', currencyCode: 'JPY' };
const invoices = rawInvoices();
const products = rawProducts();

// Sanity: the inputs map cleanly, so the timings measure the success path.
domain.Billing.Providers.Whmcs.transformWhmcsInvoice(invoices[1], invoiceCtx);
domain.Catalog.Providers.Salesforce.transformSalesforceCatalogProduct(products[1], catalogCtx);

const invoice = measure('WHMCS invoices (GetInvoice, 3 items each)', invoices, (raw) =>
  domain.Billing.Providers.Whmcs.transformWhmcsInvoice(raw, invoiceCtx),
);
measure('Salesforce catalog products (+ pricebook)', products, (raw) =>
  domain.Catalog.Providers.Salesforce.transformSalesforceCatalogProduct(raw, catalogCtx),
);
const verdict = (ms) => (ms < 5 ? 'met' : 'NOT met');
process.stdout.write(
  `target < 5 ms per 1,000 invoices: cpu ${verdict(invoice.cpuMs)}, wall ${verdict(invoice.wallMs)} ` +
    `(load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)\n`,
);
