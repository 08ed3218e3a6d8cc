import { inSequence } from '../../common/in-sequence';
import { Injectable } from '@nestjs/common';
import type { EntityManager, DataSource } from 'typeorm';
import type { AssignmentStatus, JsonObject, RoundStatus, VerdictValue } from '@apertura/db';
import { claimsOf, claimsToCheck, evidenceUrls } from '../claims';
import { INSTITUTION_REF_COLUMNS, INSTITUTION_REF_JOIN, InstitutionRefRow, toInstitutionRef } from '../institution-ref';
import { citizenWorkProblem } from '../round-access';
import type { AssignmentDto, ClaimDto, EvidenceFileRefDto, VerdictDto } from './dto/assignment.dto';

export interface AssignmentRow {
  id: string;
  round_id: string;
  institution_id: string;
  status: AssignmentStatus;
  expires_at: Date;
  created_at: Date;
}

/** Columns of `assignment a` that AssignmentRow needs. */
export const ASSIGNMENT_COLUMNS = 'a.id, a.round_id, a.institution_id, a.status, a.expires_at, a.created_at';

interface RoundRow {
  id: string;
  name: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  institution_questionnaire_id: string;
  citizen_questionnaire_id: string;
}

interface QuestionnaireRow {
  id: string;
  title: string;
  definition: JsonObject;
}

interface VerdictRow {
  id: string;
  round_id: string;
  institution_id: string;
  question_name: string;
  verdict: VerdictValue;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  updated_at: Date;
}

interface FileRef {
  id: string;
  questionName: string | null;
  filename: string;
  mimeType: string;
  size: number;
}

/** Reads the evidence snapshot of a submitted version defensively (jsonb written by the responses module). */
function fileRefs(evidence: unknown): FileRef[] {
  if (!Array.isArray(evidence)) return [];
  const out: FileRef[] = [];
  for (const e of evidence) {
    if (typeof e !== 'object' || e === null) continue;
    const r = e as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.filename !== 'string') continue;
    out.push({
      id: r.id,
      questionName: typeof r.questionName === 'string' ? r.questionName : null,
      filename: r.filename,
      mimeType: typeof r.mimeType === 'string' ? r.mimeType : 'application/octet-stream',
      size: typeof r.size === 'number' ? r.size : 0,
    });
  }
  return out;
}

const pairKey = (roundId: string, institutionId: string): string => `${roundId}:${institutionId}`;
const PAIRS = 'unnest($1::uuid[], $2::uuid[]) AS p(round_id, institution_id)';

export const toVerdictDto = (v: VerdictRow): VerdictDto => ({
  id: v.id,
  questionName: v.question_name,
  verdict: v.verdict,
  evidenceUrl: v.evidence_url,
  evidenceFileId: v.evidence_file_id,
  comment: v.comment,
  updatedAt: v.updated_at.toISOString(),
});

export type VerdictRowLike = VerdictRow;

/**
 * Builds the full assignment view (institution, claims with the self-report and evidence, own
 * verdicts, citizen questionnaire, own report) for a page of assignments with a fixed number of
 * set-based queries, whatever the page size.
 */
