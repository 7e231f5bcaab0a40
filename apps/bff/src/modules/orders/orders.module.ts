import { Module } from '@nestjs/common';
import { SalesforceModule } from '../../integrations/salesforce/salesforce.module';
import { AuthModule } from '../auth/auth.module';
import { OrderIdempotencyRepository } from './order-idempotency.repository';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [AuthModule, SalesforceModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderIdempotencyRepository],
})
export class OrdersModule {}
