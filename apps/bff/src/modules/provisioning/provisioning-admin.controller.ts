import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ValidParams, ValidQuery } from '../../core/validation/validated-input.decorators';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { type FailedProvisioningJob, ProvisioningQueueService } from './services/provisioning-queue.service';

const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const jobParamsSchema = z.object({ jobId: z.string().regex(/^[\w%.-]{1,200}$/) });

/** Operator endpoints for provisioning: failed jobs and a manual retry (admin token, not the customer JWT). */
@Controller('admin/provisioning')
@UseGuards(AdminTokenGuard)
export class ProvisioningAdminController {
  constructor(private readonly queue: ProvisioningQueueService) {}

  @Get('failed')
  async listFailed(
    @ValidQuery(listQuerySchema) query: z.infer<typeof listQuerySchema>,
  ): Promise<{ jobs: FailedProvisioningJob[] }> {
    return { jobs: await this.queue.listFailed(query.limit) };
  }

  @Post('failed/:jobId/retry')
  @HttpCode(202)
  async retry(
    @ValidParams(jobParamsSchema) params: z.infer<typeof jobParamsSchema>,
  ): Promise<{ jobId: string; status: 'retrying' }> {
    await this.queue.retryFailed(params.jobId);
    return { jobId: params.jobId, status: 'retrying' };
  }
}
