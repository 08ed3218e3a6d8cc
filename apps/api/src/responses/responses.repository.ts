import { Injectable } from '@nestjs/common';
import type { JsonObject, ResponseStatus, RoundStatus } from '@apertura/db';
import { VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db';
import {
  lockClause,
  mutateReturningOne,
  queryOne,
  queryRows,
  type Queryable,
  type RowLock,
} from '../common/persistence';
import { validatorPseudonymSql } from '../common/pseudonym';
import type { RoundWindow } from '../common/rounds/round-window';
import type { ResponseState } from './dto/respond.dto';
import type { ResponseInstitutionDto } from './dto/staff-responses.dto';
import type {
  ClaimVerdictRow,
  DraftSavedRow,
  KeyedVersionRow,
  MemberDetailRow,
  MemberInstitutionRow,
  MemberResponseRow,
  PreviousSubmissionRow,
  RespondContextRow,
  ResponseHeadRow,
  RoundQuestionnaireRow,
  SubmittedCopyRow,
  VersionDataRow,
  VersionHistoryRow,
  VersionSnapshotRow,
  VersionSummaryRow,
} from './responses.rows';

/** What the respondent's page opens with; `response` fields are null while nothing was saved. */
export interface RespondContextRecord {
  round: { id: string; name: string; status: RoundStatus; opensAt: Date; closesAt: Date; synthetic: boolean };
  /** The database clock (now()) the read-only flag is judged by. */
  now: Date;
  institution: {
    id: string;
    name: string;
    type: string;
    level: string;
    cvegeo: string;
    municipality: string | null;
    state: string | null;
  };
  questionnaire: { id: string; version: number; definition: JsonObject };
  response: {
    status: ResponseStatus | null;
    draft: JsonObject | null;
    currentPage: number | null;
    version: number | null;
    submittedAt: Date | null;
    submitted: JsonObject | null;
  };
}

/** The round's institution questionnaire (its checksum keys the compiled-validator cache) and window. */
export interface RoundQuestionnaireRecord {
  id: string;
  version: number;
  checksum: string;
  window: RoundWindow;
  /** The database clock (clock_timestamp()), the one clock every window check uses. */
  now: Date;
}

/** The response row's id and its latest submitted version (0 before the first submission). */
export interface ResponseHead {
  id: string;
  version: number;
}

export interface VersionSummary {
  version: number;
  submittedAt: Date;
  cleared: string[];
}

/** One submitted version of a response: its answers and when they came. */
export interface VersionData {
  responseId: string;
  version: number;
  submittedAt: Date;
  data: JsonObject;
}

/** A stored version found by its idempotency key (what a replayed submission is answered with). */
export interface KeyedVersion extends VersionData {
  cleared: string[];
}

export interface NewVersion {
  responseId: string;
  version: number;
  idempotencyKey: string;
  data: JsonObject;
  cleared: string[];
  evidence: JsonObject[];
  questionnaireId: string;
}

export interface SubmittedCopyRecord extends VersionData {
  /** The evidence snapshot the version recorded (null for versions written before snapshots). */
  evidence: JsonObject[] | null;
  definition: JsonObject;
  roundName: string;
  institutionName: string;
}

export interface PreviousSubmission {
  roundId: string;
  roundName: string;
  submittedAt: Date;
  submitted: JsonObject;
}

/** An institution of a round as staff see it: exactly the API's ResponseInstitutionDto. */
export type MemberInstitution = ResponseInstitutionDto;

export interface MemberResponse {
  institution: MemberInstitution;
  status: ResponseState;
  version: number;
  submittedAt: Date | null;
}

/** An institution of a round with its response (fields null without one) and the questionnaire it answers. */
export interface MemberDetail {
  institution: MemberInstitution;
  responseId: string | null;
  status: ResponseStatus | null;
  version: number | null;
  submittedAt: Date | null;
  submitted: JsonObject | null;
  questionnaireVersion: number | null;
  definition: unknown;
}

export interface VersionHistoryItem extends VersionSummary {
  data: JsonObject;
  evidenceCount: number;
}

export interface VersionSnapshot extends VersionData {
  cleared: string[];
  evidence: JsonObject[];
}

/** A verdict on one of the institution's claims, its validator under the per-round pseudonym. */
export interface ClaimVerdict {
  questionName: string;
  validator: string;
  verdict: string;
  standing: string;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  comment: string | null;
  createdAt: Date;
}

const toSummary = (r: VersionSummaryRow): VersionSummary => ({
  version: r.version,
  submittedAt: r.submitted_at,
  cleared: r.cleared,
});

const toVersionData = (r: VersionDataRow): VersionData => ({
  responseId: r.response_id,
  version: r.version,
  submittedAt: r.submitted_at,
  data: r.data,
});

const toPreviousSubmission = (r: PreviousSubmissionRow): PreviousSubmission => ({
  roundId: r.round_id,
  roundName: r.round_name,
  submittedAt: r.submitted_at,
  submitted: r.submitted,
});

const toMemberInstitution = (r: MemberInstitutionRow): MemberInstitution => ({
  id: r.id,
  name: r.name,
  type: r.type,
  level: r.level,
  cveEnt: r.cve_ent,
  cvegeo: r.cvegeo,
});

/**
 * Institutions of a round: its frozen universe, plus any institution with an invitation or a
 * response (a round whose universe is not frozen yet still shows who answered). Parameter $1: round.
 */
const ROUND_MEMBERS = `(SELECT institution_id FROM round_institution WHERE round_id = $1
  UNION SELECT institution_id FROM invitation WHERE round_id = $1
  UNION SELECT institution_id FROM response WHERE round_id = $1)`;

const STATUS = `coalesce(r.status, 'none')`;

/**
 * The self-report aggregate in PostgreSQL: an institution's response to a round (working copy and
 * latest submission) and its response_version history, read by the respondent (invitation link)
 * and by the guarantor's staff (with the verdicts on its claims).
 */
@Injectable()
export class ResponsesRepository {
  // ── Respondent ──────────────────────────────────────────────────────────────────────────────

  async context(m: Queryable, roundId: string, institutionId: string): Promise<RespondContextRecord | undefined> {
    const r = await queryOne<RespondContextRow>(
      m,
      `SELECT ro.id AS round_id, ro.name AS round_name, ro.status AS round_status, ro.opens_at, ro.closes_at, ro.synthetic, now() AS now,
              i.id AS institution_id, i.name AS institution_name, i.type, i.level, i.cvegeo, mu.nom_mun AS municipality, mu.nom_ent AS state,
              q.id AS questionnaire_id, q.version AS questionnaire_version, q.definition,
              r.status AS response_status, r.draft, r.current_page, r.version, r.submitted_at, r.submitted
       FROM round ro
       JOIN institution i ON i.id = $2
       LEFT JOIN municipality mu ON mu.cvegeo = i.cvegeo
       JOIN questionnaire q ON q.id = ro.institution_questionnaire_id
       LEFT JOIN response r ON r.round_id = ro.id AND r.institution_id = i.id
       WHERE ro.id = $1`,
      [roundId, institutionId],
    );
    if (!r) return undefined;
    return {
      round: {
        id: r.round_id,
        name: r.round_name,
        status: r.round_status,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        synthetic: r.synthetic,
      },
      now: r.now,
      institution: {
        id: r.institution_id,
        name: r.institution_name,
        type: r.type,
        level: r.level,
        cvegeo: r.cvegeo,
        municipality: r.municipality,
        state: r.state,
      },
      questionnaire: { id: r.questionnaire_id, version: r.questionnaire_version, definition: r.definition },
      response: {
        status: r.response_status,
        draft: r.draft,
        currentPage: r.current_page,
        version: r.version,
        submittedAt: r.submitted_at,
        submitted: r.submitted,
      },
    };
  }

  /** The round's questionnaire and window, without the definition (the validator cache usually has it). */
  async roundQuestionnaire(m: Queryable, roundId: string): Promise<RoundQuestionnaireRecord | undefined> {
    const r = await queryOne<RoundQuestionnaireRow>(
      m,
      `SELECT q.id, q.version, q.checksum, r.status, r.opens_at, r.closes_at, clock_timestamp() AS now
       FROM round r JOIN questionnaire q ON q.id = r.institution_questionnaire_id WHERE r.id = $1`,
      [roundId],
    );
    return (
      r && {
        id: r.id,
        version: r.version,
        checksum: r.checksum,
        window: { status: r.status, opensAt: r.opens_at, closesAt: r.closes_at },
        now: r.now,
      }
    );
  }

  async questionnaireDefinition(m: Queryable, questionnaireId: string): Promise<JsonObject> {
    const r = await queryOne<{ definition: JsonObject }>(m, 'SELECT definition FROM questionnaire WHERE id = $1', [
      questionnaireId,
    ]);
    if (!r) throw new Error(`questionnaire ${questionnaireId} not found`);
    return r.definition;
  }

  /**
   * Writes the working copy, creating the response row on the first save. A submitted response keeps
   * its status: the draft is then the working copy of an amendment.
   */
  async saveDraft(
    m: Queryable,
    d: { roundId: string; institutionId: string; questionnaireId: string; draft: JsonObject; currentPage: number },
  ): Promise<{ savedAt: Date; currentPage: number }> {
    const r = await mutateReturningOne<DraftSavedRow>(
      m,
      `INSERT INTO response (round_id, institution_id, questionnaire_id, draft, current_page)
       VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (round_id, institution_id) DO UPDATE
         SET draft = EXCLUDED.draft, current_page = EXCLUDED.current_page, updated_at = now()
       RETURNING updated_at, current_page`,
      [d.roundId, d.institutionId, d.questionnaireId, JSON.stringify(d.draft), d.currentPage],
    );
    if (!r) throw new Error('response upsert returned no row');
    return { savedAt: r.updated_at, currentPage: r.current_page };
  }

  /**
   * Creates the empty response row unless there is one. Two first submits at once: the second
   * INSERT waits for the first to commit, then does nothing.
   */
  async ensureResponse(m: Queryable, roundId: string, institutionId: string, questionnaireId: string): Promise<void> {
    await m.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id) VALUES ($1, $2, $3) ON CONFLICT (round_id, institution_id) DO NOTHING`,
      [roundId, institutionId, questionnaireId],
    );
  }

  /**
   * The institution's response row, optionally locked (`update` serialises the submissions of one
   * institution: the lock a submission holds until it commits).
   */
  async head(m: Queryable, roundId: string, institutionId: string, lock?: RowLock): Promise<ResponseHead | undefined> {
    return queryOne<ResponseHeadRow>(
      m,
      `SELECT id, version FROM response WHERE round_id = $1 AND institution_id = $2 ${lockClause(lock)}`,
      [roundId, institutionId],
    );
  }

  /** The version stored under an idempotency key (keys are global, not per institution). */
  async versionByKey(m: Queryable, key: string): Promise<KeyedVersion | undefined> {
    const r = await queryOne<KeyedVersionRow>(
      m,
      'SELECT response_id, version, data, cleared, submitted_at FROM response_version WHERE idempotency_key = $1',
      [key],
    );
    return r && { ...toVersionData(r), cleared: r.cleared };
  }

  /**
   * Inserts the version and makes it the response's submitted state in one statement (one round
   * trip; a reused key still fails on the idempotency index, inside the CTE). Returns submitted_at.
   */
  async insertVersion(m: Queryable, v: NewVersion): Promise<Date> {
    const data = JSON.stringify(v.data);
    const r = await mutateReturningOne<{ submitted_at: Date }>(
      m,
      `WITH v AS (
         INSERT INTO response_version (response_id, version, idempotency_key, data, cleared, evidence)
         VALUES ($1, $2, $3, $4::jsonb, $5::text[], $6::jsonb) RETURNING submitted_at
       )
       UPDATE response SET status = 'submitted', submitted = $4::jsonb, draft = $4::jsonb, version = $2, submitted_at = v.submitted_at,
              questionnaire_id = $7, updated_at = now()
       FROM v WHERE response.id = $1
       RETURNING v.submitted_at`,
      [v.responseId, v.version, v.idempotencyKey, data, v.cleared, JSON.stringify(v.evidence), v.questionnaireId],
    );
    if (!r) throw new Error(`response ${v.responseId} not updated`);
    return r.submitted_at;
  }

  /** A submitted version (the latest when `version` is null) with what a printable copy needs. */
  async submittedCopy(
    m: Queryable,
    roundId: string,
    institutionId: string,
    version: number | null,
  ): Promise<SubmittedCopyRecord | undefined> {
    const r = await queryOne<SubmittedCopyRow>(
      m,
      `SELECT r.id AS response_id, v.version, v.submitted_at, v.data, v.evidence, q.definition, ro.name AS round_name, i.name AS institution_name
       FROM response r
       JOIN response_version v ON v.response_id = r.id AND v.version = coalesce($3::int, r.version)
       JOIN questionnaire q ON q.id = r.questionnaire_id
       JOIN round ro ON ro.id = r.round_id
       JOIN institution i ON i.id = r.institution_id
       WHERE r.round_id = $1 AND r.institution_id = $2`,
      [roundId, institutionId, version],
    );
    return (
      r && {
        ...toVersionData(r),
        evidence: r.evidence,
        definition: r.definition,
        roundName: r.round_name,
        institutionName: r.institution_name,
      }
    );
  }

  /** The institution's submissions to the guarantor's up to five latest earlier rounds, newest first. */
  async previousSubmissions(m: Queryable, roundId: string, institutionId: string): Promise<PreviousSubmission[]> {
    const rows = await queryRows<PreviousSubmissionRow>(
      m,
      `SELECT ro.id AS round_id, ro.name AS round_name, r.submitted_at, r.submitted
       FROM round cur
       JOIN round ro ON ro.guarantor_id = cur.guarantor_id AND ro.id <> cur.id AND ro.opens_at < cur.opens_at
       JOIN response r ON r.round_id = ro.id AND r.institution_id = $2 AND r.status = 'submitted' AND r.submitted IS NOT NULL
       WHERE cur.id = $1
       ORDER BY ro.opens_at DESC, r.submitted_at DESC
       LIMIT 5`,
      [roundId, institutionId],
    );
    return rows.map(toPreviousSubmission);
  }

  async versionSummaries(m: Queryable, roundId: string, institutionId: string): Promise<VersionSummary[]> {
    const rows = await queryRows<VersionSummaryRow>(
      m,
      `SELECT v.version, v.submitted_at, v.cleared FROM response_version v JOIN response r ON r.id = v.response_id
       WHERE r.round_id = $1 AND r.institution_id = $2 ORDER BY v.version`,
      [roundId, institutionId],
    );
    return rows.map(toSummary);
  }

  // ── Staff ───────────────────────────────────────────────────────────────────────────────────

  /** One page of the round's institutions (by name) with their response state, and the filtered total. */
  async memberPage(
    m: Queryable,
    roundId: string,
    filter: { status: ResponseState | null; cveEnt: string | null },
    limit: number,
    offset: number,
  ): Promise<{ items: MemberResponse[]; total: number }> {
    const filters = `WHERE ($2::text IS NULL OR ${STATUS} = $2) AND ($3::text IS NULL OR i.cve_ent = $3)`;
    const from = `FROM ${ROUND_MEMBERS} mb
      JOIN institution i ON i.id = mb.institution_id
      LEFT JOIN response r ON r.round_id = $1 AND r.institution_id = i.id`;
    const params = [roundId, filter.status, filter.cveEnt];
    const counted = await queryOne<{ total: number }>(m, `SELECT count(*)::int AS total ${from} ${filters}`, params);
    const rows = await queryRows<MemberResponseRow>(
      m,
      `SELECT i.id, i.name, i.type, i.level, i.cve_ent, i.cvegeo, ${STATUS} AS status, coalesce(r.version, 0) AS version, r.submitted_at
       ${from} ${filters}
       ORDER BY i.name, i.id LIMIT $4 OFFSET $5`,
      [...params, limit, offset],
    );
    return {
      items: rows.map((r) => ({
        institution: toMemberInstitution(r),
        status: r.status,
        version: r.version,
        submittedAt: r.submitted_at,
      })),
      total: counted?.total ?? 0,
    };
  }

  /**
   * An institution of the round with its response and the questionnaire it answered (the round's,
   * before any answer); undefined when the institution is not part of the round.
   */
  async memberDetail(m: Queryable, roundId: string, institutionId: string): Promise<MemberDetail | undefined> {
    const r = await queryOne<MemberDetailRow>(
      m,
      `SELECT i.id, i.name, i.type, i.level, i.cve_ent, i.cvegeo, r.id AS response_id, r.status, r.version, r.submitted_at, r.submitted,
              q.version AS questionnaire_version, q.definition
       FROM institution i
       LEFT JOIN response r ON r.round_id = $1 AND r.institution_id = i.id
       LEFT JOIN round ro ON ro.id = $1
       LEFT JOIN questionnaire q ON q.id = coalesce(r.questionnaire_id, ro.institution_questionnaire_id)
       WHERE i.id = $2 AND i.id IN ${ROUND_MEMBERS}`,
      [roundId, institutionId],
    );
    return (
      r && {
        institution: toMemberInstitution(r),
        responseId: r.response_id,
        status: r.status,
        version: r.version,
        submittedAt: r.submitted_at,
        submitted: r.submitted,
        questionnaireVersion: r.questionnaire_version,
        definition: r.definition,
      }
    );
  }

  /** Every version of a response, oldest first, with its answers and how many files it cited. */
  async versionHistory(m: Queryable, responseId: string): Promise<VersionHistoryItem[]> {
    const rows = await queryRows<VersionHistoryRow>(
      m,
      'SELECT version, submitted_at, cleared, data, jsonb_array_length(evidence) AS evidence_count FROM response_version WHERE response_id = $1 ORDER BY version',
      [responseId],
    );
    return rows.map((r) => ({ ...toSummary(r), data: r.data, evidenceCount: r.evidence_count }));
  }

  /** One version of the institution's response in the round, with its evidence snapshot. */
  async versionSnapshot(
    m: Queryable,
    roundId: string,
    institutionId: string,
    version: number,
  ): Promise<VersionSnapshot | undefined> {
    const r = await queryOne<VersionSnapshotRow>(
      m,
      `SELECT v.response_id, v.version, v.submitted_at, v.cleared, v.data, v.evidence
         FROM response_version v JOIN response r ON r.id = v.response_id
         WHERE r.round_id = $1 AND r.institution_id = $2 AND v.version = $3`,
      [roundId, institutionId, version],
    );
    return r && { ...toVersionData(r), cleared: r.cleared, evidence: r.evidence };
  }

  /** Every verdict on the institution's claims in the round, by question, then time, then validator. */
  async claimVerdicts(m: Queryable, roundId: string, institutionId: string): Promise<ClaimVerdict[]> {
    const rows = await queryRows<ClaimVerdictRow>(
      m,
      `SELECT v.question_name, ${validatorPseudonymSql('r', 'v.validator_id')} AS validator, v.verdict, ${VERDICT_STANDING_SQL} AS standing,
              v.evidence_url, v.evidence_file_id, v.comment, v.created_at
       FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
       WHERE v.round_id = $1 AND v.institution_id = $2
       ORDER BY v.question_name, v.created_at, validator`,
      [roundId, institutionId],
    );
    return rows.map((r) => ({
      questionName: r.question_name,
      validator: r.validator,
      verdict: r.verdict,
      standing: r.standing,
      evidenceUrl: r.evidence_url,
      evidenceFileId: r.evidence_file_id,
      comment: r.comment,
      createdAt: r.created_at,
    }));
  }
}
