import { Module } from '@nestjs/common';
import { WhmcsWebhookController } from './whmcs-webhook.controller';
import { WhmcsWebhookService } from './whmcs-webhook.service';

/** Inbound provider webhooks (outside the `/api` prefix). */
@Module({ controllers: [WhmcsWebhookController], providers: [WhmcsWebhookService] })
export class WebhooksModule {}
