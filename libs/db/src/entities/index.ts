export * from './json';
import { AuditLogEntity } from './audit-log.entity';
import { VerdictDisputeEntity } from './due-process.entity';
import { GuarantorEntity } from './guarantor.entity';
import { InstitutionEntity } from './institution.entity';
import { InvitationEntity, MailCaptureEntity, MailDeliveryEntity, MailTemplateEntity } from './invitation.entity';
import {
  InstitutionResultEntity,
  MetricPoolEntity,
  MetricRankEntity,
  MetricResultEntity,
  RecomputeRunEntity,
} from './metric-result.entity';
import { MunicipalityEntity } from './municipality.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { QuestionnaireEntity } from './questionnaire.entity';
import { EvidenceFileEntity, ResponseEntity, ResponseVersionEntity } from './response.entity';
import { RoundEntity, RoundInstitutionEntity } from './round.entity';
import { UserEntity } from './user.entity';
import { AssignmentEntity, CitizenReportEntity, VerdictEntity } from './validation.entity';
import { EmailVerificationEntity, ValidatorConflictEntity, ValidatorProfileEntity } from './validator.entity';

export * from './audit-log.entity';
export * from './due-process.entity';
export * from './guarantor.entity';
export * from './institution.entity';
export * from './invitation.entity';
export * from './metric-result.entity';
export * from './municipality.entity';
export * from './outbox-event.entity';
export * from './questionnaire.entity';
export * from './response.entity';
export * from './round.entity';
export * from './user.entity';
export * from './validation.entity';
export * from './validator.entity';

/** Every entity, for DataSource options (explicit list: no globbing, works from ts and dist alike). */
export const ENTITIES = [
  AuditLogEntity,
  GuarantorEntity,
  InstitutionEntity,
  InvitationEntity,
  MailDeliveryEntity,
  MailCaptureEntity,
  MailTemplateEntity,
  MetricResultEntity,
  MetricRankEntity,
  MetricPoolEntity,
  RecomputeRunEntity,
  InstitutionResultEntity,
  MunicipalityEntity,
  OutboxEventEntity,
  QuestionnaireEntity,
  ResponseEntity,
  ResponseVersionEntity,
  EvidenceFileEntity,
  RoundEntity,
  RoundInstitutionEntity,
  UserEntity,
  AssignmentEntity,
  CitizenReportEntity,
  VerdictEntity,
  EmailVerificationEntity,
  ValidatorConflictEntity,
  ValidatorProfileEntity,
  VerdictDisputeEntity,
];
