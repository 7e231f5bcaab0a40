import {
  Controller,
  Headers,
  HttpCode,
  Logger,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../core/config/app-config';
import { UnauthorizedError, ValidationError } from '../../core/errors/app.errors';
import { WHMCS_EVENT_HEADER, WHMCS_SIGNATURE_HEADER, verifyWhmcsSignature } from './whmcs-signature.util';
import {
  KNOWN_WHMCS_EVENTS,
  whmcsWebhookEnvelopeSchema,
  whmcsWebhookEventSchema,
} from './whmcs-webhook.schema';
import { WhmcsWebhookService } from './whmcs-webhook.service';

/** WHMCS hook payloads are a few hundred bytes; anything near this is not ours. */
export const WHMCS_WEBHOOK_BODY_LIMIT = 64 * 1024;

/**
 * `POST /webhooks/whmcs` (outside `/api`): deliveries from our WHMCS hook file. The signature is checked over the
 * exact raw bytes before anything else is trusted; 200 processed (or duplicate), 202 for events we do not handle,
 * 401 bad signature, 413 oversize, 400 invalid payload, 503 when the delivery cannot be recorded.
 */
@Controller('webhooks')
export class WhmcsWebhookController {
  private readonly logger = new Logger(WhmcsWebhookController.name);

  constructor(
    private readonly service: WhmcsWebhookService,
    private readonly config: AppConfig,
  ) {}

  @Post('whmcs')
  @HttpCode(200)
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers(WHMCS_SIGNATURE_HEADER) signature: string | undefined,
    @Headers(WHMCS_EVENT_HEADER) eventHeader: string | undefined,
  ): Promise<{ received: true; duplicate?: true }> {
    const raw = request.rawBody ?? Buffer.alloc(0);
    if (raw.length > WHMCS_WEBHOOK_BODY_LIMIT) throw new PayloadTooLargeException();
    const { WHMCS_WEBHOOK_SECRETS, WHMCS_WEBHOOK_TOLERANCE_S } = this.config.values;
    const check = verifyWhmcsSignature(raw, signature, {
      secrets: WHMCS_WEBHOOK_SECRETS,
      nowSeconds: Math.floor(Date.now() / 1000),
      toleranceSeconds: WHMCS_WEBHOOK_TOLERANCE_S,
    });
    if (!check.ok) {
      this.logger.warn({ reason: check.reason, event: eventHeader }, 'whmcs webhook rejected');
      throw new UnauthorizedError('The webhook signature is not valid.', 'WEBHOOK_SIGNATURE_INVALID');
    }

    const envelope = whmcsWebhookEnvelopeSchema.safeParse(request.body);
    if (envelope.success && !KNOWN_WHMCS_EVENTS.has(envelope.data.event)) {
      this.logger.log(
        { eventId: envelope.data.id, event: envelope.data.event },
        'unhandled whmcs webhook event',
      );
      void reply.status(202);
      return { received: true };
    }
    const parsed = whmcsWebhookEventSchema.safeParse(request.body);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        'The webhook payload is invalid.',
      );
    }
    const outcome = await this.service.handle(parsed.data);
    return outcome === 'duplicate' ? { received: true, duplicate: true } : { received: true };
  }
}
