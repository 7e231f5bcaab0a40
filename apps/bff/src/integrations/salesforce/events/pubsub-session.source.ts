import type { PubSubSession } from './pubsub-stream';

/** Where the subscriber gets the Salesforce session for `user-supplied` mode (the Salesforce connection). */
export interface PubSubSessionSource {
  /** The current session (logging in first if there is none). */
  current(): Promise<PubSubSession>;
  /** A new session: after the Pub/Sub API answered `UNAUTHENTICATED`. */
  refresh(): Promise<PubSubSession>;
}

export const PUBSUB_SESSION_SOURCE = Symbol('PUBSUB_SESSION_SOURCE');
