import { decodeScoredAnswers, evidenceUrlsOf } from '@apertura/db';
import type { RoundDesignDocument, ScoredEvidenceUrl } from '@apertura/db';
/**
 * Rows read from PostgreSQL for a metric computation, and their pure conversion into what
 * libs/metric consumes (InstitutionInput) plus the provenance the results API shows. No I/O here:
 * metric-inputs.repository.ts feeds rows in, in id order, as they stream.
 */
import type { CitizenReport, InstitutionInput, ItemSpec, ScoredAnswer, VerificationCounts } from '@apertura/metric';

export interface RoundRecord {
  id: string;
  guarantorId: string;
  status: string;
  settings: unknown;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  /** METHOD.md §4 design as stored on the round (census unless it says sample). */
  design: RoundDesignDocument;
}

export interface QuestionnaireRecord {
  id: string;
  kind: string;
  slug: string;
  version: number;
  checksum: string;
}

/** An institution of the round's universe and where it sits. */
export interface PlacementRecord {
  institutionId: string;
  cvegeo: string;
  cveEnt: string;
  level: string;
  type: string;
}

/**
 * A document's scores as stored in columns (scored_source + scored_answer, libs/db scored-answers.ts),
 * read only when they were scored from this very document under this questionnaire version and scorer.
 */
export interface StoredScores {
  /** "ordinal:score" pairs in ordinal order (decodeScoredAnswers). */
  answers: string;
}

/**
 * A document the collector scored from its JSON (no matching stored scores): what a reader writes
 * back to the scored-answer columns (with the digest of the JSON it read, from the same snapshot).
 */
export interface FreshlyScored {
  sourceId: string;
  kind: 'response' | 'citizen_report';
  version: number;
  digest: string;
  questionnaireId: string;
  answers: ScoredAnswer[];
  evidenceUrls: ScoredEvidenceUrl[];
}

/** A document's content: its stored scores when they match it, else its JSON (and the JSON's digest). */
export type ScoredContent<K extends string> =
  | ({ stored: StoredScores } & { [key in K]?: undefined })
  | ({ stored?: null; digest?: string | null } & { [key in K]: Record<string, unknown> });

export type ResponseRecord = {
  id: string;
  institutionId: string;
  questionnaireId: string;
  version: number;
  submittedAt: string | null;
} & ScoredContent<'submitted'>;

/** Evidence files attached to the submitted version of a response (response_version.evidence). */
export interface EvidenceRecord {
  responseId: string;
  evidence: unknown;
}

export interface VerdictCountRecord {
  institutionId: string;
  questionName: string;
  confirmed: number;
  refuted: number;
  /** Refutations not yet counted (§3.1: pending or disputed); due process, issue #13. */
  pending?: number;
  unverifiable: number;
}

/** `data`: the report's answers (or its stored scores, see ScoredContent). */
export type ReportRecord = {
  id: string;
  institutionId: string;
  validatorId: string;
  questionnaireId: string;
} & ScoredContent<'data'>;

export interface ValidatorCountRecord {
  institutionId: string;
  validators: number;
}

/** What scoring needs from a questionnaire version (derived once per version, see ItemSpecCache). */
export interface QuestionnaireScoring {
  items: ItemSpec[];
  /** Verifiable items and the question where the institution gives its evidence URL. */
  evidence: Array<{ item: string; question: string }>;
  /** Scores one answer set: visibility and gated failures included (libs/questionnaire compileScoring). */
  score: (data: Readonly<Record<string, unknown>>) => ScoredAnswer[];
}

