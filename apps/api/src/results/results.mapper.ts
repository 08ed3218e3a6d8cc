/**
 * Explicit mapping from stored metric_result rows (and their `details`, written by the worker's
 * to-result-rows.ts) to response DTOs. Pure; `details` is read defensively (stored JSON), and only
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

/** A metric_result row as the results queries select it (snake_case, as PostgreSQL returns it). */
export interface MetricRow {
  indicator: string;
  aggregation: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  cv: number | null;
  n: number;
  population_size: number | null;
  status: string;
  needed: number | null;
  needed_subjects: number | null;
  needed_reports: number | null;
  validated_share: number | null;
  formula: string | null;
  details: unknown;
  method_id: string;
  method_version: string;
  watermark: string;
  computed_at: Date;
}

export interface RoundRow {
  id: string;
  name: string;
  status: string;
  synthetic: boolean;
  published_at: Date | null;
  design: Record<string, unknown> | null;
  /** Method of the round's stored results (null: not computed yet). */
  method_id: string | null;
  method_version: string | null;
  /** States of the universe, by code. */
  states: Array<{ cveEnt: string; name: string }> | null;
}

/** A stored rank (metric_rank) joined to a listed row. */
export interface RankRow {
  rank_position: number | null;
  rank_lo: number | null;
  rank_hi: number | null;
  rank_of: number | null;
}

/** Indicators from the self-report alone: shown without citizen validation they are unverified self-reports (§9). */
const SELF_REPORT_INDICATORS = new Set(['I_G', 'TG', 'PG', 'I_G_raw', 'TG_raw', 'PG_raw', 'DELTA_G']);

export interface InstitutionRow {
  id: string;
  name: string;
  type: string;
  level: string;
  cvegeo: string;
  cve_ent: string;
  nom_mun: string;
  nom_ent: string;
}

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

export function toResultRound(r: RoundRow): ResultRoundDto {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    synthetic: r.synthetic,
    publishedAt: iso(r.published_at),
    design: r.design ?? { kind: 'census' },
    methodId: r.method_id,
    methodVersion: r.method_version,
    states: r.states ?? [],
  };
}

export function toRank(r: RankRow, group: string): RankDto | null {
  if (r.rank_position === null || r.rank_lo === null || r.rank_hi === null || r.rank_of === null) return null;
  return { position: r.rank_position, lo: r.rank_lo, hi: r.rank_hi, of: r.rank_of, group };
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

export function toInstitutionRef(i: InstitutionRow): InstitutionRefDto {
  return {
    id: i.id,
    name: i.name,
    type: i.type,
    level: i.level,
    cvegeo: i.cvegeo,
    municipality: i.nom_mun,
    cveEnt: i.cve_ent,
    state: i.nom_ent,
  };
}

/** Columns plus the Estimate fields kept in details (details.n keeps the null of census values). */
export function toResultValue(row: MetricRow): ResultValueDto {
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
    N: row.population_size ?? num(d.N),
    df: num(d.df),
    interval: str(d.interval) ?? 'none',
    status: row.status,
    reasons: strs(d.reasons),
    needed: row.needed,
    neededSubjects: row.needed_subjects ?? null,
    neededReports: row.needed_reports ?? null,
    validatedShare: row.validated_share ?? null,
    pendingRefutations: num0(d.pendingRefutations),
    methodId: row.method_id,
    methodVersion: row.method_version,
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

export function toAreaValue(row: MetricRow): AreaValueDto {
  return { ...toResultValue(row), coverage: toCoverage(obj(row.details).coverage) };
}

/** Provenance of a set of rows written together: their method and newest watermark / computation time. */
export function toProvenance(rows: readonly MetricRow[]): ProvenanceDto {
  if (rows.length === 0) return { methodId: null, methodVersion: null, watermark: null, computedAt: null };
  let newest = rows[0];
  for (const r of rows) {
    if (
      BigInt(r.watermark) > BigInt(newest.watermark) ||
      (r.watermark === newest.watermark && r.computed_at > newest.computed_at)
    )
      newest = r;
  }
  return {
    methodId: newest.method_id,
    methodVersion: newest.method_version,
    watermark: newest.watermark,
    computedAt: newest.computed_at.toISOString(),
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

export function toSummary(round: RoundRow, nationalRows: readonly MetricRow[], counts: RoundCounts): ResultsSummaryDto {
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
  institution: InstitutionRow,
  row: MetricRow | null,
  rank: RankRow,
  rankGroup: string,
): InstitutionResultItemDto {
  const value = row === null ? null : toResultValue(row);
  const r = toRank(rank, rankGroup);
  return { institution: toInstitutionRef(institution), value, rank: r, group: rankingGroup(value, r) };
}

export function toAreaItem(
  scope: string,
  row: MetricRow & RankRow & { scope_key: string; name: string | null; cve_ent: string | null },
  rankGroup: string,
): AreaResultItemDto {
  const value = toAreaValue(row);
  const r = toRank(row, rankGroup);
  return {
    scope,
    scopeKey: row.scope_key,
    name: row.name ?? row.scope_key,
    cveEnt: row.cve_ent,
    value,
    rank: r,
    group: rankingGroup(value, r),
  };
}

/** Question titles (es/en) by name, from the questionnaire versions that were answered. */
export type ItemTitles = ReadonlyMap<string, { es: string; en: string }>;

function toComponent(row: MetricRow, titles: ItemTitles): ComponentResultDto {
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

function toInputs(v: unknown): ResultInputsDto | null {
  if (!isObj(v)) return null;
  const self = isObj(v.selfReport) ? v.selfReport : null;
  const verdicts = obj(v.verdicts);
  return {
    selfReport:
      self === null
        ? null
        : { responseId: str(self.responseId) ?? '', version: num0(self.version), submittedAt: str(self.submittedAt) },
    evidenceUrls: arr(v.evidenceUrls).map((e) => ({
      item: str(e.item) ?? '',
      question: str(e.question) ?? '',
      url: str(e.url) ?? '',
    })),
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
  round: RoundRow,
  institution: InstitutionRow,
  rows: readonly MetricRow[],
  titles: ItemTitles = new Map(),
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
    inputs: toInputs(iDetails.inputs),
    provenance: { ...toProvenance(rows), questionnaires: toQuestionnaires(iDetails.inputs) },
    notice: notice(),
  };
}

export interface RunRow {
  id: string;
  round_id: string;
  status: string;
  progress: number;
  watermark: string | null;
  error: string | null;
  requested_at: Date;
  finished_at: Date | null;
}

export function toRun(r: RunRow): RecomputeRunDto {
  return {
    runId: r.id,
    roundId: r.round_id,
    status: r.status,
    progress: r.progress,
    watermark: r.watermark,
    error: r.error,
    requestedAt: r.requested_at.toISOString(),
    finishedAt: iso(r.finished_at),
  };
}

export interface PublicRoundRow {
  id: string;
  name: string;
  opens_at: Date;
  closes_at: Date;
  published_at: Date | null;
  synthetic: boolean;
  guarantor_slug: string;
  guarantor_name: string;
}

export function toPublicRound(r: PublicRoundRow): PublicRoundDto {
  return {
    id: r.id,
    name: r.name,
    guarantor: { slug: r.guarantor_slug, name: r.guarantor_name },
    opensAt: r.opens_at.toISOString(),
    closesAt: r.closes_at.toISOString(),
    publishedAt: iso(r.published_at),
    synthetic: r.synthetic,
  };
}
