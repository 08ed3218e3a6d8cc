import type { JobOptions } from 'bull';
import {
  DEFAULT_JOB_OPTIONS,
  JOBS,
  QUEUES,
  RelayQueueName,
  RECOMPUTE_DEBOUNCE_MS,
  RecomputeInstitutionJob,
  RecomputeRoundJob,
  SendInvitationJob,
  SendSubmissionReceiptJob,
  SendRefutationNoticeJob,
  SendAccountNoticeJob,
  SendPasswordResetJob,
  SendStaffInviteJob,
  SendCosignInviteJob,
  SendTestMailJob,
  SendVerificationJob,
  ImportUniverseJob,
  SendValidatorMailJob,
  jobIds,
} from './queues';

/** An outbox row as the relay reads it. */
export interface OutboxRecord {
  id: string;
  type: string;
  payload: unknown;
}

/** The Bull job an outbox event becomes. */
export interface JobSpec {
  queue: RelayQueueName;
  name: string;
  data:
    | SendInvitationJob
    | SendSubmissionReceiptJob
    | SendVerificationJob
    | SendRefutationNoticeJob
    | SendPasswordResetJob
    | SendStaffInviteJob
    | SendCosignInviteJob
    | SendAccountNoticeJob
    | SendTestMailJob
    | SendValidatorMailJob
    | RecomputeInstitutionJob
    | RecomputeRoundJob
    | ImportUniverseJob;
  opts: JobOptions & { jobId: string };
  /**
   * Debounced jobs share one deterministic id per subject, so a burst collapses into the job that is
   * still waiting. When that job is already running (or finished but kept), the relay adds this event
   * under `${jobId}:${eventId}` instead, or the change would be missed (see OutboxRelay).
   */
  debounced: boolean;
}

/** Either the job, or why the event cannot become one (unknown type, malformed payload). */
export type Mapping = { ok: true; job: JobSpec } | { ok: false; reason: string };

function strings<K extends string>(payload: unknown, keys: K[]): Record<K, string> | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = p[k];
    if (typeof v !== 'string' || v.length === 0) return null;
    out[k] = v;
  }
  return out;
}

const malformed = (e: OutboxRecord): Mapping => ({ ok: false, reason: `malformed payload for ${e.type}` });

/** A job that runs once per id (not debounced). */
const onceJob = (queue: RelayQueueName, name: string, data: JobSpec['data'], jobId: string): Mapping => ({
  ok: true,
  job: { queue, name, data, opts: { ...DEFAULT_JOB_OPTIONS, jobId }, debounced: false },
});

/** A mail job: one per event (its id is the event's). */
const mailJob = (name: string, data: JobSpec['data'], e: OutboxRecord): Mapping =>
  onceJob(QUEUES.mail, name, data, jobIds.mail(e.id));

/** A mail event whose payload is just one id, which the job carries under the same key. */
const singleIdMail =
  <K extends string>(key: K, name: string, build: (id: string, eventId: string) => JobSpec['data']) =>
  (e: OutboxRecord): Mapping => {
    const p = strings(e.payload, [key]);
    return p ? mailJob(name, build(p[key], e.id), e) : malformed(e);
  };

/** The three validator mails: new assignments (per user and round), an expiring assignment, a digest. */
function validatorMail(e: OutboxRecord): Mapping {
  const key =
    e.type === 'mail.validator-assignments'
      ? 'userId'
      : e.type === 'mail.assignment-expiry'
        ? 'assignmentId'
        : 'digestId';
  const p = strings(e.payload, [key]);
  if (!p) return malformed(e);
  const data: SendValidatorMailJob = {
    kind: e.type.slice(5) as SendValidatorMailJob['kind'],
    ref: p[key],
    eventId: e.id,
  };
  if (e.type === 'mail.validator-assignments') {
    const r = strings(e.payload, ['roundId']);
    const ids = (e.payload as { assignmentIds?: unknown } | null)?.assignmentIds;
    if (!r || !Array.isArray(ids) || ids.length === 0 || !ids.every((x): x is string => typeof x === 'string'))
      return malformed(e);
    data.roundId = r.roundId;
    data.assignmentIds = ids;
  }
  return mailJob(JOBS.sendValidatorMail, data, e);
}

/**
 * A change to one institution's inputs: its debounced recompute (one job id per institution, delayed,
 * so a burst of writes collapses into one computation).
 */
function institutionRecompute(e: OutboxRecord): Mapping {
  const p = strings(e.payload, ['roundId', 'institutionId']);
  if (!p) return malformed(e);
  const data: RecomputeInstitutionJob = { roundId: p.roundId, institutionId: p.institutionId };
  return {
    ok: true,
    job: {
      queue: QUEUES.metric,
      name: JOBS.recomputeInstitution,
      data,
      opts: {
        ...DEFAULT_JOB_OPTIONS,
        jobId: jobIds.institution(p.roundId, p.institutionId),
        delay: RECOMPUTE_DEBOUNCE_MS,
      },
      debounced: true,
    },
  };
}