export interface EvidenceFileRef {
  id: string;
  questionName: string | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** Every input behind one institution's numbers (ids and counts only: never validator identities). */
export interface InstitutionProvenance {
  /**
   * The self-report version scored. Its evidence URLs are not copied here: they are a function of that
   * version's answers, which the API reads when it shows them (≈ 36 MB less result JSON per national rebuild).
   */
  selfReport: { responseId: string; version: number; submittedAt: string | null; questionnaireId: string } | null;
  evidenceFiles: EvidenceFileRef[];
  verdicts: { confirmed: number; refuted: number; unverifiable: number };
  citizenReports: number;
  citizenQuestionnaireIds: string[];
  /** Distinct validators with a verdict or a report on the institution. */
  validators: number;
}

interface Accumulated {
  selfReport: ScoredAnswer[] | null;
  /** Without the raw answers: once scored they are not needed, and a national round's would fill the heap. */
  response: {
    id: string;
    institutionId: string;
    questionnaireId: string;
    version: number;
    submittedAt: string | null;
  } | null;
  evidenceFiles: EvidenceFileRef[];
  verifications: Record<string, VerificationCounts>;
  verdicts: InstitutionProvenance['verdicts'];
  reports: CitizenReport[];
  citizenQuestionnaireIds: Set<string>;
  validators: number;
}

const empty = (): Accumulated => ({
  selfReport: null,
  response: null,
  evidenceFiles: [],
  verifications: Object.create(null) as Record<string, VerificationCounts>,
  verdicts: { confirmed: 0, refuted: 0, unverifiable: 0 },
  reports: [],
  citizenQuestionnaireIds: new Set(),
  validators: 0,
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Evidence file metadata from response_version.evidence, keeping only well-formed entries. */
export function evidenceFilesOf(evidence: unknown): EvidenceFileRef[] {
  if (!Array.isArray(evidence)) return [];
  const out: EvidenceFileRef[] = [];
  for (const e of evidence) {
    if (!isRecord(e) || typeof e.id !== 'string' || typeof e.filename !== 'string') continue;
    out.push({
      id: e.id,
      questionName: typeof e.questionName === 'string' ? e.questionName : null,
      filename: e.filename,
      mimeType: typeof e.mimeType === 'string' ? e.mimeType : 'application/octet-stream',
      size: typeof e.size === 'number' ? e.size : 0,
      sha256: typeof e.sha256 === 'string' ? e.sha256 : '',
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Collects the rows of one snapshot per institution, scoring each answer set as it arrives so a
 * streamed round never holds every raw submission in memory at once.
 */
export class InputCollector {
  private readonly byInstitution = new Map<string, Accumulated>();
  private readonly responseInstitution = new Map<string, string>();
  /** Documents scored from their JSON here, with a digest to store them under (see takeFreshlyScored). */
  private fresh: FreshlyScored[] = [];

  constructor(private readonly scoring: (questionnaireId: string) => QuestionnaireScoring) {}

  private acc(institutionId: string): Accumulated {
    let a = this.byInstitution.get(institutionId);
    if (!a) {
      a = empty();
      this.byInstitution.set(institutionId, a);
    }
    return a;
  }

  addResponse(r: ResponseRecord): void {
    const a = this.acc(r.institutionId);
    const q = this.scoring(r.questionnaireId);
    if (r.stored) a.selfReport = decodeScoredAnswers(q.items, r.stored.answers);
    else {
      a.selfReport = q.score(r.submitted);
      if (typeof r.digest === 'string')
        this.fresh.push({
          sourceId: r.id,
          kind: 'response',
          version: r.version,
          digest: r.digest,
          questionnaireId: r.questionnaireId,
          answers: a.selfReport,
          // Stored with the scores: scored_source keeps them (the API reads a version's from its answers).
          evidenceUrls: evidenceUrlsOf(q.evidence, r.submitted),
        });
    }
    a.response = {
      id: r.id,
      institutionId: r.institutionId,
      questionnaireId: r.questionnaireId,
      version: r.version,
      submittedAt: r.submittedAt,
    };
    this.responseInstitution.set(r.id, r.institutionId);
  }

  /** Call after the responses: files belong to the response's submitted version. */
  addEvidence(e: EvidenceRecord): void {
    const institutionId = this.responseInstitution.get(e.responseId);
    if (institutionId === undefined) return;
    this.acc(institutionId).evidenceFiles = evidenceFilesOf(e.evidence);
  }

  addVerdictCounts(v: VerdictCountRecord): void {
    const a = this.acc(v.institutionId);
    // pending: due process (#13); left out when zero so inputs without pending refutations read as before.
    a.verifications[v.questionName] = v.pending
      ? { confirmed: v.confirmed, refuted: v.refuted, pending: v.pending }
      : { confirmed: v.confirmed, refuted: v.refuted };
    a.verdicts.confirmed += v.confirmed;
    a.verdicts.refuted += v.refuted;
    a.verdicts.unverifiable += v.unverifiable;
  }

  addReport(r: ReportRecord): void {
    const a = this.acc(r.institutionId);
    const q = this.scoring(r.questionnaireId);
    let answers: ScoredAnswer[];
    if (r.stored) answers = decodeScoredAnswers(q.items, r.stored.answers);
    else {
      answers = q.score(r.data);
      if (typeof r.digest === 'string')
        this.fresh.push({
          sourceId: r.id,
          kind: 'citizen_report',
          version: 0,
          digest: r.digest,
          questionnaireId: r.questionnaireId,
          answers,
          evidenceUrls: [],
        });
    }
    a.reports.push({ reportId: r.id, validatorId: r.validatorId, answers });
    a.citizenQuestionnaireIds.add(r.questionnaireId);
  }

  /** The documents scored from JSON since the last call (and forgets them). */
  takeFreshlyScored(): FreshlyScored[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  addValidatorCount(v: ValidatorCountRecord): void {
    this.acc(v.institutionId).validators = v.validators;
  }

  /** Drops what was collected for an institution already computed (a full rebuild frees memory as it goes). */
  release(institutionId: string): void {
    this.byInstitution.delete(institutionId);
  }

  /** The metric input and provenance of one institution (empty when it has no input at all). */
  institution(institutionId: string): { input: InstitutionInput; provenance: InstitutionProvenance } {
    const a = this.byInstitution.get(institutionId) ?? empty();
    const r = a.response;
    return {
      input: { institutionId, selfReport: a.selfReport, verifications: a.verifications, citizenReports: a.reports },
      provenance: {
        selfReport:
          r === null
            ? null
            : { responseId: r.id, version: r.version, submittedAt: r.submittedAt, questionnaireId: r.questionnaireId },
        evidenceFiles: a.evidenceFiles,
        verdicts: { ...a.verdicts },
        citizenReports: a.reports.length,
        citizenQuestionnaireIds: [...a.citizenQuestionnaireIds].sort(),
        validators: a.validators,
      },
    };
  }
}
