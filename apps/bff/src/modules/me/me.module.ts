import { Module } from '@nestjs/common';
import { SalesforceModule } from '../../integrations/salesforce/salesforce.module';
import { WhmcsModule } from '../../integrations/whmcs/whmcs.module';
import { AuthModule } from '../auth/auth.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

@Module({
  imports: [AuthModule, WhmcsModule, SalesforceModule],
  controllers: [MeController],
  providers: [MeService],
})
export class MeModule {}
