import { createHmac, randomUUID } from 'node:crypto';

/** The hook points our WHMCS hook file registers (integrations/whmcs-hooks/portal_webhooks.php). */
export type WhmcsHookEvent =
  | 'InvoiceCreated'
  | 'InvoicePaid'
  | 'InvoiceCancelled'
  | 'InvoiceRefunded'
  | 'AfterModuleCreate'
  | 'AfterModuleSuspend'
  | 'AfterModuleUnsuspend'
  | 'AfterModuleTerminate'
  | 'ClientEdit';

export type WhmcsHookData = Record<string, string | number>;

export interface WebhookDelivery {
  readonly id: string;
  readonly event: WhmcsHookEvent;
  readonly url: string;
  status: number | 'error' | 'pending';
}

/**
 * `X-Whmcs-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, one `v1` per secret
 * (several during a rotation), exactly as the PHP hook file signs.
 */
export function signWhmcsWebhook(body: string, secrets: readonly string[], timestamp: number): string {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  );
  return [`t=${timestamp}`, ...signatures].join(',');
}

export interface WebhookTarget {
  url: string | undefined;
  secrets: string[];
}

/**
 * Posts signed events to the configured URL, fire-and-forget with a short timeout, as the hook file does
 * inside WHMCS (billing must never wait for the portal). Keeps a log so tests can wait for delivery.
 */
export class WhmcsWebhookEmitter {
  private readonly log: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    readonly target: WebhookTarget,
    private readonly timeoutMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  emit(event: WhmcsHookEvent, data: WhmcsHookData): void {
    const url = this.target.url;
    if (url === undefined || this.target.secrets.length === 0) return;
    const id = randomUUID();
    const body = JSON.stringify({ id, event, occurredAt: new Date(this.now()).toISOString(), data });
    const delivery: WebhookDelivery = { id, event, url, status: 'pending' };
    this.log.push(delivery);
    const sending = fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-whmcs-event': event,
        'x-whmcs-signature': signWhmcsWebhook(body, this.target.secrets, Math.floor(this.now() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    }).then(
      async (response) => {
        delivery.status = response.status;
        await response.body?.cancel();
      },
      () => {
        delivery.status = 'error';
      },
    );
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  deliveries(): readonly WebhookDelivery[] {
    return this.log;
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Resolves when every delivery started so far has finished (tests and shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
