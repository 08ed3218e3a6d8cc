import type { Type } from '@nestjs/common';
import { DueProcessModule } from './due-process/due-process.module';
import { InvitationRemindersModule } from './invitations/invitations.module';
import { MetricModule } from './metric/metric.module';
import { UniverseImportModule } from './universe/universe-import.module';
import { ValidatorMailModule } from './validators/validators.module';

/** Processor modules of the worker (metric recomputation, …). Each feature adds itself here. */
export const WORKER_FEATURES: Type<unknown>[] = [
  MetricModule,
  DueProcessModule,
  InvitationRemindersModule,
  UniverseImportModule,
  ValidatorMailModule,
];
