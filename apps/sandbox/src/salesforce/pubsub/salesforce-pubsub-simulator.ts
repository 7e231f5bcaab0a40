import { Server, ServerCredentials } from '@grpc/grpc-js';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from '../../shared/admin-routes';
import { FaultInjector } from '../../shared/fault-injector';
import { RequestCounter } from '../../shared/request-counter';
import type { Simulator } from '../../simulator';
import { attachOrderApprovalFlow, type OrderApprovalSource } from './order-approval-flow';
import { PlatformEventPublisher } from './platform-event-publisher';
import { ORDER_PROVISION_REQUESTED } from './platform-event-schema';
import { registerPubSubAdminRoutes } from './pubsub-admin-routes';
import { PubSubEventBus } from './pubsub-event-bus';
import { PubSubGrpcService, type AccessTokenValidator } from './pubsub-grpc-service';
import { loadPubSubService } from './pubsub-proto';
import { generateSelfSignedCertificate } from './tls-certificate';

export interface SalesforcePubSubSimulatorOptions {
  readonly host: string;
  /** gRPC (TLS) port; 0 picks a free one. */
  readonly port: number;
  /** Own admin HTTP port (0 picks a free one); omit when the admin routes are mounted elsewhere ({@link registerAdmin}). */
  readonly adminPort?: number;
  /** Shared with the REST simulator when run as its part; own instances otherwise. */
  readonly faults?: FaultInjector;
  readonly counter?: RequestCounter;
  readonly orgId: string;
  /** `CreatedById` on events the simulator publishes itself (the Flow's running user). */
  readonly createdById: string;
  readonly tokens: AccessTokenValidator;
  /** When given, approving an order publishes `OrderProvisionRequested__e`, as the org's Flow does. */
  readonly orderApprovals?: OrderApprovalSource;
  readonly keepaliveMs: number;
  readonly idleTimeoutMs: number;
  readonly retentionMs: number;
}

/**
 * The Salesforce Pub/Sub API (`eventbus.v1.PubSub`) over gRPC with TLS, plus its admin HTTP API.
 * URLs answered by `start()`: `grpc` (`host:port`, the client's `pubSubEndpoint`) and, with an own admin
 * port, `admin`. Runs standalone (tests) or as a part of the Salesforce simulator ({@link salesforcePubSubPart}).
 */
export class SalesforcePubSubSimulator implements Simulator {
  readonly name = 'salesforce-pubsub';
  readonly faults: FaultInjector;
  readonly counter: RequestCounter;
  readonly bus: PubSubEventBus;
  readonly publisher: PlatformEventPublisher;
  readonly service: PubSubGrpcService;
  private server: Server | undefined;
  private admin: FastifyInstance | undefined;
  private detachFlow: (() => void) | undefined;

  constructor(private readonly options: SalesforcePubSubSimulatorOptions) {
    this.faults = options.faults ?? new FaultInjector();
    this.counter = options.counter ?? new RequestCounter();
    this.bus = new PubSubEventBus({ topics: [ORDER_PROVISION_REQUESTED], retentionMs: options.retentionMs });
    this.publisher = new PlatformEventPublisher(this.bus, options.createdById);
    this.service = new PubSubGrpcService({
      bus: this.bus,
      tokens: options.tokens,
      faults: this.faults,
      counter: this.counter,
      orgId: options.orgId,
      timings: { keepaliveMs: options.keepaliveMs, idleTimeoutMs: options.idleTimeoutMs },
    });
  }

  async start(): Promise<Record<string, string>> {
    const { privateKey, certificate } = await generateSelfSignedCertificate();
    const server = new Server();
    server.addService(loadPubSubService(), this.service.handlers());
    const credentials = ServerCredentials.createSsl(
      null,
      [{ private_key: Buffer.from(privateKey), cert_chain: Buffer.from(certificate) }],
      false,
    );
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${this.options.host}:${this.options.port}`, credentials, (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.server = server;

    if (this.options.orderApprovals) {
      this.detachFlow = attachOrderApprovalFlow(this.options.orderApprovals, this.publisher);
    }
    // The certificate names `localhost`; dialling a name (not an IP) also keeps TLS SNI valid.
    const grpcHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(this.options.host)
      ? 'localhost'
      : this.options.host;
    const urls: Record<string, string> = { grpc: `${grpcHost}:${port}` };
    if (this.options.adminPort !== undefined) urls.admin = await this.startAdmin(this.options.adminPort);
    return urls;
  }

  /** Mounts the Pub/Sub admin routes on an existing admin server (the REST simulator's). */
  registerAdmin(app: FastifyInstance): void {
    registerPubSubAdminRoutes(app, this.bus, this.service, this.publisher);
  }

  private async startAdmin(port: number): Promise<string> {
    const admin = Fastify({ logger: false });
    registerAdminRoutes(admin, this.faults, this.counter);
    this.registerAdmin(admin);
    await admin.listen({ host: this.options.host, port });
    this.admin = admin;
    const address = admin.server.address();
    return `http://${this.options.host}:${typeof address === 'object' && address ? address.port : port}`;
  }

  async stop(): Promise<void> {
    this.detachFlow?.();
    this.service.endAllStreams();
    this.faults.clear();
    await this.admin?.close();
    const server = this.server;
    if (server) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
