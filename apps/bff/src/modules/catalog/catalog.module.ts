import { Module } from '@nestjs/common';
import { SalesforceModule } from '../../integrations/salesforce/salesforce.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogController } from './catalog.controller';

@Module({
  imports: [AuthModule, SalesforceModule],
  controllers: [CatalogController],
})
export class CatalogModule {}
