/**
 * Rows the results feature reads with SQL (results, trends and the change counter of the results
 * stream), as PostgreSQL answers them (snake_case). They never leave results.repository.ts /
 * trends.repository.ts: each is mapped to a camelCase record there.
 */

/** A metric_result row as the results queries select it (METRIC_COLUMNS, plus details). */
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

export interface ResultRoundRow {
  id: string;
  name: string;
  status: string;
  synthetic: boolean;
  published_at: Date | null;
  design: Record<string, unknown> | null;
  method_id: string | null;
  method_version: string | null;
  /** Built by json_build_object: already camelCase. */
  states: Array<{ cveEnt: string; name: string }> | null;
}

/** A stored rank (metric_rank) joined to a listed row. */
export interface RankRow {
  rank_position: number | null;
  rank_lo: number | null;
  rank_hi: number | null;
  rank_of: number | null;
}

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

/** A row of the institution listing: the institution, its picked metric row (absent: none) and rank. */
export type InstitutionListRow = InstitutionRow & Partial<MetricRow> & RankRow;

/** A row of the area listing. */
export type AreaListRow = MetricRow & RankRow & { scope_key: string; name: string | null; cve_ent: string | null };

export interface CountRow {
  n: number;
}

export interface TotalRow {
  total: number;
}

export interface QuestionnaireDefinitionRow {
  definition: unknown;
}

/** One submitted self-report version and the definition of the questionnaire version it answered. */
export interface SelfReportVersionRow {
  data: Record<string, unknown>;
  definition: unknown;
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

/** A published round's window (public round list, trends). */
export interface PublishedRoundRow {
  id: string;
  name: string;
  opens_at: Date;
  closes_at: Date;
  published_at: Date | null;
  synthetic: boolean;
}

export interface PublicRoundRow extends PublishedRoundRow {
  guarantor_slug: string;
  guarantor_name: string;
}

/** result_change: the round's change counter the results stream sends as event id. */
export interface ResultChangeRow {
  version: string;
  watermark: string;
}

// Trends (trends.repository.ts).

export interface ExcludedRow {
  excluded: number;
}

export type TrendMetricRow = MetricRow & { round_id: string };

export interface RoundAreaRow {
  round_id: string;
  area: string;
  states: number;
  state_name: string;
}

export interface TrendGuarantorRow {
  id: string;
  slug: string;
  name: string;
  synthetic: boolean;
}

export interface TrendUnitRow {
  name: string;
  cve_ent: string | null;
}
