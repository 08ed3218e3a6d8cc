import type { Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { CosignModule } from './cosign/cosign.module';
import { FeedbackModule } from './feedback/feedback.module';
import { OperatorModule } from './operator/operator.module';
import { CitizensModule } from './citizens/citizens.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { DueProcessModule } from './due-process/due-process.module';
import { ExportsModule } from './exports/exports.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MailModule } from './mail/mail.module';
import { PrivacyModule } from './privacy/privacy.module';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
import { ResponsesModule } from './responses/responses.module';
import { ResultsModule } from './results/results.module';
import { RoundsModule } from './rounds/rounds.module';
import { SetupModule } from './setup/setup.module';
import { UniverseModule } from './universe/universe.module';

/**
 * Feature modules of the API, one per capability (rounds, universe, questionnaires, invitations,
 * responses, validators, results, exports, …). Each feature adds itself here.
 */
export const FEATURE_MODULES: Type<unknown>[] = [
  UniverseModule,
  QuestionnairesModule,
  RoundsModule,
  InvitationsModule,
  ResponsesModule,
  CitizensModule,
  ExportsModule,
  ResultsModule,
  AuditModule,
  PrivacyModule,
  DueProcessModule,
  MailModule,
  SetupModule,
  CommitmentsModule,
  CosignModule,
  OperatorModule,
  FeedbackModule,
];
