import { Initial1763800000000 } from './1763800000000-initial';
import { InvitationsMail1763800200000 } from './1763800200000-invitations-mail';
import { ResponseEvidence1763800300000 } from './1763800300000-response-evidence';
import { MetricResults1763800500000 } from './1763800500000-metric-results';
import { AuditLogNoTruncate1763800700000 } from './1763800700000-audit-log-no-truncate';
import { LeanResultStorage1764600000000 } from './1764600000000-lean-result-storage';
import { Apertura21765000000000 } from './1765000000000-apertura-2';
import { AccountSecurity1765000100000 } from './1765000100000-account-security';
import { DueProcess1765000200000 } from './1765000200000-due-process';
import { PublishRebuild1765000230000 } from './1765000230000-publish-rebuild';
import { MailTracking1765000300000 } from './1765000300000-mail-tracking';
import { InvitationReminders1765000400000 } from './1765000400000-invitation-reminders';
import { UniverseImportJobs1765000420000 } from './1765000420000-universe-import-jobs';
import { RoundPseudonymSalt1765000470000 } from './1765000470000-round-pseudonym-salt';
import { UniverseRetire1765000500000 } from './1765000500000-universe-retire';
import { FirstRunSetup1765000510000 } from './1765000510000-first-run-setup';
import { StaffPeople1765000520000 } from './1765000520000-staff-people';
import { MailResend1765000530000 } from './1765000530000-mail-resend';
import { ResultsChanged1765000560000 } from './1765000560000-results-changed';
import { SubmissionReceipt1765000600000 } from './1765000600000-submission-receipt';
import { ValidatorMail1765000610000 } from './1765000610000-validator-mail';
import { ScoredAnswers1765000700000 } from './1765000700000-scored-answers';
import { Commitments1765000710000 } from './1765000710000-commitments';
import { CosignFeedback1765000720000 } from './1765000720000-cosign-feedback';
import { ValidatorDemographics1765000730000 } from './1765000730000-validator-demographics';
import { ValidatorClusterValues1765000740000 } from './1765000740000-validator-cluster-values';
import { ClusterValuesBesideResult1765100000000 } from './1765100000000-cluster-values-beside-result';
import { ResultFillfactor1765200000000 } from './1765200000000-result-fillfactor';
import { ResultWriteLog1765300000000 } from './1765300000000-result-write-log';
import { RoundDistributionCache1765300000001 } from './1765300000001-round-distribution-cache';
import { RoundAreaWrite1765400000000 } from './1765400000000-round-area-write';
import { ResultWritePruned1765400000001 } from './1765400000001-result-write-pruned';
import { InstitutionResultPooledKey1765500000000 } from './1765500000000-institution-result-pooled-key';
import { RoundInstitutionValues1765600000000 } from './1765600000000-round-institution-values';
import { RoundReweightCache1765600000001 } from './1765600000001-round-reweight-cache';

/** Ordered list of migrations (explicit so builds and tests load the same set). */
export const MIGRATIONS = [
  Initial1763800000000,
  InvitationsMail1763800200000,
  ResponseEvidence1763800300000,
  MetricResults1763800500000,
  AuditLogNoTruncate1763800700000,
  LeanResultStorage1764600000000,
  Apertura21765000000000,
  AccountSecurity1765000100000,
  DueProcess1765000200000,
  PublishRebuild1765000230000,
  MailTracking1765000300000,
  InvitationReminders1765000400000,
  UniverseImportJobs1765000420000,
  RoundPseudonymSalt1765000470000,
  UniverseRetire1765000500000,
  FirstRunSetup1765000510000,
  StaffPeople1765000520000,
  MailResend1765000530000,
  ResultsChanged1765000560000,
  SubmissionReceipt1765000600000,
  ValidatorMail1765000610000,
  ScoredAnswers1765000700000,
  Commitments1765000710000,
  CosignFeedback1765000720000,
  ValidatorDemographics1765000730000,
  ValidatorClusterValues1765000740000,
  ClusterValuesBesideResult1765100000000,
  ResultFillfactor1765200000000,
  ResultWriteLog1765300000000,
  RoundDistributionCache1765300000001,
  RoundAreaWrite1765400000000,
  ResultWritePruned1765400000001,
  InstitutionResultPooledKey1765500000000,
  RoundInstitutionValues1765600000000,
  RoundReweightCache1765600000001,
];
