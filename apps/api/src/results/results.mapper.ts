/**
 * Explicit mapping from the stored results (the records of results.repository.ts, and the `details`
 * written by the worker's to-result-rows.ts) to response DTOs. Pure; `details` is read defensively (stored JSON), and only
 * the listed fields ever leave the API.
 */
import { decodeItemList } from '@apertura/db';
import { INDICATORS, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import type {
  AreaResultItemDto,
  AreaValueDto,
  ComponentResultDto,
  CoverageDto,
  EvidenceFileRefDto,
  InstitutionDistributionDto,
  InstitutionRefDto,
  InstitutionResultDetailDto,
  InstitutionResultItemDto,
  NoticeDto,
  ProvenanceDto,
  PublicRoundDto,
  RankDto,
  QuestionnaireVersionDto,
  RecomputeRunDto,
  ResultInputsDto,
  ResultRoundDto,
  ResultsSummaryDto,
  ResultValueDto,
  SubIndexDto,
} from './dto/results.dto';
import type {
  AreaListItem,
  DistributionRecord,
  MetricRecord,
  PublicRoundRecord,
  RankRecord,
  RecomputeRun,
  ResultInstitution,
  ResultRound,
} from './results.repository';

/** Indicators from the self-report alone: shown without citizen validation they are unverified self-reports (§9). */
const SELF_REPORT_INDICATORS = new Set(['I_G', 'TG', 'PG', 'I_G_raw', 'TG_raw', 'PG_raw', 'DELTA_G']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObj(v) ? v : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const num0 = (v: unknown): number => num(v) ?? 0;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export const notice = (): NoticeDto => ({ es: VOLUNTEER_SAMPLE_NOTICE.es, en: VOLUNTEER_SAMPLE_NOTICE.en });

export function toResultRound(r: ResultRound): ResultRoundDto {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    synthetic: r.synthetic,
    publishedAt: iso(r.publishedAt),
    design: r.design ?? { kind: 'census' },
    methodId: r.methodId,
    methodVersion: r.methodVersion,
    states: r.states ?? [],
  };
}

export function toRank(r: RankRecord, group: string): RankDto | null {
  if (r.position === null || r.lo === null || r.hi === null || r.of === null) return null;
  return { position: r.position, lo: r.lo, hi: r.hi, of: r.of, group };
}

/**
 * Which list a value belongs to (§9): ranked; an unverified self-report (a government-perspective
 * value of a subject no citizen validated); or insufficient data.
 */
export function rankingGroup(
  value: ResultValueDto | null,
  rank: RankDto | null,
): 'ranked' | 'insufficient_data' | 'unverified_self_report' {
  if (rank !== null) return 'ranked';
  if (
    value !== null &&
    value.estimate !== null &&
    SELF_REPORT_INDICATORS.has(value.indicator) &&
    value.status === 'not_validated'
  )
    return 'unverified_self_report';
  return 'insufficient_data';
}

export function toInstitutionRef(i: ResultInstitution): InstitutionRefDto {
  return {
    id: i.id,
    name: i.name,
    type: i.type,
    level: i.level,
    cvegeo: i.cvegeo,
    municipality: i.municipalityName,
    cveEnt: i.cveEnt,
    state: i.stateName,
  };
}

/** Columns plus the Estimate fields kept in details (details.n keeps the null of census values). */
export function toResultValue(row: MetricRecord): ResultValueDto {
  const d = obj(row.details);
  const value: ResultValueDto = {
    indicator: row.indicator,
    aggregation: row.aggregation,
    estimate: row.estimate,
    se: row.se,
    lo: row.lo,
    hi: row.hi,
    cv: row.cv,
    halfWidth: num(d.halfWidth),
    n: 'n' in d ? num(d.n) : row.n,
    N: row.populationSize ?? num(d.N),
    df: num(d.df),
    interval: str(d.interval) ?? 'none',
    status: row.status,
    reasons: strs(d.reasons),
    needed: row.needed,
    neededSubjects: row.neededSubjects ?? null,
    neededReports: row.neededReports ?? null,
    validatedShare: row.validatedShare ?? null,
    pendingRefutations: num0(d.pendingRefutations),
    methodId: row.methodId,
    methodVersion: row.methodVersion,
    formula: row.formula,
  };
  if (Array.isArray(d.missing)) value.missing = strs(d.missing);
  return value;
}

function toCoverage(v: unknown): CoverageDto | null {
  if (!isObj(v)) return null;
  return {
    responding: num0(v.responding),
    universe: num0(v.universe),
    citizenReports: num0(v.citizenReports),
    subjectsWithCitizenData: num0(v.subjectsWithCitizenData),
    municipalitiesWithData: num0(v.municipalitiesWithData),
    municipalitiesInUniverse: num(v.municipalitiesInUniverse),
    meetsMinimum: v.meetsMinimum === true,
    neededReports: num(v.neededReports),
    neededMunicipalities: num(v.neededMunicipalities),
    imputedSE: num0(v.imputedSE),
  };
}

export function toAreaValue(row: MetricRecord): AreaValueDto {
  return { ...toResultValue(row), coverage: toCoverage(obj(row.details).coverage) };
}

/** Provenance of a set of rows written together: their method and newest watermark / computation time. */
export function toProvenance(rows: readonly MetricRecord[]): ProvenanceDto {
  if (rows.length === 0) return { methodId: null, methodVersion: null, watermark: null, computedAt: null };
  let newest = rows[0];
  for (const r of rows) {
    if (
      BigInt(r.watermark) > BigInt(newest.watermark) ||
      (r.watermark === newest.watermark && r.computedAt > newest.computedAt)
    )
      newest = r;
  }
  return {
    methodId: newest.methodId,
    methodVersion: newest.methodVersion,
    watermark: newest.watermark,
    computedAt: newest.computedAt.toISOString(),
  };
}

const AGGREGATION_ORDER = ['unweighted', 'mean_of_municipalities', 'population_weighted'];
const indicatorRank = (i: string): number => {
  const k = (INDICATORS as readonly string[]).indexOf(i);
  return k === -1 ? INDICATORS.length : k;
};

export interface RoundCounts {
  universe: number;
  withAnyCitizenReport: number;
  pendingRefutations: number;
}

export function toSummary(
  round: ResultRound,
  nationalRows: readonly MetricRecord[],
  counts: RoundCounts,
): ResultsSummaryDto {
  const rows = [...nationalRows].sort(
    (a, b) =>
      indicatorRank(a.indicator) - indicatorRank(b.indicator) ||
      AGGREGATION_ORDER.indexOf(a.aggregation) - AGGREGATION_ORDER.indexOf(b.aggregation),
  );
  const unweighted = (ind: string): CoverageDto | null => {
    const r = rows.find((x) => x.indicator === ind && x.aggregation === 'unweighted');
    return r === undefined ? null : toCoverage(obj(r.details).coverage);
  };
  const i = unweighted('I');
  const ig = unweighted('I_G');
  const delta = unweighted('DELTA_G');
  return {
    round: toResultRound(round),
    computed: rows.length > 0,
    synthetic: round.synthetic,
    provenance: toProvenance(rows),
    notice: notice(),
    coverage: {
      institutions: counts.universe,
      withSelfReport: ig?.responding ?? 0,
      withCitizenData: i?.responding ?? 0,
      municipalities: i?.municipalitiesInUniverse ?? null,
      municipalitiesWithCitizenData: i?.municipalitiesWithData ?? 0,
      validatedInstitutions: i?.responding ?? 0,
      // ΔG exists exactly for the verified subjects (§3.6).
      verifiedInstitutions: delta?.responding ?? 0,
      withAnyCitizenReport: counts.withAnyCitizenReport,
      pendingRefutations: counts.pendingRefutations,
    },
    national: rows.map(toAreaValue),
  };
}

export function toInstitutionItem(
  institution: ResultInstitution,
  row: MetricRecord | null,
  rank: RankRecord,
  rankGroup: string,
): InstitutionResultItemDto {
  const value = row === null ? null : toResultValue(row);
  const r = toRank(rank, rankGroup);
  return { institution: toInstitutionRef(institution), value, rank: r, group: rankingGroup(value, r) };
}

export function toAreaItem(scope: string, item: AreaListItem, rankGroup: string): AreaResultItemDto {
  const value = toAreaValue(item.metric);
  const r = toRank(item.rank, rankGroup);
  return {
    scope,
    scopeKey: item.scopeKey,
    name: item.name ?? item.scopeKey,
    cveEnt: item.cveEnt,
    value,
    rank: r,
    group: rankingGroup(value, r),
  };
}

/** Question titles (es/en) by name, from the questionnaire versions that were answered. */
export type ItemTitles = ReadonlyMap<string, { es: string; en: string }>;

function toComponent(row: MetricRecord, titles: ItemTitles): ComponentResultDto {
  const d = obj(row.details);
  const government = d.kind === 'government';
  return {
    code: row.indicator,
    kind: government ? 'government' : 'citizen',
    value: toResultValue(row),
    raw: government ? num(d.raw) : null,
    items: government ? decodeItemList(d.items).map((item) => ({ ...item, title: titles.get(item.name) ?? null })) : [],
    reports: government ? null : num(d.reports),
    validators: government ? null : num(d.validators),
  };
}

function toEvidenceFile(v: Json): EvidenceFileRefDto {
  return {
    id: str(v.id) ?? '',
    questionName: str(v.questionName),
    filename: str(v.filename) ?? '',
    mimeType: str(v.mimeType) ?? 'application/octet-stream',
    size: num0(v.size),
    sha256: str(v.sha256) ?? '',
  };
}

/** Evidence URLs of the scored self-report version, read from its answers (see ResultsService.evidenceOf). */
export type SelfReportEvidence = ReadonlyArray<{ item: string; question: string; url: string }>;

/**
 * The self-report version whose evidence URLs the stored result refers to, or null: no self-report,
 * or a result written when they were still copied into it (it carries its own list).
 */
export function selfReportVersionToRead(
  rows: readonly MetricRecord[],
): { responseId: string; version: number; questionnaireId: string } | null {
  const inputs = obj(obj(rows.find((r) => r.indicator === 'I')?.details).inputs);
  if (Array.isArray(inputs.evidenceUrls)) return null;
  const { responseId, version, questionnaireId } = obj(inputs.selfReport);
  return typeof responseId === 'string' && typeof version === 'number' && typeof questionnaireId === 'string'
    ? { responseId, version, questionnaireId }
    : null;
}

/**
 * The stored inputs. Evidence URLs: results written before they were left out of the stored
 * document still carry their own; newer ones get `evidence`, read from the version they name.
 */
function toInputs(v: unknown, evidence: SelfReportEvidence | null): ResultInputsDto | null {
  if (!isObj(v)) return null;
  const self = isObj(v.selfReport) ? v.selfReport : null;
  const verdicts = obj(v.verdicts);
  const stored = Array.isArray(v.evidenceUrls) ? arr(v.evidenceUrls) : null;
  return {
    selfReport:
      self === null
        ? null
        : { responseId: str(self.responseId) ?? '', version: num0(self.version), submittedAt: str(self.submittedAt) },
    evidenceUrls:
      stored === null
        ? (evidence ?? []).map((e) => ({ ...e }))
        : stored.map((e) => ({ item: str(e.item) ?? '', question: str(e.question) ?? '', url: str(e.url) ?? '' })),
    evidenceFiles: arr(v.evidenceFiles).map(toEvidenceFile),
    verdicts: {
      confirmed: num0(verdicts.confirmed),
      refuted: num0(verdicts.refuted),
      unverifiable: num0(verdicts.unverifiable),
    },
    citizenReports: num0(v.citizenReports),
    validators: num0(v.validators),
  };
}

function toQuestionnaires(v: unknown): QuestionnaireVersionDto[] {
  const inputs = obj(v);
  return arr(inputs.questionnaires).map((q) => ({
    id: str(q.id) ?? '',
    kind: str(q.kind) ?? '',
    slug: str(q.slug) ?? '',
    version: num0(q.version),
    checksum: str(q.checksum) ?? '',
  }));
}

function toSubIndex(code: string, v: unknown): SubIndexDto | null {
  if (!isObj(v)) return null;
  const weights: Record<string, number> = {};
  for (const [k, w] of Object.entries(obj(v.weights))) if (typeof w === 'number') weights[k] = w;
  return { code, partial: v.partial === true, missing: strs(v.missing), weights, formula: str(v.formula) ?? '' };
}

const isIndicator = (i: string): boolean => (INDICATORS as readonly string[]).includes(i);

/** Every stored row of one institution: indicators, components, the summary and inputs kept on the I row. */
export function toInstitutionDetail(
  round: ResultRound,
  institution: ResultInstitution,
  rows: readonly MetricRecord[],
  titles: ItemTitles = new Map(),
  evidence: SelfReportEvidence | null = null,
): InstitutionResultDetailDto {
  const indicators = rows
    .filter((r) => isIndicator(r.indicator))
    .sort((a, b) => indicatorRank(a.indicator) - indicatorRank(b.indicator));
  const components = rows
    .filter((r) => !isIndicator(r.indicator))
    .map((r) => toComponent(r, titles))
    .sort((a, b) =>
      a.kind === b.kind ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : a.kind === 'government' ? -1 : 1,
    );
  const iRow = indicators.find((r) => r.indicator === 'I');
  const iDetails = obj(iRow?.details);
  const summary = isObj(iDetails.institution) ? iDetails.institution : null;
  const headlineCode = summary === null ? null : str(summary.headline);
  const headlineRow = headlineCode === null ? undefined : indicators.find((r) => r.indicator === headlineCode);
  const subIndices: SubIndexDto[] = [];
  for (const code of ['TG', 'TC', 'PG', 'PC']) {
    const r = indicators.find((x) => x.indicator === code);
    const s = r === undefined ? null : toSubIndex(code, obj(r.details).subIndex);
    if (s !== null) subIndices.push(s);
  }
  return {
    round: toResultRound(round),
    institution: toInstitutionRef(institution),
    computed: rows.length > 0,
    summary:
      summary === null
        ? null
        : {
            selfReported: summary.selfReported === true,
            citizenReports: num0(summary.citizenReports),
            validators: num0(summary.validators),
            headline: headlineCode,
            neededReports: num(summary.neededReports),
            verified: summary.verified === true,
            validated: summary.validated === true,
            pendingRefutations: num0(summary.pendingRefutations),
            warnings: strs(summary.warnings),
          },
    headline: headlineRow === undefined ? null : toResultValue(headlineRow),
    values: indicators.map(toResultValue),
    subIndices,
    components,
    inputs: toInputs(iDetails.inputs, evidence),
    provenance: { ...toProvenance(rows), questionnaires: toQuestionnaires(iDetails.inputs) },
    notice: notice(),
  };
}

export function toRun(r: RecomputeRun): RecomputeRunDto {
  return {
    runId: r.id,
    roundId: r.roundId,
    status: r.status,
    progress: r.progress,
    watermark: r.watermark,
    error: r.error,
    requestedAt: r.requestedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
  };
}

export function toPublicRound(r: PublicRoundRecord): PublicRoundDto {
  return {
    id: r.id,
    name: r.name,
    guarantor: { slug: r.guarantorSlug, name: r.guarantorName },
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    publishedAt: iso(r.publishedAt),
    synthetic: r.synthetic,
  };
}

/** Distribution rows as the DTO's columns. */
export function toDistribution(rows: DistributionRecord[]): InstitutionDistributionDto {
  const out: InstitutionDistributionDto = {
    total: rows.length,
    id: [],
    name: [],
    headline: [],
    estimate: [],
    status: [],
    t: [],
    tStatus: [],
    p: [],
    pStatus: [],
    notice: notice(),
  };
  for (const r of rows) {
    out.id.push(r.id);
    out.name.push(r.name);
    out.headline.push(r.headline);
    out.estimate.push(r.estimate);
    out.status.push(r.status);
    out.t.push(r.t);
    out.tStatus.push(r.tStatus);
    out.p.push(r.p);
    out.pStatus.push(r.pStatus);
  }
  return out;
}
