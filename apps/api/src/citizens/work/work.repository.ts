import { Injectable } from '@nestjs/common';
import type { AssignmentStatus, JsonObject, RoundStatus, VerdictValue } from '@apertura/db';
import { lockClause, queryOne, queryRows, type Queryable } from '../../common/persistence';
import type { VerdictRow } from '../assignments/assignments.rows';
import { toVerdictRecord, type VerdictRecord } from '../assignments/assignments.repository';
import type { CitizenReportRow, CompletionStateRow, VerdictContentRow, WorkAssignmentRow } from './work.rows';

/** An assignment of the validator with what every write checks about it and its round. */
export interface WorkAssignment {
  id: string;
  roundId: string;
  guarantorId: string;
  institutionId: string;
  validatorId: string;
  status: AssignmentStatus;
  expiresAt: Date;
  roundStatus: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  validationOpen: boolean;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
}

/** The content of a verdict (what an edit compares and audits). */
export interface VerdictContent {
  verdict: string;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  comment: string | null;
}

export interface VerdictWrite {
  roundId: string;
  institutionId: string;
  validatorId: string;
  questionName: string;
  verdict: VerdictValue;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  comment: string | null;
}

export interface CitizenReportRecord {
  id: string;
  data: JsonObject;
  updatedAt: Date;
}

/** What decides whether an assignment is complete: the self-report, the own report and own verdicts. */
export interface CompletionState {
  submitted: JsonObject | null;
  hasReport: boolean;
  verdictQuestions: string[];
}

export interface ValidatorEvidenceWrite {
  roundId: string;
  institutionId: string;
  uploaderUserId: string;
  questionName: string | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * A validator's work on an assignment in PostgreSQL: verdicts, the citizen report, the validator's
 * evidence files, the result baseline (validator_result_seen) and the assignment's completion.
 */
@Injectable()
export class WorkRepository {
  /**
   * The validator's assignment with its round (undefined when absent or someone else's). `forWrite`
   * locks the assignment row FOR UPDATE — serialising saves on it — and the round FOR KEY SHARE (it
   * must not disappear; a close of validation is not blocked).
   */
  async ownAssignment(
    m: Queryable,
    userId: string,
    assignmentId: string,
    forWrite = false,
  ): Promise<WorkAssignment | undefined> {
    const lock = forWrite ? `${lockClause('update', 'a')} ${lockClause('key_share', 'r')}` : '';
    const r = await queryOne<WorkAssignmentRow>(
      m,
      `SELECT a.id, a.round_id, r.guarantor_id, a.institution_id, a.validator_id, a.status, a.expires_at, r.status AS round_status, r.opens_at,
              r.closes_at, r.validation_open, r.institution_questionnaire_id, r.citizen_questionnaire_id
       FROM assignment a JOIN round r ON r.id = a.round_id
       WHERE a.id = $1 AND a.validator_id = $2 ${lock}`,
      [assignmentId, userId],
    );
    return (
      r && {
        id: r.id,
        roundId: r.round_id,
        guarantorId: r.guarantor_id,
        institutionId: r.institution_id,
        validatorId: r.validator_id,
        status: r.status,
        expiresAt: r.expires_at,
        roundStatus: r.round_status,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        validationOpen: r.validation_open,
        institutionQuestionnaireId: r.institution_questionnaire_id,
        citizenQuestionnaireId: r.citizen_questionnaire_id,
      }
    );
  }

  /** The validator declared a conflict of interest with the institution. */
  async hasConflict(m: Queryable, userId: string, institutionId: string): Promise<boolean> {
    const row = await queryOne<{ one: number }>(
      m,
      'SELECT 1 AS one FROM validator_conflict WHERE user_id = $1 AND institution_id = $2',
      [userId, institutionId],
    );
    return row !== undefined;
  }

