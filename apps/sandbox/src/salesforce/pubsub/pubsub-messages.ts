/** The `eventbus.v1` messages as proto-loader decodes them with default options (camelCase, bytes as Buffer). */
export interface FetchRequest {
  topicName?: string;
  replayPreset?: number | string;
  replayId?: Buffer;
  numRequested?: number;
  authRefresh?: string;
}

export interface ProducerEventMessage {
  id: string;
  schemaId: string;
  payload: Buffer;
}

export interface ConsumerEventMessage {
  event: ProducerEventMessage;
  replayId: Buffer;
}

export interface FetchResponse {
  events: ConsumerEventMessage[];
  latestReplayId: Buffer;
  rpcId: string;
  pendingNumRequested: number;
}

export interface TopicRequest {
  topicName?: string;
}

export interface SchemaRequest {
  schemaId?: string;
}

export interface PublishRequest {
  topicName?: string;
  events?: Partial<ProducerEventMessage>[];
  authRefresh?: string;
}

export interface PublishResultMessage {
  replayId?: Buffer;
  error?: { code: number; msg: string };
  correlationKey: string;
}

export interface PublishResponse {
  results: PublishResultMessage[];
  schemaId: string;
  rpcId: string;
}

/** `ReplayPreset` values; proto-loader hands enums over as numbers (or names when set by name). */
export const ReplayPreset = { LATEST: 0, EARLIEST: 1, CUSTOM: 2 } as const;

/** `ErrorCode` on a PublishResult. */
export const PublishErrorCode = { UNKNOWN: 0, PUBLISH: 1, COMMIT: 2 } as const;

/** The Salesforce error codes carried in the `error-code` trailer. */
export const SfErrorCode = {
  authError: 'sfdc.platform.eventbus.grpc.service.auth.error',
  replayIdCorrupted: 'sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted',
  topicNotFound: 'sfdc.platform.eventbus.grpc.topic.not.found',
  invalidTopic: 'sfdc.platform.eventbus.grpc.subscription.fetch.invalid.topic',
  schemaNotFound: 'sfdc.platform.eventbus.grpc.schema.not.found',
  serviceUnavailable: 'sfdc.platform.eventbus.grpc.service.unavailable',
  limitExceeded: 'sfdc.platform.eventbus.grpc.subscription.limit.exceeded',
} as const;
