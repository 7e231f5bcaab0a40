import type {
  default as PubSubApiClient,
  Logger as PubSubLogger,
  SubscribeCallback,
} from 'salesforce-pubsub-api-client' with { 'resolution-mode': 'import' };

/** Credentials for `user-supplied` mode, taken from the Salesforce connection. */
export interface PubSubSession {
  readonly accessToken: string;
  readonly instanceUrl: string;
  readonly organizationId: string;
}

export interface PubSubStreamSettings {
  readonly endpoint: string;
  readonly rejectUnauthorizedSsl: boolean;
  /** Used instead of the session's instance URL when that is plain http (the client demands https://). */
  readonly instanceUrlOverride: string | undefined;
  readonly topic: string;
  readonly batchSize: number;
}

export type StreamStart =
  { readonly kind: 'LATEST' | 'EARLIEST' } | { readonly kind: 'CUSTOM'; readonly replayId: number };

export interface ReceivedEvent {
  readonly id: string;
  readonly replayId: number;
  readonly payload: unknown;
}

/** A gRPC failure of the stream: status code and the Salesforce `error-code` trailer. */
export interface StreamFailure {
  readonly code: number | undefined;
  readonly sfErrorCode: string | undefined;
  readonly message: string;
}

export interface StreamHandlers {
  onEvent(event: ReceivedEvent): void;
  /** An event the client could not decode; it still counts against the requested batch. */
  onUndecodable(replayId: number | undefined, error: Error): void;
  /** The requested batch has been received in full. */
  onBatchReceived(): void;
  onKeepalive(): void;
  onFailure(failure: StreamFailure): void;
  onEnd(): void;
}

interface ClientModule {
  readonly default: typeof PubSubApiClient;
}
let clientModule: Promise<ClientModule> | undefined;

// The package is ESM-first (its CJS build has no types of its own), so it is loaded with a dynamic import.
function loadClient(): Promise<ClientModule> {
  clientModule ??= import('salesforce-pubsub-api-client');
  return clientModule;
}

/**
 * One Subscribe stream opened with salesforce-pubsub-api-client in `user-supplied` mode. The client does not
 * resubscribe, refresh tokens or detect silence: the subscriber service decides all of that from the handlers.
 * Its `close()` detaches the stream's listeners without cancelling the call, so a live stream is only
 * {@link retire}d (handlers muted) and the client closed once the stream has ended.
 */
export class PubSubStream {
  private retired = false;
  private ended = false;

  private constructor(
    private readonly client: PubSubApiClient,
    private readonly settings: PubSubStreamSettings,
  ) {}

  /** Loads the client library ahead of the first stream. */
  static async preload(): Promise<void> {
    await loadClient();
  }

  static async open(
    settings: PubSubStreamSettings,
    session: PubSubSession,
    start: StreamStart,
    handlers: StreamHandlers,
    logger: PubSubLogger,
  ): Promise<PubSubStream> {
    const { default: Client } = await loadClient();
    const instanceUrl = session.instanceUrl.startsWith('https://')
      ? session.instanceUrl
      : (settings.instanceUrlOverride ?? session.instanceUrl);
    const client = new Client(
      {
        authType: 'user-supplied',
        accessToken: session.accessToken,
        instanceUrl,
        organizationId: session.organizationId,
        pubSubEndpoint: settings.endpoint,
        rejectUnauthorizedSsl: settings.rejectUnauthorizedSsl,
      },
      logger,
    );
    await client.connect();
    const stream = new PubSubStream(client, settings);
    const callback = stream.callbackFor(handlers);
    switch (start.kind) {
      case 'CUSTOM':
        client.subscribeFromReplayId(settings.topic, callback, settings.batchSize, start.replayId);
        break;
      case 'EARLIEST':
        client.subscribeFromEarliestEvent(settings.topic, callback, settings.batchSize);
        break;
      case 'LATEST':
        client.subscribe(settings.topic, callback, settings.batchSize);
        break;
    }
    return stream;
  }

  /** Asks for the next batch on the same stream (additive flow control). */
  requestMore(): void {
    if (!this.retired && !this.ended)
      this.client.requestAdditionalEvents(this.settings.topic, this.settings.batchSize);
  }

  /** Mutes the handlers; the client is closed as soon as the stream ends (at once if it already has). */
  retire(): void {
    this.retired = true;
    if (this.ended) this.client.close();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  private callbackFor(handlers: StreamHandlers): SubscribeCallback {
    return (_info, type, data?: unknown) => {
      if (type === 'end') {
        this.ended = true;
        if (this.retired) this.client.close();
      }
      if (this.retired) return;
      switch (type) {
        case 'event':
          handlers.onEvent(toReceivedEvent(data));
          break;
        case 'lastEvent':
          handlers.onBatchReceived();
          break;
        case 'grpcKeepAlive':
          handlers.onKeepalive();
          break;
        case 'error':
          if (isParseError(data)) handlers.onUndecodable(data.replayId, data);
          else handlers.onFailure(toFailure(data));
          break;
        case 'end':
          handlers.onEnd();
          break;
        default:
          // grpcStatus repeats what `error`/`end` already reported.
          break;
      }
    };
  }
}

function toReceivedEvent(data: unknown): ReceivedEvent {
  const event = data as { id?: unknown; replayId?: unknown; payload?: unknown };
  return {
    id: typeof event.id === 'string' ? event.id : '',
    replayId: typeof event.replayId === 'number' ? event.replayId : Number.NaN,
    payload: event.payload,
  };
}

// The client's EventParseError keeps the default `name`; its `event`/`latestReplayId` fields tell it apart.
function isParseError(data: unknown): data is Error & { replayId: number | undefined } {
  return data instanceof Error && 'latestReplayId' in data && 'event' in data;
}

function toFailure(data: unknown): StreamFailure {
  const error = data as { code?: unknown; details?: unknown; message?: unknown; metadata?: unknown };
  let sfErrorCode: string | undefined;
  const metadata = error.metadata as { get?: (key: string) => unknown[] } | undefined;
  if (metadata && typeof metadata.get === 'function') {
    const value = metadata.get('error-code')[0];
    sfErrorCode = typeof value === 'string' ? value : undefined;
  }
  return {
    code: typeof error.code === 'number' ? error.code : undefined,
    sfErrorCode,
    message:
      typeof error.details === 'string'
        ? error.details
        : typeof error.message === 'string'
          ? error.message
          : 'stream error',
  };
}