  /** A questionnaire's definition (undefined when it does not exist). */
  async questionnaireDefinition(m: Queryable, questionnaireId: string): Promise<JsonObject | undefined> {
    const row = await queryOne<{ definition: JsonObject }>(m, 'SELECT definition FROM questionnaire WHERE id = $1', [
      questionnaireId,
    ]);
    return row?.definition;
  }

  /**
   * A questionnaire's checksum alone: with the id it keys the compiled validator, so the definition
   * is only read when that is not cached yet.
   */
  async questionnaireChecksum(m: Queryable, questionnaireId: string): Promise<string | undefined> {
    const row = await queryOne<{ checksum: string }>(m, 'SELECT checksum FROM questionnaire WHERE id = $1', [
      questionnaireId,
    ]);
    return row?.checksum;
  }

  /**
   * Issue #16: the institution's result as it stood when this validator first worked on it — the
   * "before" of their digest and history. Written once (later calls keep the first one).
   */
  async recordBaseline(m: Queryable, userId: string, roundId: string, institutionId: string): Promise<void> {
    await m.query(
      `INSERT INTO validator_result_seen (user_id, round_id, institution_id, estimate, status, first_estimate, first_status, seen_at)
       SELECT $1::uuid, $2::uuid, $3::uuid, mr.estimate, mr.status, mr.estimate, mr.status, now()
       FROM (SELECT 1) one
       LEFT JOIN metric_result mr ON mr.round_id = $2::uuid AND mr.scope = 'institution' AND mr.scope_key = ($3::uuid)::text
                                 AND mr.aggregation = 'unweighted' AND mr.indicator = 'I'
       ON CONFLICT (user_id, round_id, institution_id) DO NOTHING`,
      [userId, roundId, institutionId],
    );
  }

