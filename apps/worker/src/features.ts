import type { Type } from '@nestjs/common';
import { MetricModule } from './metric/metric.module';

/** Processor modules of the worker (metric recomputation, …). Each feature adds itself here. */
export const WORKER_FEATURES: Type<unknown>[] = [MetricModule];
