import { randomUUID } from 'node:crypto';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';

export type GrpcFailure = Partial<ServiceError> & { code: status; details: string; metadata: Metadata };

/** A gRPC status error as Salesforce sends it: details end with `rpcId: <id>`, the SF code in the `error-code` trailer. */
export function pubSubError(code: status, message: string, sfErrorCode?: string): GrpcFailure {
  const metadata = new Metadata();
  if (sfErrorCode !== undefined) metadata.set('error-code', sfErrorCode);
  return { code, details: `${message} rpcId: ${randomUUID()}`, metadata };
}

/** Maps an injected fault's `failure` (a gRPC status name such as `UNAVAILABLE`) to an error. */
export function injectedError(failure: string): GrpcFailure {
  const code = (status as unknown as Record<string, status | undefined>)[failure] ?? status.INTERNAL;
  const sfCode =
    code === status.UNAUTHENTICATED
      ? 'sfdc.platform.eventbus.grpc.service.auth.error'
      : code === status.RESOURCE_EXHAUSTED
        ? 'sfdc.platform.eventbus.grpc.subscription.limit.exceeded'
        : 'sfdc.platform.eventbus.grpc.service.unavailable';
  return pubSubError(code, `Injected fault: ${failure}.`, sfCode);
}