@Injectable()
export class AssignmentViews {
  async build(
    m: EntityManager | DataSource,
    validatorId: string,
    rows: AssignmentRow[],
    now: Date,
  ): Promise<AssignmentDto[]> {
    if (rows.length === 0) return [];
    const roundIds = [...new Set(rows.map((r) => r.round_id))];
    const institutionIds = [...new Set(rows.map((r) => r.institution_id))];
    const pairRounds = rows.map((r) => r.round_id);
    const pairInstitutions = rows.map((r) => r.institution_id);

    const rounds: RoundRow[] = await m.query(
      `SELECT id, name, status, opens_at, closes_at, validation_open, institution_questionnaire_id, citizen_questionnaire_id
       FROM round WHERE id = ANY($1::uuid[])`,
      [roundIds],
    );
    const roundById = new Map(rounds.map((r) => [r.id, r]));
    const questionnaireIds = [
      ...new Set(rounds.flatMap((r) => [r.institution_questionnaire_id, r.citizen_questionnaire_id])),
    ];
    const [questionnaires, institutions, responses, verdicts, reports, files] = await inSequence([
      () =>
        m.query('SELECT id, title, definition FROM questionnaire WHERE id = ANY($1::uuid[])', [
          questionnaireIds,
        ]) as Promise<QuestionnaireRow[]>,
      () =>
        m.query(
          `SELECT ${INSTITUTION_REF_COLUMNS} FROM institution i ${INSTITUTION_REF_JOIN} WHERE i.id = ANY($1::uuid[])`,
          [institutionIds],
        ) as Promise<InstitutionRefRow[]>,
      () =>
        m.query(
          `SELECT r.round_id, r.institution_id, r.submitted FROM response r JOIN ${PAIRS} USING (round_id, institution_id)
         WHERE r.submitted IS NOT NULL`,
          [pairRounds, pairInstitutions],
        ) as Promise<Array<{ round_id: string; institution_id: string; submitted: JsonObject }>>,
      () =>
        m.query(
          `SELECT v.id, v.round_id, v.institution_id, v.question_name, v.verdict, v.evidence_url, v.evidence_file_id, v.comment, v.updated_at
         FROM verdict v JOIN ${PAIRS} USING (round_id, institution_id) WHERE v.validator_id = $3`,
          [pairRounds, pairInstitutions, validatorId],
        ) as Promise<VerdictRow[]>,
      () =>
        m.query(
          `SELECT c.id, c.round_id, c.institution_id, c.data, c.updated_at
         FROM citizen_report c JOIN ${PAIRS} USING (round_id, institution_id) WHERE c.validator_id = $3`,
          [pairRounds, pairInstitutions, validatorId],
        ) as Promise<
          Array<{ id: string; round_id: string; institution_id: string; data: JsonObject; updated_at: Date }>
        >,
      // Evidence files attached to the institution's last submitted version (what the claims cite).
      () =>
        m.query(
          `SELECT DISTINCT ON (r.id) r.round_id, r.institution_id, rv.evidence
         FROM response r JOIN ${PAIRS} USING (round_id, institution_id)
         JOIN response_version rv ON rv.response_id = r.id
         ORDER BY r.id, rv.version DESC`,
          [pairRounds, pairInstitutions],
        ) as Promise<Array<{ round_id: string; institution_id: string; evidence: unknown }>>,
    ]);

    const questionnaireById = new Map(questionnaires.map((q) => [q.id, q]));
    const institutionById = new Map(institutions.map((i) => [i.institution_id, i]));
    const submittedByPair = new Map(responses.map((r) => [pairKey(r.round_id, r.institution_id), r.submitted]));
    const reportByPair = new Map(reports.map((r) => [pairKey(r.round_id, r.institution_id), r]));
    const verdictsByPair = groupBy(verdicts, (v) => pairKey(v.round_id, v.institution_id));
    const filesByPair = new Map(files.map((f) => [pairKey(f.round_id, f.institution_id), fileRefs(f.evidence)]));

    return rows.map((a) => {
      const round = roundById.get(a.round_id);
      const institution = institutionById.get(a.institution_id);
      const instQ = round && questionnaireById.get(round.institution_questionnaire_id);
      const citQ = round && questionnaireById.get(round.citizen_questionnaire_id);
      if (!round || !institution || !instQ || !citQ)
        throw new Error(`assignment ${a.id}: round, institution or questionnaire missing`);
      const key = pairKey(a.round_id, a.institution_id);
      const submitted = submittedByPair.get(key) ?? null;
      const claims = claimsOf(instQ.id, instQ.definition);
      const mine = new Map((verdictsByPair.get(key) ?? []).map((v) => [v.question_name, v]));
      const instFiles = filesByPair.get(key) ?? [];
      const toCheck = claimsToCheck(claims, submitted);
      const report = reportByPair.get(key);
      const claimDtos: ClaimDto[] = claims.map((c) => {
        const v = mine.get(c.name);
        const files: EvidenceFileRefDto[] = instFiles
          .filter(
            (f) => f.questionName !== null && (f.questionName === c.name || f.questionName === c.evidenceQuestion),
          )
          .map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size }));
        return {
          questionName: c.name,
          title: c.title,
          component: c.component,
          selfReported: submitted?.[c.name] ?? null,
          answered: toCheck.includes(c.name),
          evidenceUrls: evidenceUrls(c, submitted),
          evidenceFiles: files,
          verdict: v ? toVerdictDto(v) : null,
        };
      });
      return {
        id: a.id,
        roundId: a.round_id,
        roundName: round.name,
        status: a.status,
        expiresAt: a.expires_at.toISOString(),
        createdAt: a.created_at.toISOString(),
        acceptingSubmissions:
          citizenWorkProblem(
            {
              status: round.status,
              opensAt: round.opens_at,
              closesAt: round.closes_at,
              validationOpen: round.validation_open,
            },
            now,
          ) === null,
        institution: toInstitutionRef(institution),
        selfReportSubmitted: submitted !== null,
        // Issue #16: without answered claims the task is the citizen report alone (never "0 of 0 verdicts").
        kind: toCheck.length > 0 ? 'claims' : 'citizen_report_only',
        claims: claimDtos,
        citizenQuestionnaire: { id: citQ.id, title: citQ.title, definition: citQ.definition },
        report: report ? { id: report.id, data: report.data, updatedAt: report.updated_at.toISOString() } : null,
        progress: {
          claimsToCheck: toCheck.length,
          verdicts: toCheck.filter((n) => mine.has(n)).length,
          reportSubmitted: report !== undefined,
        },
      };
    });
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
