import { Module } from '@nestjs/common';
import { AreaRecomputeService } from './area-recompute.service';
import { AreaScheduler } from './area-scheduler';
import { InstitutionRecomputeService } from './institution-recompute.service';
import { MetricInputsRepository } from './metric-inputs.repository';
import { MetricResultsRepository } from './metric-results.repository';
import { MetricProcessor } from './metric.processor';
import { RankRepository } from './rank.repository';
import { RoundRecomputeService } from './round-recompute.service';

/** Metric recomputation: recompute-institution → recompute-area, and recompute-round (full rebuild). */
@Module({
  providers: [
    MetricInputsRepository,
    MetricResultsRepository,
    RankRepository,
    InstitutionRecomputeService,
    AreaRecomputeService,
    RoundRecomputeService,
    AreaScheduler,
    MetricProcessor,
  ],
})
export class MetricModule {}
