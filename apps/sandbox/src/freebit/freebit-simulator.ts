import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { registerAdminRoutes } from '../shared/admin-routes';
import { FaultInjector } from '../shared/fault-injector';
import { RequestCounter } from '../shared/request-counter';
import type { Simulator } from '../simulator';
import { registerFreebitAdminRoutes } from './freebit-admin-routes';
import { FreebitClock } from './freebit-clock';
import { freebitHandlers, type FreebitCredentials } from './freebit-operations';
import { FREEBIT_API_PREFIX, operationForPath, type FreebitOperation } from './freebit-paths';
import { freebitRequestSchemas, statusCodeForField } from './freebit-requests';
import { envelope, FREEBIT_RESULT, type FreebitEnvelope } from './freebit-responses';
import { seedAccounts } from './freebit-seed';
import { FreebitStore } from './freebit-store';

export interface FreebitSimulatorOptions extends FreebitCredentials {
  readonly host: string;
  readonly port: number;
  readonly authKeyTtlMs: number;
  readonly activationDelayMs: number;
  /** world.json-shaped seed; the committed world.json when omitted. */
  readonly world?: unknown;
}

const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>' +
  '<body><h1>Service Temporarily Unavailable</h1><p>The server is under maintenance.</p></body></html>';

/**
 * The Freebit MVNO API as the BFF sees it: `POST /emptool/api/<path>/` with one form field `json`
 * (urlencoded or multipart), `authKey` from `authOem` inside the JSON, string `resultCode`s.
 * Fault modes (`failure`): `html`, `status:<http>`, `malformed-json`, `code:<resultCode>`.
 */
export class FreebitSimulator implements Simulator {
  readonly name = 'freebit';
  readonly faults = new FaultInjector();
  readonly counter = new RequestCounter();
  readonly clock = new FreebitClock();
  readonly store: FreebitStore;
  private readonly handlers;
  private app: FastifyInstance | undefined;
  /** Handling time of the latest request (also sent as `server-timing: sim;dur=`), for in-process benchmarks. */
  lastHandlingMs = 0;

  constructor(private readonly options: FreebitSimulatorOptions) {
    this.store = new FreebitStore(
      { authKeyTtlMs: options.authKeyTtlMs, activationDelayMs: options.activationDelayMs },
      this.clock,
    );
    this.handlers = freebitHandlers(this.store, this.clock, options);
    this.reseed();
  }

  async start(): Promise<Record<string, string>> {
    const app = Fastify({ logger: false });
    await app.register(formbody);
    app.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer' },
      async (request: FastifyRequest, body: Buffer) => {
        const form = await new Response(body, {
          headers: { 'content-type': request.headers['content-type'] ?? '' },
        }).formData();
        // Files are not part of the Freebit protocol: only text fields are kept.
        return Object.fromEntries(
          [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
      },
    );
    // The simulator's own handling time, so a benchmark can subtract it from the client's latency.
    app.addHook('onRequest', (request, _reply, done) => {
      request.startedAt = process.hrtime.bigint();
      done();
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      const elapsed = Number(process.hrtime.bigint() - request.startedAt) / 1e6;
      this.lastHandlingMs = elapsed;
      void reply.header('server-timing', `sim;dur=${elapsed.toFixed(3)}`);
      done(null, payload);
    });
    app.post(`${FREEBIT_API_PREFIX}*`, (request, reply) => this.handle(request, reply));
    registerAdminRoutes(app, this.faults, this.counter);
    registerFreebitAdminRoutes(app, this.store, this.clock, () => this.reset());
    await app.listen({ host: this.options.host, port: this.options.port });
    this.app = app;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    return { api: `http://${this.options.host}:${port}` };
  }

  async stop(): Promise<void> {
    this.faults.clear();
    await this.app?.close();
    this.app = undefined;
  }

  reset(): void {
    this.faults.clear();
    this.counter.reset();
    this.clock.setOffsetDays(0);
    this.reseed();
  }

  private reseed(): void {
    this.store.reset();
    for (const account of seedAccounts(this.options.world)) this.store.accounts.set(account.msisdn, account);
  }

  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const operation = operationForPath(request.url);
    if (operation === undefined)
      return reply.code(404).type('text/html').send('<html><body>Not Found</body></html>');
    this.counter.increment(operation);

    const abort = new AbortController();
    reply.raw.once('close', () => abort.abort());
    const decision = this.faults.decide(operation);
    await this.faults.delay(decision, abort.signal);
    if (abort.signal.aborted) return reply;
    if (decision.failure !== undefined) return this.fail(reply, decision.failure);

    return reply.type('application/json').send(this.answer(operation, request.body));
  }

  private answer(operation: FreebitOperation, body: unknown): FreebitEnvelope {
    const json =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>).json : undefined;
    let params: unknown;
    try {
      params = typeof json === 'string' ? JSON.parse(json) : undefined;
    } catch {
      params = undefined;
    }
    if (typeof params !== 'object' || params === null) {
      return envelope(FREEBIT_RESULT.invalidParameter, 'json parameter missing or malformed', '309');
    }
    if (operation !== 'authOem') {
      const { authKey } = params as { authKey?: unknown };
      if (typeof authKey !== 'string' || !this.store.isAuthKeyValid(authKey)) {
        return envelope(FREEBIT_RESULT.authKeyInvalid, 'authKey invalid or expired');
      }
    }
    const parsed = freebitRequestSchemas[operation].safeParse(params);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path.at(-1) ?? 'json');
      return envelope(
        FREEBIT_RESULT.invalidParameter,
        `invalid parameter: ${field}`,
        statusCodeForField(field),
      );
    }
    return (this.handlers[operation] as (request: unknown) => FreebitEnvelope)(parsed.data);
  }

  private fail(reply: FastifyReply, failure: string): FastifyReply {
    if (failure === 'html') return reply.code(503).type('text/html').send(HTML_ERROR_PAGE);
    if (failure === 'malformed-json') return reply.type('application/json').send('{"resultCode":"10');
    const [kind, value = ''] = failure.split(':', 2);
    if (kind === 'status')
      return reply
        .code(Number(value) || 500)
        .type('text/html')
        .send(HTML_ERROR_PAGE);
    if (kind === 'code') return reply.type('application/json').send(envelope(value, 'injected failure'));
    return reply.code(500).type('text/html').send(HTML_ERROR_PAGE);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    startedAt: bigint;
  }
}
