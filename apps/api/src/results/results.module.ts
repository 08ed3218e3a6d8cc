import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { RoundValuesModule } from '../common/results/round-values.module';
import { PublicResultsController } from './public-results.controller';
import { PublicTrendsController } from './public-trends.controller';
import { RecomputeService } from './recompute.service';
import { ResultsController } from './results.controller';
import { ResultsEventsController } from './results-events.controller';
import { ResultsEventsService } from './results-events.service';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';
import { TrendsRepository } from './trends.repository';
import { TrendsService } from './trends.service';

/** Results API: reads what the worker stored (metric_result); requests full rebuilds through the outbox. */
@Module({
  imports: [RoundsDataModule, RoundValuesModule],
  controllers: [ResultsController, PublicResultsController, ResultsEventsController, PublicTrendsController],
  providers: [
    ResultsRepository,
    TrendsRepository,
    ResultsService,
    RecomputeService,
    ResultsEventsService,
    TrendsService,
  ],
})
export class ResultsModule {}