  /** Which of `ids` are evidence files the validator uploaded in the round. */
  async ownFileIds(m: Queryable, userId: string, roundId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await queryRows<{ id: string }>(
      m,
      'SELECT id FROM evidence_file WHERE id = ANY($1::uuid[]) AND uploader_user_id = $2 AND round_id = $3',
      [[...ids], userId, roundId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The validator's current verdict on one claim, if any. */
  async findVerdict(
    m: Queryable,
    roundId: string,
    validatorId: string,
    institutionId: string,
    questionName: string,
  ): Promise<VerdictContent | undefined> {
    const row = await queryOne<VerdictContentRow>(
      m,
      'SELECT verdict, evidence_url, evidence_file_id, comment FROM verdict WHERE round_id = $1 AND validator_id = $2 AND institution_id = $3 AND question_name = $4',
      [roundId, validatorId, institutionId, questionName],
    );
    return (
      row && {
        verdict: row.verdict,
        evidenceUrl: row.evidence_url,
        evidenceFileId: row.evidence_file_id,
        comment: row.comment,
      }
    );
  }

  /** Inserts or replaces a verdict: the unique index makes a repeat an update of the same row, also under concurrency. */
  async upsertVerdict(m: Queryable, v: VerdictWrite): Promise<VerdictRecord> {
    const [row] = await queryRows<VerdictRow>(
      m,
      `INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict, evidence_url, evidence_file_id, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (round_id, validator_id, institution_id, question_name) DO UPDATE
         SET verdict = EXCLUDED.verdict, evidence_url = EXCLUDED.evidence_url, evidence_file_id = EXCLUDED.evidence_file_id,
             comment = EXCLUDED.comment, updated_at = now()
       RETURNING id, round_id, institution_id, question_name, verdict, evidence_url, evidence_file_id, comment, updated_at`,
      [
        v.roundId,
        v.institutionId,
        v.validatorId,
        v.questionName,
        v.verdict,
        v.evidenceUrl,
        v.evidenceFileId,
        v.comment,
      ],
    );
    return toVerdictRecord(row);
  }

  /** METHOD.md §3.1: a new or changed refutation is (re)notified and its reply window starts anew. */
  async resetRefutationNotice(m: Queryable, verdictId: string): Promise<void> {
    await m.query(
      'UPDATE verdict SET notice_queued_at = NULL, notified_at = NULL, reply_window_closed_at = NULL WHERE id = $1',
      [verdictId],
    );
  }

  /** Inserts or replaces the validator's citizen report on the institution. */
  async upsertReport(
    m: Queryable,
    r: {
      roundId: string;
      institutionId: string;
      validatorId: string;
      questionnaireId: string;
      /** The validated answers (stored as jsonb). */
      data: Readonly<Record<string, unknown>>;
    },
  ): Promise<CitizenReportRecord> {
    const [row] = await queryRows<CitizenReportRow>(
      m,
      `INSERT INTO citizen_report (round_id, institution_id, validator_id, questionnaire_id, data)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (round_id, validator_id, institution_id) DO UPDATE
         SET data = EXCLUDED.data, questionnaire_id = EXCLUDED.questionnaire_id, updated_at = now()
       RETURNING id, data, updated_at`,
      [r.roundId, r.institutionId, r.validatorId, r.questionnaireId, JSON.stringify(r.data)],
    );
    return { id: row.id, data: row.data, updatedAt: row.updated_at };
  }

  async completionState(
    m: Queryable,
    roundId: string,
    institutionId: string,
    validatorId: string,
  ): Promise<CompletionState> {
    const row = await queryOne<CompletionStateRow>(
      m,
      `SELECT (SELECT submitted FROM response WHERE round_id = $1 AND institution_id = $2) AS submitted,
              EXISTS (SELECT 1 FROM citizen_report WHERE round_id = $1 AND institution_id = $2 AND validator_id = $3) AS has_report,
              ARRAY(SELECT question_name FROM verdict WHERE round_id = $1 AND institution_id = $2 AND validator_id = $3) AS verdicts`,
      [roundId, institutionId, validatorId],
    );
    if (!row) throw new Error('unexpected empty completion state');
    return { submitted: row.submitted, hasReport: row.has_report, verdictQuestions: row.verdicts };
  }

  async markCompleted(m: Queryable, assignmentId: string): Promise<void> {
    await m.query(`UPDATE assignment SET status = 'completed', updated_at = now() WHERE id = $1`, [assignmentId]);
  }

  /** How many files the validator uploaded about the institution in the round. */
  async countUploads(m: Queryable, roundId: string, institutionId: string, userId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(
      m,
      'SELECT count(*)::int AS n FROM evidence_file WHERE round_id = $1 AND institution_id = $2 AND uploader_user_id = $3',
      [roundId, institutionId, userId],
    );
    return row?.n ?? 0;
  }

  /**
   * Stores a validator's evidence file. institution_id says which institution it is about;
   * uploader_user_id marks it as a validator's file (institution queries all require uploader_user_id IS NULL).
   */
  async insertEvidence(m: Queryable, f: ValidatorEvidenceWrite): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      m,
      `INSERT INTO evidence_file (round_id, institution_id, uploader_user_id, question_name, filename, mime_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        f.roundId,
        f.institutionId,
        f.uploaderUserId,
        f.questionName,
        f.filename,
        f.mimeType,
        f.size,
        f.sha256,
        f.content,
      ],
    );
    return row.id;
  }

  /** The file is the institution's evidence in the round, or one the validator uploaded there. */
  async evidenceVisible(
    m: Queryable,
    fileId: string,
    roundId: string,
    institutionId: string,
    userId: string,
  ): Promise<boolean> {
    const row = await queryOne<{ one: number }>(
      m,
      `SELECT 1 AS one FROM evidence_file WHERE id = $1 AND round_id = $2 AND institution_id = $3
         AND (uploader_user_id IS NULL OR uploader_user_id = $4)`,
      [fileId, roundId, institutionId, userId],
    );
    return row !== undefined;
  }
}
