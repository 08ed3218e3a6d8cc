import type { JobOptions } from 'bull';
import {
  DEFAULT_JOB_OPTIONS,
  JOBS,
  QUEUES,
  QueueName,
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
  queue: QueueName;
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

/** Pure event → job mapping (the relay's routing table). */
export function jobForEvent(e: OutboxRecord): Mapping {
  switch (e.type) {
    case 'mail.invitation': {
      const p = strings(e.payload, ['invitationId']);
      const reminder = (e.payload as { reminder?: unknown } | null)?.reminder;
      if (!p || typeof reminder !== 'boolean') return malformed(e);
      const data: SendInvitationJob = { invitationId: p.invitationId, reminder, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendInvitation,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.verify-email': {
      const p = strings(e.payload, ['verificationId']);
      if (!p) return malformed(e);
      const data: SendVerificationJob = { verificationId: p.verificationId, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendVerification,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.refutation-notice': {
      const p = strings(e.payload, ['roundId', 'institutionId']);
      if (!p) return malformed(e);
      const data: SendRefutationNoticeJob = { roundId: p.roundId, institutionId: p.institutionId, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendRefutationNotice,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.password-reset': {
      const p = strings(e.payload, ['resetId']);
      if (!p) return malformed(e);
      const data: SendPasswordResetJob = { resetId: p.resetId, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendPasswordReset,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.staff-invite': {
      const p = strings(e.payload, ['staffInvitationId']);
      if (!p) return malformed(e);
      const data: SendStaffInviteJob = { staffInvitationId: p.staffInvitationId, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendStaffInvite,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.cosign-invite': {
      const p = strings(e.payload, ['cosignerId']);
      if (!p) return malformed(e);
      const raw = (e.payload as { staffInvitationId?: unknown }).staffInvitationId;
      if (raw !== undefined && typeof raw !== 'string') return malformed(e);
      const data: SendCosignInviteJob = { cosignerId: p.cosignerId, staffInvitationId: raw ?? null, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendCosignInvite,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.account-exists': {
      const p = strings(e.payload, ['userId']);
      if (!p) return malformed(e);
      const data: SendAccountNoticeJob = { userId: p.userId, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendAccountNotice,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.test': {
      const p = strings(e.payload, ['to', 'guarantorId']);
      if (!p) return malformed(e);
      const data: SendTestMailJob = { to: p.to, guarantorId: p.guarantorId, eventId: e.id };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendTestMail,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.validator-assignments':
    case 'mail.assignment-expiry':
    case 'mail.validator-digest': {
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
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendValidatorMail,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'mail.submission-receipt': {
      const p = strings(e.payload, ['invitationId', 'responseId']);
      const version = (e.payload as { version?: unknown } | null)?.version;
      if (!p || typeof version !== 'number' || !Number.isInteger(version) || version < 1) return malformed(e);
      const data: SendSubmissionReceiptJob = {
        invitationId: p.invitationId,
        responseId: p.responseId,
        version,
        eventId: e.id,
      };
      return {
        ok: true,
        job: {
          queue: QUEUES.mail,
          name: JOBS.sendSubmissionReceipt,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.mail(e.id) },
          debounced: false,
        },
      };
    }
    case 'response.submitted':
    case 'verdict.saved':
    case 'citizen-report.saved': {
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
    case 'round.recompute': {
      const p = strings(e.payload, ['roundId', 'runId']);
      if (!p) return malformed(e);
      const data: RecomputeRoundJob = { roundId: p.roundId, runId: p.runId };
      return {
        ok: true,
        job: {
          queue: QUEUES.metric,
          name: JOBS.recomputeRound,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.round(p.runId) },
          debounced: false,
        },
      };
    }
    case 'universe.import': {
      const p = strings(e.payload, ['importId']);
      if (!p) return malformed(e);
      const data: ImportUniverseJob = { importId: p.importId };
      return {
        ok: true,
        job: {
          queue: QUEUES.imports,
          name: JOBS.importUniverse,
          data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.universeImport(p.importId) },
          debounced: false,
        },
      };
    }
    default:
      return { ok: false, reason: `no job for event type ${e.type}` };
  }
}

/** Job id for a debounced event whose shared job can no longer absorb it. */
export const undebouncedJobId = (jobId: string, eventId: string): string => `${jobId}:${eventId}`;
