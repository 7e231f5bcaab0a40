import { Module } from '@nestjs/common';
import { FreebitModule } from '../../integrations/freebit/freebit.module';
import { AuthModule } from '../auth/auth.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { SimController } from './sim.controller';
import { SimService } from './sim.service';

@Module({
  imports: [AuthModule, SubscriptionsModule, FreebitModule],
  controllers: [SimController],
  providers: [SimService],
})
export class SimModule {}
