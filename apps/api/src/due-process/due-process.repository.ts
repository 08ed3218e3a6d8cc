import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPLY_DEADLINE_SQL, VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db';
import type { DisputeStatus, VerdictStanding } from '@apertura/db';
import { queryOne, queryRows, type Queryable } from '../common/persistence';
import type {
  DisputeRow,
  LockedDisputeRow,
  LockedRefutationRow,
  QueueRow,
  RefutationRow,
  StandingSummaryRow,
  VerdictCountsRow,
} from './due-process.rows';
import type { ValidatorVerdictCounts } from './outliers';

const DISPUTE_COLUMNS = `d.id AS d_id, d.text AS d_text, d.evidence_url AS d_evidence_url, d.evidence_file_id AS d_evidence_file_id,
  d.status AS d_status, d.decision_reason AS d_decision_reason, d.decided_at AS d_decided_at, d.created_at AS d_created_at`;

export interface DisputeRecord {
  id: string;
  text: string;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  status: DisputeStatus;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** A notified refutation of one of the institution's claims, with its standing and dispute. */
export interface Refutation {
  verdictId: string;
  questionName: string;
  /** Issue #18: set when the refuted claim is a commitment milestone (claim kind `milestone`). */
  milestoneTitle: string | null;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  comment: string | null;
  notifiedAt: Date;
  replyDeadline: Date;
  standing: VerdictStanding;
  dispute: DisputeRecord | null;
}

/** A dispute in the guarantor's queue, with the refutation it answers. */
export interface QueuedDispute {
  dispute: DisputeRecord;
  verdictId: string;
  institutionId: string;
  institutionName: string;
  questionName: string;
  milestoneTitle: string | null;
  refutationEvidenceUrl: string | null;
  refutationEvidenceFileId: string | null;
  refutationComment: string | null;
  validatorPseudonym: string;
  notifiedAt: Date;
}

/** Refutations of a round by standing (METHOD.md §3.1). */
export interface StandingSummary {
  notNotified: number;
  pending: number;
  disputed: number;
  counted: number;
  overturned: number;
}

export interface LockedRefutation {
  id: string;
  replyDeadline: Date;
  guarantorId: string;
  /** Whether the reply window is still open, by the database clock. */
  open: boolean;
}

export interface LockedDispute {
  id: string;
  status: DisputeStatus;
  verdictId: string;
  institutionId: string;
}

function toDispute(r: DisputeRow): DisputeRecord | null {
  if (r.d_id === null || r.d_text === null || r.d_status === null || r.d_created_at === null) return null;
  return {
    id: r.d_id,
    text: r.d_text,
    evidenceUrl: r.d_evidence_url,
    evidenceFileId: r.d_evidence_file_id,
    status: r.d_status,
    decisionReason: r.d_decision_reason,
    decidedAt: r.d_decided_at,
    createdAt: r.d_created_at,
  };
}

/**
 * Refutations, disputes and verdict counts in PostgreSQL. Standing is computed by the one SQL
 * definition in libs/db (verdict-standing.ts) that the worker also uses, so what a page says is what counts.
 */
@Injectable()
export class DueProcessRepository {
  /** The notified refutations of an institution's claims in a round. */
  async refutations(q: Queryable, roundId: string, institutionId: string): Promise<Refutation[]> {
    const rows = await queryRows<RefutationRow>(
      q,
      `SELECT v.id, v.question_name, ms.title AS milestone_title, v.evidence_url, v.evidence_file_id, v.comment, v.notified_at,
              ${REPLY_DEADLINE_SQL} AS deadline, ${VERDICT_STANDING_SQL} AS standing, ${DISPUTE_COLUMNS}
       FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
       LEFT JOIN commitment_milestone ms ON ms.id = v.milestone_id
       WHERE v.round_id = $1 AND v.institution_id = $2 AND v.verdict = 'refuted' AND v.notified_at IS NOT NULL
       ORDER BY v.question_name, v.notified_at, v.id`,
      [roundId, institutionId],
    );
    return rows.map((r) => ({
      verdictId: r.id,
      questionName: r.question_name,
      milestoneTitle: r.milestone_title,
      evidenceUrl: r.evidence_url,
      evidenceFileId: r.evidence_file_id,
      comment: r.comment,
      notifiedAt: r.notified_at,
      replyDeadline: r.deadline,
      standing: r.standing,
      dispute: toDispute(r),
    }));
  }

