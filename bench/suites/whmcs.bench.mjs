// WHMCS: webhook signature verifications per second, and the BFF's overhead on a cold invoices page
// (BFF latency minus the simulator's own handling time). Runs against the built dist (`pnpm build`); needs a local
// Redis at REDIS_URL (default redis://127.0.0.1:6379). Invoice pages are not cached in the WHMCS module (the portal
// layer caches them), so every getPage is a full GetInvoices round trip plus domain mapping.
import { bffConfig, bffDist, bffRequire, bootBffContext, sandboxDist } from '../lib/workspace.mjs';
import { now, summary } from '../lib/stats.mjs';

const { WhmcsSimulator } = sandboxDist('whmcs/whmcs-simulator.js');
const { request, Pool } = bffRequire('undici');
const { WhmcsModule } = bffDist('integrations/whmcs/whmcs.module.js');
const { WhmcsInvoiceService } = bffDist('integrations/whmcs/services/whmcs-invoice.service.js');
const { signWhmcsPayload, verifyWhmcsSignature } = bffDist('modules/webhooks/whmcs-signature.util.js');

const ITERATIONS = Number(process.env.WHMCS_BENCH_ITERATIONS ?? 500);
const VERIFY_MS = Number(process.env.WHMCS_BENCH_VERIFY_MS ?? 2_000);
const PAGE_SIZE = 25;
const CLIENT_ID = 10_001; // a generated load-test client with PAGE_SIZE invoices
const CREDENTIALS = { identifier: 'bench-identifier', secret: 'bench-secret' };

const fmt = (value) => value.toFixed(3).padStart(8);

// --- 1. Webhook signature verification (the check every delivery pays before anything else) -----------------
const body = Buffer.from(
  JSON.stringify({
    id: '6f1c9b1e-4a51-4f7e-9d0b-2c7f5e8a9b10',
    event: 'InvoicePaid',
    occurredAt: '2026-11-25T10:00:00Z',
    data: { invoiceId: 5005, clientId: 1, status: 'Paid' },
  }),
);
function verificationsPerSecond(secrets, signingSecrets) {
  const t = Math.floor(Date.now() / 1000);
  const header = signWhmcsPayload(body, signingSecrets, t);
  const options = { secrets, nowSeconds: t, toleranceSeconds: 300 };
  let count = 0;
  const started = now();
  while (now() - started < VERIFY_MS) {
    for (let i = 0; i < 1_000; i++) {
      if (!verifyWhmcsSignature(body, header, options).ok) throw new Error('verification failed');
    }
    count += 1_000;
  }
  return count / ((now() - started) / 1000);
}
const oneSecret = verificationsPerSecond(['current'], ['current']);
const rotation = verificationsPerSecond(['current', 'previous'], ['previous']);

// --- 2. Cold invoices page: BFF vs bare HTTP, both minus the simulator's own time ---------------------------------
const sim = new WhmcsSimulator({
  host: '127.0.0.1',
  port: 0,
  ...CREDENTIALS,
  authErrorStatus: 403,
  webhookSecrets: [],
  extraClients: 10,
  invoicesPerClient: PAGE_SIZE,
});
const { api } = await sim.start();
const config = bffConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `bench-whmcs-${process.pid}:`,
  WHMCS_API_URL: api,
  WHMCS_API_IDENTIFIER: CREDENTIALS.identifier,
  WHMCS_API_SECRET: CREDENTIALS.secret,
});
const app = await bootBffContext(config, WhmcsModule);
const invoices = app.get(WhmcsInvoiceService);

const firstStarted = now();
const firstPage = await invoices.getPage(CLIENT_ID, { page: 1, pageSize: PAGE_SIZE });
const first = now() - firstStarted;
if (firstPage.items.length !== PAGE_SIZE) throw new Error(`expected ${PAGE_SIZE} invoices`);

const pool = new Pool(new URL(api).origin, { connections: 16 });
const rawBody = new URLSearchParams({
  action: 'GetInvoices',
  ...CREDENTIALS,
  responsetype: 'json',
  userid: String(CLIENT_ID),
  limitstart: '0',
  limitnum: String(PAGE_SIZE),
  orderby: 'date',
  order: 'desc',
}).toString();
const calls = [
  () => invoices.getPage(CLIENT_ID, { page: 1, pageSize: PAGE_SIZE }),
  async () => {
    const response = await request(`${api}`, {
      method: 'POST',
      dispatcher: pool,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: rawBody,
    });
    JSON.parse(await response.body.text());
  },
];
const samples = calls.map(() => ({ total: [], simulator: [], overhead: [] }));
for (let i = 0; i < ITERATIONS; i++) {
  for (const [index, call] of calls.entries()) {
    const started = now();
    await call();
    const elapsed = now() - started;
    samples[index].total.push(elapsed);
    samples[index].simulator.push(sim.lastHandlingMs);
    samples[index].overhead.push(elapsed - sim.lastHandlingMs);
  }
}
const [bff, bare] = samples.map((sample) => ({
  total: summary(sample.total),
  simulator: summary(sample.simulator),
  overhead: summary(sample.overhead),
}));

await app.close();
await pool.close();
await sim.stop();

const out = (line) => process.stdout.write(`${line}\n`);
out('webhook signature verification (HMAC-SHA256 over a 150-byte body, constant-time compare):');
out(`  one secret:                ${Math.round(oneSecret).toLocaleString('en-US')} verifications/s`);
out(`  rotation (2 secrets, old): ${Math.round(rotation).toLocaleString('en-US')} verifications/s`);
out('');
out(`cold invoices page (GetInvoices, ${PAGE_SIZE} invoices, ${ITERATIONS} iterations each, ms):`);
out(`  first call (connect + GetCurrencies + GetInvoices): ${first.toFixed(1)} ms`);
out('                               p50       p99      mean');
const row = (label, s) => out(`  ${label.padEnd(24)}${fmt(s.p50)}  ${fmt(s.p99)}  ${fmt(s.mean)}`);
row('BFF total', bff.total);
row('  simulator handling', bff.simulator);
row('  BFF minus simulator', bff.overhead);
row('bare undici total', bare.total);
row('  bare minus simulator', bare.overhead);
out(
  `  BFF code (overhead minus bare HTTP overhead): p50 ${(bff.overhead.p50 - bare.overhead.p50).toFixed(3)} ms`,
);
process.exit(0);