/** The relay's routing table: event type → its job, or why the payload cannot become one. */
const ROUTES: Readonly<Record<string, (e: OutboxRecord) => Mapping>> = {
  'mail.invitation': (e) => {
    const p = strings(e.payload, ['invitationId']);
    const reminder = (e.payload as { reminder?: unknown } | null)?.reminder;
    if (!p || typeof reminder !== 'boolean') return malformed(e);
    const data: SendInvitationJob = { invitationId: p.invitationId, reminder, eventId: e.id };
    return mailJob(JOBS.sendInvitation, data, e);
  },
  'mail.verify-email': singleIdMail('verificationId', JOBS.sendVerification, (verificationId, eventId) => ({
    verificationId,
    eventId,
  })),
  'mail.refutation-notice': (e) => {
    const p = strings(e.payload, ['roundId', 'institutionId']);
    if (!p) return malformed(e);
    const data: SendRefutationNoticeJob = { roundId: p.roundId, institutionId: p.institutionId, eventId: e.id };
    return mailJob(JOBS.sendRefutationNotice, data, e);
  },
  'mail.password-reset': singleIdMail('resetId', JOBS.sendPasswordReset, (resetId, eventId): SendPasswordResetJob => ({
    resetId,
    eventId,
  })),
  'mail.staff-invite': singleIdMail(
    'staffInvitationId',
    JOBS.sendStaffInvite,
    (staffInvitationId, eventId): SendStaffInviteJob => ({ staffInvitationId, eventId }),
  ),
  'mail.cosign-invite': (e) => {
    const p = strings(e.payload, ['cosignerId']);
    if (!p) return malformed(e);
    const raw = (e.payload as { staffInvitationId?: unknown }).staffInvitationId;
    if (raw !== undefined && typeof raw !== 'string') return malformed(e);
    const data: SendCosignInviteJob = { cosignerId: p.cosignerId, staffInvitationId: raw ?? null, eventId: e.id };
    return mailJob(JOBS.sendCosignInvite, data, e);
  },
  'mail.account-exists': singleIdMail('userId', JOBS.sendAccountNotice, (userId, eventId): SendAccountNoticeJob => ({
    userId,
    eventId,
  })),
  'mail.test': (e) => {
    const p = strings(e.payload, ['to', 'guarantorId']);
    if (!p) return malformed(e);
    const data: SendTestMailJob = { to: p.to, guarantorId: p.guarantorId, eventId: e.id };
    return mailJob(JOBS.sendTestMail, data, e);
  },
  'mail.validator-assignments': validatorMail,
  'mail.assignment-expiry': validatorMail,
  'mail.validator-digest': validatorMail,
  'mail.submission-receipt': (e) => {
    const p = strings(e.payload, ['invitationId', 'responseId']);
    const version = (e.payload as { version?: unknown } | null)?.version;
    if (!p || typeof version !== 'number' || !Number.isInteger(version) || version < 1) return malformed(e);
    const data: SendSubmissionReceiptJob = {
      invitationId: p.invitationId,
      responseId: p.responseId,
      version,
      eventId: e.id,
    };
    return mailJob(JOBS.sendSubmissionReceipt, data, e);
  },
  'response.submitted': institutionRecompute,
  'verdict.saved': institutionRecompute,
  'citizen-report.saved': institutionRecompute,
  'round.recompute': (e) => {
    const p = strings(e.payload, ['roundId', 'runId']);
    if (!p) return malformed(e);
    const data: RecomputeRoundJob = { roundId: p.roundId, runId: p.runId };
    return onceJob(QUEUES.metric, JOBS.recomputeRound, data, jobIds.round(p.runId));
  },
  'universe.import': (e) => {
    const p = strings(e.payload, ['importId']);
    if (!p) return malformed(e);
    const data: ImportUniverseJob = { importId: p.importId };
    return onceJob(QUEUES.imports, JOBS.importUniverse, data, jobIds.universeImport(p.importId));
  },
};

/** Pure event → job mapping (the relay's routing table). */
export function jobForEvent(e: OutboxRecord): Mapping {
  const route = Object.hasOwn(ROUTES, e.type) ? ROUTES[e.type] : undefined;
  return route ? route(e) : { ok: false, reason: `no job for event type ${e.type}` };
}

/** Job id for a debounced event whose shared job can no longer absorb it. */
export const undebouncedJobId = (jobId: string, eventId: string): string => `${jobId}:${eventId}`;