  /** The validator's evidence file of a notified refutation of the institution (null: none or no such refutation). */
  async refutationEvidenceFileId(
    q: Queryable,
    verdictId: string,
    roundId: string,
    institutionId: string,
  ): Promise<string | null> {
    const row = await queryOne<{ evidence_file_id: string | null }>(
      q,
      `SELECT evidence_file_id FROM verdict WHERE id = $1 AND round_id = $2 AND institution_id = $3 AND verdict = 'refuted' AND notified_at IS NOT NULL`,
      [verdictId, roundId, institutionId],
    );
    return row?.evidence_file_id ?? null;
  }

  /**
   * Row-locks a notified refutation of the institution: the lock serialises a dispute with the
   * validator's edits and with the sweep's window closing.
   */
  async lockRefutation(
    m: EntityManager,
    verdictId: string,
    roundId: string,
    institutionId: string,
  ): Promise<LockedRefutation | undefined> {
    const v = await queryOne<LockedRefutationRow>(
      m,
      `SELECT v.id, ${REPLY_DEADLINE_SQL} AS deadline, r.guarantor_id, ${REPLY_DEADLINE_SQL} > now() AS open
       FROM verdict v JOIN round r ON r.id = v.round_id
       WHERE v.id = $1 AND v.round_id = $2 AND v.institution_id = $3 AND v.verdict = 'refuted' AND v.notified_at IS NOT NULL
       FOR UPDATE OF v`,
      [verdictId, roundId, institutionId],
    );
    return v ? { id: v.id, replyDeadline: v.deadline, guarantorId: v.guarantor_id, open: v.open } : undefined;
  }

  /** Whether the refutation, as currently notified, already has a dispute. */
  async hasDispute(m: EntityManager, verdictId: string): Promise<boolean> {
    // Compared in SQL: a JS Date would drop the microseconds of notified_at.
    const rows = await queryRows(
      m,
      'SELECT 1 FROM verdict_dispute d JOIN verdict v ON v.id = d.verdict_id AND d.notified_at = v.notified_at WHERE v.id = $1',
      [verdictId],
    );
    return rows.length > 0;
  }

  /** Whether a file is the institution's own upload in this round (validators' files have an uploader). */
  async isInstitutionFile(m: EntityManager, fileId: string, roundId: string, institutionId: string): Promise<boolean> {
    const rows = await queryRows(
      m,
      'SELECT 1 FROM evidence_file WHERE id = $1 AND round_id = $2 AND institution_id = $3 AND uploader_user_id IS NULL',
      [fileId, roundId, institutionId],
    );
    return rows.length > 0;
  }

  /** Disputes the refutation as notified now; returns the dispute id. */
  async insertDispute(
    m: EntityManager,
    verdictId: string,
    d: { text: string; evidenceUrl: string | null; evidenceFileId: string | null },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      m,
      `INSERT INTO verdict_dispute (verdict_id, round_id, institution_id, notified_at, text, evidence_url, evidence_file_id)
       SELECT v.id, v.round_id, v.institution_id, v.notified_at, $2, $3, $4 FROM verdict v WHERE v.id = $1 RETURNING id`,
      [verdictId, d.text, d.evidenceUrl, d.evidenceFileId],
    );
    return row.id;
  }

  /** A page of the round's open (or decided) disputes, oldest first (decided: newest decision first). */
  async queue(
    q: Queryable,
    roundId: string,
    decided: boolean,
    limit: number,
    offset: number,
  ): Promise<{ items: QueuedDispute[]; total: number }> {
    const rows = await queryRows<QueueRow>(
      q,
      `SELECT v.id AS verdict_id, v.institution_id, i.name AS institution_name, v.question_name, ms.title AS milestone_title,
              v.evidence_url, v.evidence_file_id, v.comment, p.pseudonym, d.notified_at, ${DISPUTE_COLUMNS}, count(*) OVER ()::int AS total
       FROM verdict_dispute d JOIN verdict v ON v.id = d.verdict_id JOIN institution i ON i.id = v.institution_id
       LEFT JOIN commitment_milestone ms ON ms.id = v.milestone_id
       JOIN validator_profile p ON p.user_id = v.validator_id
       WHERE d.round_id = $1 AND ${decided ? `d.status <> 'open'` : `d.status = 'open'`}
       ORDER BY ${decided ? 'd.decided_at DESC' : 'd.created_at'}, d.id LIMIT $2 OFFSET $3`,
      [roundId, limit, offset],
    );
    return {
      items: rows.map((r) => ({
        // The join is on verdict_dispute: every row has its dispute.
        dispute: toDispute(r) as DisputeRecord,
        verdictId: r.verdict_id,
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        questionName: r.question_name,
        milestoneTitle: r.milestone_title,
        refutationEvidenceUrl: r.evidence_url,
        refutationEvidenceFileId: r.evidence_file_id,
        refutationComment: r.comment,
        validatorPseudonym: r.pseudonym,
        notifiedAt: r.notified_at,
      })),
      total: rows[0]?.total ?? 0,
    };
  }

