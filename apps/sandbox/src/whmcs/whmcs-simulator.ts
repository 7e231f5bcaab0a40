import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { registerAdminRoutes } from '../shared/admin-routes';
import { FaultInjector } from '../shared/fault-injector';
import { RequestCounter } from '../shared/request-counter';
import type { Simulator } from '../simulator';
import { parsePhpForm, type FormArray } from './php-form.util';
import { canonicalAction, WhmcsActions, WhmcsApiError, type WhmcsAction } from './whmcs-actions';
import { registerWhmcsAdminRoutes } from './whmcs-admin-routes';
import { loadWhmcsFixtures, type WhmcsFixtures } from './whmcs-fixtures';
import { phpJsonEncode } from './whmcs-format.util';
import { seedWhmcsState } from './whmcs-seed';
import type { WhmcsState } from './whmcs-state';
import { WhmcsWebhookEmitter } from './whmcs-webhook-emitter';

export interface WhmcsSimulatorOptions {
  readonly host: string;
  readonly port: number;
  readonly identifier: string;
  readonly secret: string;
  /** HTTP status of credential/IP rejections: 200 on older WHMCS, 403 on recent ones. */
  readonly authErrorStatus: number;
  readonly webhookUrl?: string;
  readonly webhookSecrets: readonly string[];
  readonly extraClients: number;
  readonly invoicesPerClient: number;
  readonly now?: () => Date;
  readonly fixtures?: WhmcsFixtures;
}

/** What a PHP fatal error looks like to an API client: HTML with status 200. */
const PHP_FATAL_PAGE =
  '<br />\n<b>Fatal error</b>:  Uncaught Error: Call to a member function fetch() on null in ' +
  '/var/www/whmcs/vendor/whmcs/whmcs-foundation/lib/Api/V1/Handler.php:73\nStack trace:\n#0 {main}\n  thrown in ' +
  '<b>/var/www/whmcs/vendor/whmcs/whmcs-foundation/lib/Api/V1/Handler.php</b> on line <b>73</b><br />\n';

/**
 * WHMCS's external API (`POST /includes/api.php`) over an in-memory billing database, plus the hook-file
 * webhooks and the `/__admin` API. See README.md beside this file.
 */
export class WhmcsSimulator implements Simulator {
  readonly name = 'whmcs';
  readonly faults = new FaultInjector();
  readonly counter = new RequestCounter();
  readonly state: WhmcsState;
  readonly emitter: WhmcsWebhookEmitter;
  readonly actions: WhmcsActions;
  /** Time the last API request spent inside the simulator (parse, action, encode), for benchmarks. */
  lastHandlingMs = 0;
  private readonly app: FastifyInstance;
  private baseUrl: string | undefined;

  constructor(private readonly options: WhmcsSimulatorOptions) {
    this.state = seedWhmcsState(options.fixtures ?? loadWhmcsFixtures(), options);
    const now = options.now ?? ((): Date => new Date());
    this.emitter = new WhmcsWebhookEmitter(
      { url: options.webhookUrl, secrets: [...options.webhookSecrets] },
      3000,
      () => now().getTime(),
    );
    this.actions = new WhmcsActions(this.state, this.emitter, now);
    this.app = Fastify({ logger: false, keepAliveTimeout: 65_000 });
    this.app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
    this.app.post('/includes/api.php', (request, reply) =>
      this.handle(typeof request.body === 'string' ? request.body : '', reply),
    );
    registerAdminRoutes(this.app, this.faults, this.counter);
    registerWhmcsAdminRoutes(this.app, this.actions, this.emitter);
  }

  /** The API endpoint, e.g. `http://127.0.0.1:4020/includes/api.php`. */
  get apiUrl(): string {
    if (this.baseUrl === undefined) throw new Error('WHMCS simulator not started');
    return `${this.baseUrl}/includes/api.php`;
  }

  get url(): string {
    if (this.baseUrl === undefined) throw new Error('WHMCS simulator not started');
    return this.baseUrl;
  }

  async start(): Promise<Record<string, string>> {
    await this.app.listen({ host: this.options.host, port: this.options.port });
    const address = this.app.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    this.baseUrl = `http://${this.options.host}:${port}`;
    return { api: this.apiUrl, admin: `${this.baseUrl}/__admin` };
  }

  async stop(): Promise<void> {
    this.faults.clear();
    await this.emitter.settle();
    await this.app.close();
  }

  private async handle(body: string, reply: FastifyReply): Promise<FastifyReply> {
    const started = performance.now();
    const params = parsePhpForm(body);
    const requested = typeof params.action === 'string' ? params.action : '';
    const action = canonicalAction(requested);
    const operation = action ?? (requested || 'unknown');
    this.counter.increment(operation);

    const decision = this.faults.decide(operation);
    const abort = new AbortController();
    reply.raw.once('close', () => abort.abort());
    if (decision.failure !== undefined) {
      await this.faults.delay(decision, abort.signal);
      return abort.signal.aborted ? reply : this.fail(decision.failure, reply);
    }
    // Latency and hangs hold back the *answer*, after the action ran: PHP keeps executing when the client
    // gives up, so a timed-out AddOrder may still have created the order (what the orchestrator must handle).
    const [status, payload] = await this.respond(action, params);
    await this.faults.delay(decision, abort.signal);
    if (abort.signal.aborted) return reply;
    const encoded = phpJsonEncode(payload);
    this.lastHandlingMs = performance.now() - started;
    return reply.code(status).type('application/json').send(encoded);
  }

  private async respond(action: WhmcsAction | undefined, params: FormArray): Promise<[number, unknown]> {
    if (!this.authenticated(params)) {
      return [this.options.authErrorStatus, { result: 'error', message: 'Authentication Failed' }];
    }
    if (action === undefined) return [200, { result: 'error', message: 'Command Not Found' }];
    try {
      return [200, await this.actions.run(action, params)];
    } catch (error) {
      if (error instanceof WhmcsApiError)
        return [200, { [error.resultKey]: 'error', message: error.message }];
      throw error;
    }
  }

  /** `identifier`/`secret`, or the same values as `username`/`password`. */
  private authenticated(params: FormArray): boolean {
    const identifier = params.identifier ?? params.username;
    const secret = params.secret ?? params.password;
    return identifier === this.options.identifier && secret === this.options.secret;
  }

  private send(reply: FastifyReply, payload: unknown, status = 200): FastifyReply {
    return reply.code(status).type('application/json').send(phpJsonEncode(payload));
  }

  /** Failure modes: `html`, `malformed-json`, `status:<code>`, `error:<message>`. */
  private fail(failure: string, reply: FastifyReply): FastifyReply {
    if (failure === 'html') return reply.code(200).type('text/html; charset=utf-8').send(PHP_FATAL_PAGE);
    if (failure === 'malformed-json') {
      return reply
        .code(200)
        .type('application/json')
        .send('{"result":"success","invoices":{"invoice":[{"id":1,');
    }
    if (failure.startsWith('status:')) {
      const status = Number(failure.slice('status:'.length));
      return reply
        .code(Number.isInteger(status) && status >= 200 && status <= 599 ? status : 500)
        .type('text/html; charset=utf-8')
        .send(`<html><body><h1>${status}</h1></body></html>`);
    }
    if (failure.startsWith('error:')) return this.send(reply, { result: 'error', message: failure.slice(6) });
    return this.send(reply, { result: 'error', message: failure });
  }
}
