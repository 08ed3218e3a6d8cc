import { Module } from '@nestjs/common';
import { AreaRecomputeService } from './area-recompute.service';
import { AreaScheduler } from './area-scheduler';
import { InstitutionJobs } from './institution-jobs';
import { InstitutionRecomputeService } from './institution-recompute.service';
import { MetricInputsRepository } from './metric-inputs.repository';
import { MetricResultsRepository } from './metric-results.repository';
import { RankRepository } from './rank.repository';
import { ResultWritePruneService } from './result-write-prune.service';
import { RoundRecomputeService } from './round-recompute.service';

/**
 * Metric recomputation: recompute-institution (in batches per round) → recompute-area, and
 * recompute-round (full rebuild);
 * and the upkeep of the result-write log the cached public reads count. The two processors are
 * registered by processors.ts where their queues are consumed.
 */
@Module({
  providers: [
    MetricInputsRepository,
    MetricResultsRepository,
    RankRepository,
    InstitutionRecomputeService,
    InstitutionJobs,
    AreaRecomputeService,
    RoundRecomputeService,
    AreaScheduler,
    ResultWritePruneService,
  ],
  exports: [InstitutionRecomputeService, InstitutionJobs, AreaRecomputeService, RoundRecomputeService, AreaScheduler],
})
export class MetricModule {}