  async standingSummary(q: Queryable, roundId: string): Promise<StandingSummary> {
    const [s] = await queryRows<StandingSummaryRow>(
      q,
      `SELECT count(*) FILTER (WHERE v.notified_at IS NULL)::int AS not_notified,
              count(*) FILTER (WHERE v.notified_at IS NOT NULL AND st = 'pending')::int AS pending,
              count(*) FILTER (WHERE st = 'disputed')::int AS disputed,
              count(*) FILTER (WHERE st = 'counted')::int AS counted,
              count(*) FILTER (WHERE st = 'overturned')::int AS overturned
       FROM (SELECT v.notified_at, ${VERDICT_STANDING_SQL} AS st FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
             WHERE v.round_id = $1 AND v.verdict = 'refuted') v`,
      [roundId],
    );
    return {
      notNotified: s.not_notified,
      pending: s.pending,
      disputed: s.disputed,
      counted: s.counted,
      overturned: s.overturned,
    };
  }

  /** The definition of the round's institution questionnaire (undefined: no such round). */
  async institutionQuestionnaire(q: Queryable, roundId: string): Promise<unknown> {
    const row = await queryOne<{ definition: unknown }>(
      q,
      'SELECT q.definition FROM round r JOIN questionnaire q ON q.id = r.institution_questionnaire_id WHERE r.id = $1',
      [roundId],
    );
    return row?.definition;
  }

  /** Row-locks a dispute of the round (undefined: none such). */
  async lockDispute(m: EntityManager, disputeId: string, roundId: string): Promise<LockedDispute | undefined> {
    const d = await queryOne<LockedDisputeRow>(
      m,
      'SELECT id, status, verdict_id, institution_id FROM verdict_dispute WHERE id = $1 AND round_id = $2 FOR UPDATE',
      [disputeId, roundId],
    );
    return d ? { id: d.id, status: d.status, verdictId: d.verdict_id, institutionId: d.institution_id } : undefined;
  }

  /** Records the guarantor's decision; returns the dispute as stored. */
  async decide(
    m: EntityManager,
    disputeId: string,
    decision: { status: DisputeStatus; reason: string; decidedBy: string },
  ): Promise<DisputeRecord> {
    await m.query(
      'UPDATE verdict_dispute SET status = $2, decision_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1',
      [disputeId, decision.status, decision.reason, decision.decidedBy],
    );
    const [row] = await queryRows<DisputeRow>(m, `SELECT ${DISPUTE_COLUMNS} FROM verdict_dispute d WHERE d.id = $1`, [
      disputeId,
    ]);
    return toDispute(row) as DisputeRecord;
  }

  /** Confirmations and refutations per validator and municipality of the round (input of the outlier test). */
  async verdictCounts(q: Queryable, roundId: string): Promise<ValidatorVerdictCounts[]> {
    const rows = await queryRows<VerdictCountsRow>(
      q,
      `SELECT v.validator_id, p.pseudonym, i.cvegeo,
              count(*) FILTER (WHERE v.verdict = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE v.verdict = 'refuted')::int AS refuted
       FROM verdict v JOIN institution i ON i.id = v.institution_id JOIN validator_profile p ON p.user_id = v.validator_id
       WHERE v.round_id = $1 AND v.verdict IN ('confirmed', 'refuted')
       GROUP BY v.validator_id, p.pseudonym, i.cvegeo ORDER BY v.validator_id, i.cvegeo`,
      [roundId],
    );
    return rows.map((r) => ({
      validatorId: r.validator_id,
      pseudonym: r.pseudonym,
      cvegeo: r.cvegeo,
      confirmed: r.confirmed,
      refuted: r.refuted,
    }));
  }
}
