import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyReply } from 'fastify';
import { FaultInjector } from '../shared/fault-injector';
import { RequestCounter } from '../shared/request-counter';
import { registerSalesforceAdminRoutes } from './salesforce-admin.routes';
import { SalesforceIdFactory } from './salesforce-ids';
import { registerOAuthRoutes } from './salesforce-oauth.routes';
import { registerRestRoutes } from './salesforce-rest.routes';
import { seedSalesforce } from './salesforce-seed';
import type {
  SalesforceSimulator,
  SalesforceSimulatorConfig,
  SalesforceSimulatorContext,
  SalesforceSimulatorPart,
  SalesforceSimulatorPartFactory,
} from './salesforce-simulator.types';
import { SalesforceStore } from './salesforce-store';
import { SalesforceTokens } from './salesforce-tokens';

/** The integration user the fixtures name as `CreatedById`. */
const INTEGRATION_USER_ID = '0055g00000InTeGAAV';

export interface SalesforceSimulatorOptions {
  /** Extra parts started with the REST server (the Pub/Sub gRPC server). */
  readonly parts?: readonly SalesforceSimulatorPartFactory[];
  readonly clock?: () => Date;
}

/** Builds the Salesforce simulator: OAuth + REST + admin on one Fastify server, plus the injected parts. */
export function createSalesforceSimulator(
  config: SalesforceSimulatorConfig,
  options: SalesforceSimulatorOptions = {},
): SalesforceSimulator {
  const clock = options.clock ?? (() => new Date());
  const store = new SalesforceStore(clock);
  seedSalesforce(store, config.seedAccounts);
  const tokens = new SalesforceTokens(config.orgId, config.tokenTtlMs, () => clock().getTime());
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  // Both clients post the token request form-encoded (jsforce encoded, the Pub/Sub client raw): decode it as a form.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  const stats = { handledRequests: 0, handlingMsTotal: 0 };
  app.addHook('onResponse', (_request, reply, done) => {
    stats.handledRequests += 1;
    stats.handlingMsTotal += reply.elapsedTime;
    done();
  });
  const userIds = new Map<string, string>([[config.usernames[0] ?? '', INTEGRATION_USER_ID]]);
  const userIdFactory = new SalesforceIdFactory();
  let baseUrl = '';

  const context: SalesforceSimulatorContext = {
    config,
    store,
    tokens,
    faults: new FaultInjector(),
    counter: new RequestCounter(),
    app,
    baseUrl: () => baseUrl,
    userIdFor(username) {
      let id = userIds.get(username);
      if (!id) userIds.set(username, (id = userIdFactory.next('005')));
      return id;
    },
    sendFailure: (reply, failure) => sendFailure(reply, failure),
  };

  registerOAuthRoutes(app, context);
  registerRestRoutes(app, context);
  registerSalesforceAdminRoutes(app, context);
  const parts: SalesforceSimulatorPart[] = (options.parts ?? []).map((factory) => factory(context));

  return {
    name: 'salesforce',
    context,
    store,
    tokens,
    stats,
    async start() {
      await app.listen({ host: config.host, port: config.port });
      const { port } = app.server.address() as AddressInfo;
      baseUrl = `http://${config.host}:${port}`;
      let urls: Record<string, string> = { rest: baseUrl };
      for (const part of parts) urls = { ...urls, ...(await part.start()) };
      return urls;
    },
    async stop() {
      for (const part of [...parts].reverse()) await part.stop();
      context.faults.clear();
      await app.close();
    },
  };
}

/** Injected failure modes: `status:<code>`, `html`, or a Salesforce error code answered with its usual status. */
function sendFailure(reply: FastifyReply, failure: string): FastifyReply {
  const json = 'application/json;charset=UTF-8';
  const status = /^status:(\d{3})$/.exec(failure);
  if (status) {
    const code = Number(status[1]);
    const errorCode = code === 503 ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION';
    return reply
      .code(code)
      .header('content-type', json)
      .send([
        {
          message: 'An unexpected error occurred. Please include this ErrorId if you contact support',
          errorCode,
        },
      ]);
  }
  if (failure === 'html') {
    return reply
      .code(500)
      .header('content-type', 'text/html')
      .send('<html><body>Service unavailable</body></html>');
  }
  const known: Record<string, [number, string]> = {
    REQUEST_LIMIT_EXCEEDED: [403, 'TotalRequests Limit exceeded.'],
    INVALID_SESSION_ID: [401, 'Session expired or invalid'],
    UNABLE_TO_LOCK_ROW: [400, 'unable to obtain exclusive access to this record or 1 records'],
    SERVER_UNAVAILABLE: [503, 'Server temporarily unavailable'],
  };
  const [code, message] = known[failure] ?? [400, failure];
  return reply
    .code(code)
    .header('content-type', json)
    .send([{ message, errorCode: failure }]);
}
