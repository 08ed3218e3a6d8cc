import { Module } from '@nestjs/common';
import { PublicResultsController } from './public-results.controller';
import { RecomputeService } from './recompute.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

/** Results API: reads what the worker stored (metric_result); requests full rebuilds through the outbox. */
@Module({
  controllers: [ResultsController, PublicResultsController],
  providers: [ResultsService, RecomputeService],
})
export class ResultsModule {}
