import { Module } from '@nestjs/common';
import { FreebitConnectionService } from './services/freebit-connection.service';
import { FreebitOrchestratorService } from './services/freebit-orchestrator.service';
import { FreebitSimService } from './services/freebit-sim.service';

/** Freebit MVNO integration; needs the global config, cache and resilience modules. */
@Module({
  providers: [FreebitConnectionService, FreebitSimService, FreebitOrchestratorService],
  exports: [FreebitSimService, FreebitOrchestratorService],
})
export class FreebitModule {}
