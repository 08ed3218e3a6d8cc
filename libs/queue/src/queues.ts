import type { JobOptions } from 'bull';

/** Queue names: the only place that knows them. */
export const QUEUES = {
  mail: 'mail',
  metric: 'metric',
  /** Universe imports: long, CPU-bound parses kept apart from mail and metric jobs. */
  imports: 'import',
  /**
   * Area jobs (recompute-area) apart from institution jobs: Bull adds up the concurrency of a queue's
   * named processors, so in one queue area jobs of a round could fill every slot a worker has and
   * keep institution jobs waiting for seconds (measured at 5–50 writes/s, bench/RESULTS.md 2026-12-07).
   * In their own queue a worker runs one at a time beside its institution jobs.
   */
  areas: 'metric-area',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

/**
 * The queues a worker process consumes, from its WORKER_QUEUES setting: every queue when the setting
 * is empty; otherwise the named ones, each known and at least one.
 */
export function consumedQueues(setting: string): { value: ReadonlySet<QueueName> } | { error: string } {
  const names = setting
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) {
    if (setting.trim() === '') return { value: new Set(QUEUE_NAMES) };
    return { error: `WORKER_QUEUES names no queue (known: ${QUEUE_NAMES.join(', ')})` };
  }
  const unknown = names.filter((n) => !(QUEUE_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0)
    return { error: `WORKER_QUEUES: unknown queue "${unknown[0]}" (known: ${QUEUE_NAMES.join(', ')})` };
  return { value: new Set(names as QueueName[]) };
}

/** The queues the outbox relay feeds; area jobs are scheduled by the worker after an institution job. */
export type RelayQueueName = Exclude<QueueName, typeof QUEUES.areas>;

/** Job names and typed payloads (ids only). */
export const JOBS = {
  sendInvitation: 'send-invitation',
  sendVerification: 'send-verification',
  sendPasswordReset: 'send-password-reset',
  sendStaffInvite: 'send-staff-invite',
  sendAccountNotice: 'send-account-notice',
  recomputeInstitution: 'recompute-institution',
  recomputeArea: 'recompute-area',
  recomputeRound: 'recompute-round',
  sendRefutationNotice: 'send-refutation-notice',
  sendTestMail: 'send-test-mail',
  sendSubmissionReceipt: 'send-submission-receipt',
  importUniverse: 'import-universe',
  sendValidatorMail: 'send-validator-mail',
  sendCosignInvite: 'send-cosign-invite',
} as const;

/** Issue #16: the optional mails to validators; `ref` is the user (assignments), assignment (expiry) or digest id. */
export type ValidatorMailKind = 'validator-assignments' | 'assignment-expiry' | 'validator-digest';
export interface SendValidatorMailJob {
  kind: ValidatorMailKind;
  ref: string;
  /** Round and new assignments of a 'validator-assignments' mail. */
  roundId?: string;
  assignmentIds?: string[];
  eventId: string;
}

export interface SendInvitationJob {
  invitationId: string;
  reminder: boolean;
  eventId: string;
}
export interface SendVerificationJob {
  verificationId: string;
  eventId: string;
}
export interface SendRefutationNoticeJob {
  roundId: string;
  institutionId: string;
  eventId: string;
}
export interface SendPasswordResetJob {
  resetId: string;
  eventId: string;
}
export interface SendStaffInviteJob {
  staffInvitationId: string;
  eventId: string;
}
/** Issue #18: a co-signer's invitation to a round (staffInvitationId when the account is new). */
export interface SendCosignInviteJob {
  cosignerId: string;
  staffInvitationId: string | null;
  eventId: string;
}
export interface SendAccountNoticeJob {
  userId: string;
  eventId: string;
}
/** A guarantor admin checks the mail set-up: one message to an address they chose. */
export interface SendTestMailJob {
  to: string;
  guarantorId: string;
  eventId: string;
}
/** The confirmation of one submitted version, sent to the invitation's address. */
export interface SendSubmissionReceiptJob {
  invitationId: string;
  responseId: string;
  version: number;
  eventId: string;
}
/** A universe_import row to carry out (its bytes are in universe_import_chunk). */
export interface ImportUniverseJob {
  importId: string;
}
export interface RecomputeInstitutionJob {
  roundId: string;
  institutionId: string;
}
export interface RecomputeAreaJob {
  roundId: string;
}
export interface RecomputeRoundJob {
  roundId: string;
  runId: string;
}

/**
 * Deliberate defaults (DESIGN.md): retries with exponential backoff, failed jobs kept for inspection,
 * completed ones dropped so Redis does not grow with history.
 */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/**
 * Debounce window for per-institution recomputes: bursts of edits become one job. Short, because the
 * worker gathers whatever arrives while a batch of the round runs into the next batch anyway (one
 * recompute for several edits of an institution); each millisecond here is one of every result's latency.
 */
export const RECOMPUTE_DEBOUNCE_MS = 50;

/** Deterministic job ids make duplicate deliveries collapse into one job while it is waiting. */
export const jobIds = {
  mail: (eventId: string): string => `mail:${eventId}`,
  institution: (roundId: string, institutionId: string): string => `inst:${roundId}:${institutionId}`,
  area: (roundId: string): string => `area:${roundId}`,
  round: (runId: string): string => `round:${runId}`,
  universeImport: (importId: string): string => `universe-import:${importId}`,
};
