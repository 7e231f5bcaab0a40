// Freebit: the BFF's overhead on a cold SIM-details read (BFF latency minus the simulator's own handling time).
// Runs against the built dist (`pnpm build`); needs a local Redis at REDIS_URL (default redis://127.0.0.1:6379).
// Every getSimDetails is a cold read: SIM details are never cached, so each read is a full PA03-02 round trip.
import { bffConfig, bffDist, bffRequire, bootBffContext, sandboxDist } from '../lib/workspace.mjs';
import { now, summary } from '../lib/stats.mjs';

const { FreebitSimulator } = sandboxDist('index.js');
const { request, Agent } = bffRequire('undici');
const { FreebitModule } = bffDist('integrations/freebit/freebit.module.js');
const { FreebitSimService } = bffDist('integrations/freebit/services/freebit-sim.service.js');

const ITERATIONS = Number(process.env.FREEBIT_BENCH_ITERATIONS ?? 1000);
const MSISDN = '08012345678';
const OEM = { oemId: 'BENCH_OEM', oemKey: 'bench-oem-key' };

const sim = new FreebitSimulator({
  host: '127.0.0.1',
  port: 0,
  ...OEM,
  authKeyTtlMs: 3_600_000,
  activationDelayMs: 0,
});
const { api } = await sim.start();
const config = bffConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `bench-freebit-${process.pid}:`,
  FREEBIT_BASE_URL: api,
  FREEBIT_OEM_ID: OEM.oemId,
  FREEBIT_OEM_KEY: OEM.oemKey,
});

const app = await bootBffContext(config, FreebitModule);
const sims = app.get(FreebitSimService);

const fmt = (value) => value.toFixed(3).padStart(8);

/** Runs the calls alternately (same load for each), pairing every call with the simulator's own handling time. */
async function measure(calls) {
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
  return samples.map((sample) => ({
    total: summary(sample.total),
    simulator: summary(sample.simulator),
    overhead: summary(sample.overhead),
  }));
}

// The very first read: authOem, a new keep-alive socket, then PA03-02.
const firstStarted = now();
await sims.getSimDetails(MSISDN);
const first = now() - firstStarted;

// Baseline: the same PA03-02 request with bare undici (HTTP client + loopback, no BFF code).
const agent = new Agent({ connections: 16 });
const authKey = JSON.parse(
  await (
    await request(`${api}/emptool/api/authOem/`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ json: JSON.stringify(OEM) }).toString(),
    })
  ).body.text(),
).authKey;
const rawBody = new URLSearchParams({
  json: JSON.stringify({ authKey, version: '2', requestDatas: [{ kind: 'MVNO', account: MSISDN }] }),
}).toString();
const [bff, bare] = await measure([
  () => sims.getSimDetails(MSISDN),
  async () => {
    const response = await request(`${api}/emptool/api/master/getAcnt/`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: rawBody,
    });
    JSON.parse(await response.body.text());
  },
]);

const row = (label, stats) =>
  `  ${label.padEnd(44)} p50 ${fmt(stats.p50)} ms   ${stats.p99 === undefined ? ' '.repeat(16) : `p99 ${fmt(stats.p99)} ms`}   mean ${fmt(stats.mean)} ms`;
const lines = [
  `freebit: cold SIM-details read (PA03-02, ${ITERATIONS} sequential reads each, BFF and bare undici alternating, simulator in-process)`,
  `  first read incl. authOem + connect: ${first.toFixed(3)} ms`,
  row('simulator handling time', bff.simulator),
  row('BFF getSimDetails latency', bff.total),
  row('BFF overhead (latency - simulator time)', bff.overhead),
  row('bare undici round trip - simulator time', bare.overhead),
  row('BFF code only (overhead - bare transport)', {
    p50: bff.overhead.p50 - bare.overhead.p50,
    mean: bff.overhead.mean - bare.overhead.mean,
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);

await agent.close();
await app.close();
await sim.stop();
