import { Module } from '@nestjs/common';
import { ProvisioningModule } from '../provisioning/provisioning.module';
import { BullBoardService } from './bull-board.service';

/** Operator tools: the queue dashboard at `/admin/queues` (admin token from config). */
@Module({
  imports: [ProvisioningModule],
  providers: [BullBoardService],
})
export class AdminModule {}
