import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../common/persistence';
import { claimsOf, claimsToCheck, evidenceUrls } from '../claims';
import { AssignmentRecord, AssignmentsRepository, PairRecord, VerdictRecord } from './assignments.repository';
import { citizenWorkProblem } from '../round-access';
import type { AssignmentDto, ClaimDto, EvidenceFileRefDto, VerdictDto } from './dto/assignment.dto';

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

const pairKey = (p: PairRecord): string => `${p.roundId}:${p.institutionId}`;

export const toVerdictDto = (v: VerdictRecord): VerdictDto => ({
  id: v.id,
  questionName: v.questionName,
  verdict: v.verdict,
  evidenceUrl: v.evidenceUrl,
  evidenceFileId: v.evidenceFileId,
  comment: v.comment,
  updatedAt: v.updatedAt.toISOString(),
});

/**
 * Builds the full assignment view (institution, claims with the self-report and evidence, own
 * verdicts, citizen questionnaire, own report) for a page of assignments with a fixed number of
 * set-based queries, whatever the page size.
 */
@Injectable()
export class AssignmentViews {
  constructor(private readonly assignments: AssignmentsRepository) {}

  async build(m: Queryable, validatorId: string, rows: AssignmentRecord[], now: Date): Promise<AssignmentDto[]> {
    if (rows.length === 0) return [];
    const inputs = await this.assignments.viewInputs(m, validatorId, rows);
    const roundById = new Map(inputs.rounds.map((r) => [r.id, r]));
    const questionnaireById = new Map(inputs.questionnaires.map((q) => [q.id, q]));
    const institutionById = new Map(inputs.institutions.map((i) => [i.id, i]));
    const submittedByPair = new Map(inputs.submitted.map((r) => [pairKey(r), r.submitted]));
    const reportByPair = new Map(inputs.reports.map((r) => [pairKey(r), r]));
    const verdictsByPair = groupBy(inputs.verdicts, pairKey);
    const filesByPair = new Map(inputs.evidence.map((f) => [pairKey(f), fileRefs(f.evidence)]));

    return rows.map((a) => {
      const round = roundById.get(a.roundId);
      const institution = institutionById.get(a.institutionId);
      const instQ = round && questionnaireById.get(round.institutionQuestionnaireId);
      const citQ = round && questionnaireById.get(round.citizenQuestionnaireId);
      if (!round || !institution || !instQ || !citQ)
        throw new Error(`assignment ${a.id}: round, institution or questionnaire missing`);
      const key = pairKey(a);
      const submitted = submittedByPair.get(key) ?? null;
      const claims = claimsOf(instQ.id, instQ.definition);
      const mine = new Map((verdictsByPair.get(key) ?? []).map((v) => [v.questionName, v]));
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
        roundId: a.roundId,
        roundName: round.name,
        status: a.status,
        expiresAt: a.expiresAt.toISOString(),
        createdAt: a.createdAt.toISOString(),
        acceptingSubmissions:
          citizenWorkProblem(
            {
              status: round.status,
              opensAt: round.opensAt,
              closesAt: round.closesAt,
              validationOpen: round.validationOpen,
            },
            now,
          ) === null,
        institution,
        selfReportSubmitted: submitted !== null,
        // Issue #16: without answered claims the task is the citizen report alone (never "0 of 0 verdicts").
        kind: toCheck.length > 0 ? 'claims' : 'citizen_report_only',
        claims: claimDtos,
        citizenQuestionnaire: { id: citQ.id, title: citQ.title, definition: citQ.definition },
        report: report ? { id: report.id, data: report.data, updatedAt: report.updatedAt.toISOString() } : null,
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
