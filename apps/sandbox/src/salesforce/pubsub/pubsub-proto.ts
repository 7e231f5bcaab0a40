import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * The proto that ships at the root of `salesforce-pubsub-api-client`. Its `exports` map blocks deep imports,
 * so the path is built from the resolved entry point (`dist/…`).
 */
export function pubSubProtoPath(): string {
  return join(dirname(require.resolve('salesforce-pubsub-api-client')), '..', 'pubsub_api.proto');
}

/** Loads `eventbus.v1.PubSub` with the same loader defaults as the client (camelCase, bytes as Buffer). */
export function loadPubSubService(): grpc.ServiceDefinition {
  const definition = protoLoader.loadSync(pubSubProtoPath(), {});
  const root = grpc.loadPackageDefinition(definition) as unknown as {
    eventbus: { v1: { PubSub: grpc.ServiceClientConstructor } };
  };
  return root.eventbus.v1.PubSub.service;
}
