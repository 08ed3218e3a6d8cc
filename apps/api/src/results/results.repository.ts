import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../common/persistence';
import { READ_CONNECTION } from '../common/infrastructure.module';
import {
  HEADLINE_PICK_SQL,
  HEADLINE_STATUS_SQL,
  RoundDistributionVersion,
  RoundValuesCache,
} from '../common/results/round-values-cache';
import type {
  AreaListRow,
  CountRow,
  InstitutionListRow,
  InstitutionRow,
  MetricRow,
  PublicRoundRow,
  PublishedRoundRow,
  QuestionnaireDefinitionRow,
  RankRow,
  ResultChangeRow,
  ResultRoundRow,
  RunRow,
  SelfReportVersionRow,
  TotalRow,
} from './results.rows';

/** A stored value of metric_result (the columns of METRIC_COLUMNS, plus its details document). */
export interface MetricRecord {
  indicator: string;
  aggregation: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  cv: number | null;
  n: number;
  populationSize: number | null;
  status: string;
  needed: number | null;
  neededSubjects: number | null;
  neededReports: number | null;
  validatedShare: number | null;
  formula: string | null;
  details: unknown;
  methodId: string;
  methodVersion: string;
  watermark: string;
  computedAt: Date;
}

/** A round as its results pages show it, with the method of its stored results and its states. */
export interface ResultRound {
  id: string;
  name: string;
  status: string;
  synthetic: boolean;
  publishedAt: Date | null;
  design: Record<string, unknown> | null;
  /** Method of the round's stored results (null: not computed yet). */
  methodId: string | null;
  methodVersion: string | null;
  /** States of the universe, by code. */
  states: Array<{ cveEnt: string; name: string }> | null;
}

/** A stored rank (metric_rank) of a listed row; all null when the row has none. */
export interface RankRecord {
  position: number | null;
  lo: number | null;
  hi: number | null;
  of: number | null;
}

export interface ResultInstitution {
  id: string;
  name: string;
  type: string;
  level: string;
  cvegeo: string;
  cveEnt: string;
  municipalityName: string;
  stateName: string;
}

export interface InstitutionListItem {
  institution: ResultInstitution;
  /** The picked value (the requested indicator or the headline); null when the institution has none. */
  metric: MetricRecord | null;
  rank: RankRecord;
}

export interface AreaListItem {
  scopeKey: string;
  name: string | null;
  cveEnt: string | null;
  metric: MetricRecord;
  rank: RankRecord;
}

/** Headline, T and P of one institution of the round (a row of the distribution's columns). */
export interface DistributionRecord {
  id: string;
  name: string;
  headline: string | null;
  estimate: number | null;
  status: string | null;
  t: number | null;
  tStatus: string | null;
  p: number | null;
  pStatus: string | null;
}

export interface RoundReportCounts {
  withAnyCitizenReport: number;
  pendingRefutations: number;
}

export interface RecomputeRun {
  id: string;
  roundId: string;
  status: string;
  progress: number;
  watermark: string | null;
  error: string | null;
  requestedAt: Date;
  finishedAt: Date | null;
}

/** A published round's window (public round list, trends). */
export interface PublishedRound {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  publishedAt: Date | null;
  synthetic: boolean;
}

export interface PublicRoundRecord extends PublishedRound {
  guarantorSlug: string;
  guarantorName: string;
}

export interface ResultChange {
  version: string;
  watermark: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** Who may read a round's results: one guarantor's rounds (null: any), published ones only or all. */
export interface RoundReader {
  guarantorId: string | null;
  publishedOnly: boolean;
}

/** The institution listing as SQL sees it; which indicators and which ranking are the service's rules. */
export interface InstitutionListQuery {
  /** Indicators in order of preference: each institution shows the first with a value (else the first row). */
  indicators: readonly string[];
  rankGroup: string;
  rankIndicator: string;
  level?: string;
  type?: string;
  cveEnt?: string;
  cvegeo?: string;
  status?: string;
  ranking?: 'ranked' | 'unranked';
  sort?: string;
  page: number;
  pageSize: number;
}

export interface AreaListQuery {
  scope: string;
  aggregation: string;
  indicator: string;
  rankGroup: string;
  cveEnt?: string;
  status?: string;
  ranking?: 'ranked' | 'unranked';
  sort?: string;
  page: number;
  pageSize: number;
}

export const METRIC_COLUMNS = `r.indicator, r.aggregation, r.estimate, r.se, r.lo, r.hi, r.cv, r.n, r.population_size, r.status, r.needed,
  r.needed_subjects, r.needed_reports, r.validated_share, r.formula, r.method_id, r.method_version, r.watermark::text AS watermark, r.computed_at`;
const RANK_COLUMNS = 'mr.position AS rank_position, mr.lo AS rank_lo, mr.hi AS rank_hi, mr.of AS rank_of';

/** The listing's filters on the institution itself, as WHERE terms (`i`) with their parameters appended. */
function addInstitutionFilters(q: InstitutionListQuery, params: unknown[], where: string[]): void {
  const add = (column: string, value: string | undefined): void => {
    if (!value) return;
    params.push(value);
    where.push(`i.${column} = $${params.length}`);
  };
  add('level', q.level);
  add('type', q.type);
  add('cve_ent', q.cveEnt);
  add('cvegeo', q.cvegeo);
}

/**
 * ORDER BY of an institution listing (the general one and the list of unranked institutions): by its
 * `estimate` column, institutions without a value last, or by name; ties by name, then id, so that
 * paging is stable. `i` names the relation that carries `name` and `id`.
 */
function institutionOrder(sort: InstitutionListQuery['sort'], estimate: string, i: string): string {
  const byName = `${i}.name, ${i}.id`;
  if (sort === 'estimate') return `${estimate} ASC NULLS LAST, ${byName}`;
  if (sort === '-estimate') return `${estimate} DESC NULLS LAST, ${byName}`;
  return byName;
}

/** A row of the institution listing as its item (no metric row joined: its columns are all null). */
function toListItem(r: InstitutionListRow): InstitutionListItem {
  return { institution: toInstitution(r), metric: r.indicator ? toMetric(r as MetricRow) : null, rank: toRank(r) };
}

export function toMetric(r: MetricRow): MetricRecord {
  return {
    indicator: r.indicator,
    aggregation: r.aggregation,
    estimate: r.estimate,
    se: r.se,
    lo: r.lo,
    hi: r.hi,
    cv: r.cv,
    n: r.n,
    populationSize: r.population_size,
    status: r.status,
    needed: r.needed,
    neededSubjects: r.needed_subjects,
    neededReports: r.needed_reports,
    validatedShare: r.validated_share,
    formula: r.formula,
    details: r.details,
    methodId: r.method_id,
    methodVersion: r.method_version,
    watermark: r.watermark,
    computedAt: r.computed_at,
  };
}

export const toPublishedRound = (r: PublishedRoundRow): PublishedRound => ({
  id: r.id,
  name: r.name,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  publishedAt: r.published_at,
  synthetic: r.synthetic,
});

const toRank = (r: RankRow): RankRecord => ({ position: r.rank_position, lo: r.rank_lo, hi: r.rank_hi, of: r.rank_of });

const toInstitution = (r: InstitutionRow): ResultInstitution => ({
  id: r.id,
  name: r.name,
  type: r.type,
  level: r.level,
  cvegeo: r.cvegeo,
  cveEnt: r.cve_ent,
  municipalityName: r.nom_mun,
  stateName: r.nom_ent,
});

/**
 * The stored results (metric_result, metric_rank, recompute_run, written by the worker) as the API
 * reads them. Read-only, on the read connection (a replica when DATABASE_READ_URL is set): results
 * are read outside any transaction, so the methods take no Queryable. The exceptions are
 * changeVersion, which reads the primary (see there), and the distribution's cache, kept on the
 * primary (see RoundValuesCache).
 */
@Injectable()
export class ResultsRepository {
  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly read: DataSource,
    @InjectDataSource() private readonly primary: DataSource,
    private readonly values: RoundValuesCache,
  ) {}

  /** The round with the method of its stored results and the states of its universe, if `reader` may see it. */
  async findRound(roundId: string, reader: RoundReader): Promise<ResultRound | undefined> {
    const r = await queryOne<ResultRoundRow>(
      this.read,
      `SELECT r.id, r.name, r.status, r.synthetic, r.published_at, r.design, m.method_id, m.method_version,
              (SELECT json_agg(json_build_object('cveEnt', s.cve_ent, 'name', s.nom_ent) ORDER BY s.cve_ent)
               FROM (SELECT DISTINCT i.cve_ent::text AS cve_ent, mu.nom_ent
                     FROM round_institution ri JOIN institution i ON i.id = ri.institution_id JOIN municipality mu ON mu.cvegeo = i.cvegeo
                     WHERE ri.round_id = r.id) s) AS states
       FROM round r
       LEFT JOIN LATERAL (
         SELECT x.method_id, x.method_version FROM metric_result x
         WHERE x.round_id = r.id AND x.scope = 'national' AND x.aggregation = 'unweighted' AND x.indicator = 'I'
       ) m ON true
       WHERE r.id = $1 AND ($2::uuid IS NULL OR r.guarantor_id = $2::uuid) AND ($3::boolean = false OR r.status = 'published')`,
      [roundId, reader.guarantorId, reader.publishedOnly],
    );
    return r === undefined
      ? undefined
      : {
          id: r.id,
          name: r.name,
          status: r.status,
          synthetic: r.synthetic,
          publishedAt: r.published_at,
          design: r.design,
          methodId: r.method_id,
          methodVersion: r.method_version,
          states: r.states,
        };
  }

  /** Every national value of the round, with details. */
  async nationalResults(roundId: string): Promise<MetricRecord[]> {
    const rows = await queryRows<MetricRow>(
      this.read,
      `SELECT ${METRIC_COLUMNS}, r.details FROM metric_result r WHERE r.round_id = $1 AND r.scope = 'national'`,
      [roundId],
    );
    return rows.map(toMetric);
  }

  /** Institutions in the round's frozen universe. */
  async universeSize(roundId: string): Promise<number> {
    const [{ n }] = await queryRows<CountRow>(
      this.read,
      'SELECT count(*)::int AS n FROM round_institution WHERE round_id = $1',
      [roundId],
    );
    return n;
  }

  /** Institutions with any citizen report, and the refutations still pending behind the self-reports (kept per round). */
  async reportCounts(roundId: string): Promise<RoundReportCounts> {
    const counts = await this.values.reportCounts(roundId);
    return { withAnyCitizenReport: counts.withReports, pendingRefutations: counts.pending };
  }

  /** Headline, T and P of every institution of the round, by name (kept per round, names as they are now). */
  async distribution(roundId: string): Promise<DistributionRecord[]> {
    return (await this.distributionWithVersion(roundId)).rows;
  }

  /** The distribution with the version of the data it was read from (RoundValuesCache.distributionWithVersion). */
  async distributionWithVersion(
    roundId: string,
  ): Promise<{ rows: DistributionRecord[]; version: RoundDistributionVersion }> {
    const { rows, version } = await this.values.distributionWithVersion(roundId);
    return {
      version,
      rows: rows.map((r) => ({
        id: r.id,
        name: r.name,
        headline: r.headline,
        estimate: r.estimate,
        status: r.status,
        t: r.t,
        tStatus: r.t_status,
        p: r.p,
        pStatus: r.p_status,
      })),
    };
  }

  /** The version a distribution read now must at least have (RoundValuesCache.distributionVersion). */
  distributionVersion(roundId: string): Promise<RoundDistributionVersion> {
    return this.values.distributionVersion(roundId);
  }

  /** One page of the round's institutions, each with its picked value and its rank in `rankGroup`. */
  async institutionPage(roundId: string, q: InstitutionListQuery): Promise<Page<InstitutionListItem>> {
    if (
      q.ranking === 'ranked' &&
      q.status === undefined &&
      q.indicators.length === 1 &&
      q.indicators[0] === q.rankIndicator
    ) {
      return this.rankedInstitutionPage(roundId, q);
    }
    if (
      q.ranking === 'unranked' &&
      q.rankIndicator === 'I' &&
      q.indicators.length === 2 &&
      q.indicators[0] === 'I' &&
      q.indicators[1] === 'I_G'
    ) {
      return this.unrankedHeadlinePage(roundId, q);
    }
    const params: unknown[] = [roundId, q.indicators, q.rankGroup, q.rankIndicator];
    const where: string[] = ['ri.round_id = $1'];
    addInstitutionFilters(q, params, where);
    if (q.status) {
      params.push(q.status);
      where.push(`h.status = $${params.length}`);
    }
    if (q.ranking === 'ranked') where.push('mr.position IS NOT NULL');
    if (q.ranking === 'unranked') where.push('mr.position IS NULL');
    // Each institution's row is picked set-based (one pass over the round's rows of those indicators,
    // hash-joined), not by one index lookup per institution; the row's details (a few KB of JSON each)
    // are read for the page's rows alone, after sorting and paging: for a national round, 50 documents
    // per page instead of 13,000 (bench/RESULTS.md, "Dashboard page load").
    const from = `FROM round_institution ri
      JOIN institution i ON i.id = ri.institution_id
      JOIN municipality mu ON mu.cvegeo = i.cvegeo
      LEFT JOIN (
        SELECT DISTINCT ON (r.scope_key) r.scope_key, ${METRIC_COLUMNS}
        FROM metric_result r
        WHERE r.round_id = $1 AND r.scope = 'institution' AND r.aggregation = 'unweighted' AND r.indicator = ANY($2::text[])
        ORDER BY r.scope_key, (r.estimate IS NULL), array_position($2::text[], r.indicator::text)
      ) h ON h.scope_key = i.id::text
      LEFT JOIN metric_rank mr ON mr.round_id = $1 AND mr.ranking = 'institution' AND mr.group_key = $3 AND mr.indicator = $4 AND mr.scope_key = i.id::text
      WHERE ${where.join(' AND ')}`;
    const order = (h: string, i: string): string =>
      q.ranking === 'ranked'
        ? `${h === 'h' ? 'mr.position' : 'page.rank_position'}, ${i}.name, ${i}.id`
        : institutionOrder(q.sort, `${h}.estimate`, i);
    const [[{ total }], rows] = await Promise.all([
      queryRows<TotalRow>(this.read, `SELECT count(*)::int AS total ${from}`, params),
      queryRows<InstitutionListRow>(
        this.read,
        `WITH page AS (
           SELECT i.id, i.name, i.type, i.level, i.cvegeo, i.cve_ent, mu.nom_mun, mu.nom_ent,
                  h.indicator, h.aggregation, h.estimate, h.se, h.lo, h.hi, h.cv, h.n, h.population_size, h.status, h.needed, h.formula,
                  h.needed_subjects, h.needed_reports, h.validated_share, h.method_id, h.method_version, h.watermark, h.computed_at, ${RANK_COLUMNS}
           ${from} ORDER BY ${order('h', 'i')} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
         )
         SELECT page.*, d.details
         FROM page
         LEFT JOIN LATERAL (
           SELECT r.details::jsonb - 'inputs' - 'institution' AS details FROM metric_result r
           WHERE r.round_id = $1 AND r.scope = 'institution' AND r.scope_key = page.id::text AND r.aggregation = page.aggregation AND r.indicator = page.indicator
         ) d ON true
         ORDER BY ${order('page', 'page')}`,
        params,
      ),
    ]);
    return { total, items: rows.map(toListItem) };
  }

  /**
   * One page of a ranking (the ranked institutions of `rankGroup` by position), driven by the ranking's
   * own rows: only the page's result rows are read, by key. What institutionPage gives for the same
   * query, without reading every institution's row of the indicator to sort and count them (≈ 12,000
   * scattered rows at national size: 0.15 s warm, up to 1.5 s on a freshly rebuilt round).
   */
  private async rankedInstitutionPage(roundId: string, q: InstitutionListQuery): Promise<Page<InstitutionListItem>> {
    const params: unknown[] = [roundId, q.rankGroup, q.rankIndicator];
    const where: string[] = [
      'mr.round_id = $1',
      "mr.ranking = 'institution'",
      'mr.group_key = $2',
      'mr.indicator = $3',
      'mr.position IS NOT NULL',
    ];
    addInstitutionFilters(q, params, where);
    const from = `FROM metric_rank mr
      JOIN round_institution ri ON ri.round_id = mr.round_id AND ri.institution_id = mr.scope_key::uuid
      JOIN institution i ON i.id = ri.institution_id
      JOIN municipality mu ON mu.cvegeo = i.cvegeo
      WHERE ${where.join(' AND ')}`;
    const [[{ total }], rows] = await Promise.all([
      queryRows<TotalRow>(this.read, `SELECT count(*)::int AS total ${from}`, params),
      queryRows<InstitutionListRow>(
        this.read,
        `WITH page AS (
           SELECT i.id, i.name, i.type, i.level, i.cvegeo, i.cve_ent, mu.nom_mun, mu.nom_ent, ${RANK_COLUMNS}
           ${from} ORDER BY mr.position, i.name, i.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
         )
         SELECT page.*, ${METRIC_COLUMNS}, r.details::jsonb - 'inputs' - 'institution' AS details
         FROM page
         LEFT JOIN metric_result r ON r.round_id = $1 AND r.scope = 'institution' AND r.scope_key = page.id::text
           AND r.aggregation = 'unweighted' AND r.indicator = $3
         ORDER BY page.rank_position, page.name, page.id`,
        params,
      ),
    ]);
    return { total, items: rows.map(toListItem) };
  }

  /**
   * One page of the institutions outside the I ranking of `rankGroup`, each with its I or, where I has
   * no value, the self-report I_G it would rest on: what institutionPage gives for that query, with
   * each institution's pick, status and estimate (for filtering and sorting) taken from the round's
   * kept values (RoundValuesCache, on the primary) and only the page's result rows read, by key.
   */
  private async unrankedHeadlinePage(roundId: string, q: InstitutionListQuery): Promise<Page<InstitutionListItem>> {
    await this.values.ensure(roundId);
    const params: unknown[] = [roundId, q.rankGroup];
    const where: string[] = ['ri.round_id = $1', 'mr.position IS NULL'];
    addInstitutionFilters(q, params, where);
    // The pick of the general listing (its DISTINCT ON over I and I_G), from the kept values.
    if (q.status) {
      params.push(q.status);
      where.push(`${HEADLINE_STATUS_SQL} = $${params.length}`);
    }
    const from = `FROM round_institution ri
      JOIN institution i ON i.id = ri.institution_id
      JOIN municipality mu ON mu.cvegeo = i.cvegeo
      LEFT JOIN round_institution_values v ON v.round_id = ri.round_id AND v.institution_id = i.id::text
      LEFT JOIN metric_rank mr ON mr.round_id = $1 AND mr.ranking = 'institution' AND mr.group_key = $2 AND mr.indicator = 'I'
        AND mr.scope_key = i.id::text
      WHERE ${where.join(' AND ')}`;
    const order = (p: string): string => institutionOrder(q.sort, `${p}.picked_estimate`, p);
    const [[{ total }], rows] = await Promise.all([
      queryRows<TotalRow>(this.primary, `SELECT count(*)::int AS total ${from}`, params),
      queryRows<InstitutionListRow>(
        this.primary,
        `WITH page AS (
           SELECT * FROM (
             SELECT i.id, i.name, i.type, i.level, i.cvegeo, i.cve_ent, mu.nom_mun, mu.nom_ent, ${RANK_COLUMNS},
                    ${HEADLINE_PICK_SQL} AS picked_indicator, coalesce(v.i, v.ig) AS picked_estimate
             ${from}
           ) x ORDER BY ${order('x')} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
         )
         SELECT page.id, page.name, page.type, page.level, page.cvegeo, page.cve_ent, page.nom_mun, page.nom_ent,
                page.rank_position, page.rank_lo, page.rank_hi, page.rank_of,
                ${METRIC_COLUMNS}, r.details::jsonb - 'inputs' - 'institution' AS details
         FROM page
         LEFT JOIN metric_result r ON r.round_id = $1 AND r.scope = 'institution' AND r.scope_key = page.id::text
           AND r.aggregation = 'unweighted' AND r.indicator = page.picked_indicator
         ORDER BY ${order('page')}`,
        params,
      ),
    ]);
    return { total, items: rows.map(toListItem) };
  }

  /** An institution of the round's universe. */
  async findInstitution(roundId: string, institutionId: string): Promise<ResultInstitution | undefined> {
    const r = await queryOne<InstitutionRow>(
      this.read,
      `SELECT i.id, i.name, i.type, i.level, i.cvegeo, i.cve_ent, mu.nom_mun, mu.nom_ent
       FROM round_institution ri JOIN institution i ON i.id = ri.institution_id JOIN municipality mu ON mu.cvegeo = i.cvegeo
       WHERE ri.round_id = $1 AND ri.institution_id = $2`,
      [roundId, institutionId],
    );
    return r === undefined ? undefined : toInstitution(r);
  }

  /** Every unweighted value stored for one institution of the round, with details. */
  async institutionResults(roundId: string, institutionId: string): Promise<MetricRecord[]> {
    const rows = await queryRows<MetricRow>(
      this.read,
      `SELECT ${METRIC_COLUMNS}, r.details FROM metric_result r
       WHERE r.round_id = $1 AND r.scope = 'institution' AND r.scope_key = $2 AND r.aggregation = 'unweighted'`,
      [roundId, institutionId],
    );
    return rows.map(toMetric);
  }

  /** The answers of one submitted self-report version, with its questionnaire version's definition. */
  async selfReportVersion(
    responseId: string,
    version: number,
    questionnaireId: string,
  ): Promise<SelfReportVersionRow | null> {
    const rows = await queryRows<SelfReportVersionRow>(
      this.read,
      `SELECT v.data, q.definition FROM response_version v JOIN questionnaire q ON q.id = $3
       WHERE v.response_id = $1 AND v.version = $2`,
      [responseId, version, questionnaireId],
    );
    return rows[0] ?? null;
  }

  /** Definitions of the questionnaire versions `ids`, newest version first. */
  async questionnaireDefinitions(ids: readonly string[]): Promise<unknown[]> {
    const rows = await queryRows<QuestionnaireDefinitionRow>(
      this.read,
      'SELECT definition FROM questionnaire WHERE id = ANY($1::uuid[]) ORDER BY version DESC',
      [ids],
    );
    return rows.map((r) => r.definition);
  }

  /** One page of the round's values of one scope, aggregation and indicator, with ranks in `rankGroup`. */
  async areaPage(roundId: string, q: AreaListQuery): Promise<Page<AreaListItem>> {
    const params: unknown[] = [roundId, q.scope, q.aggregation, q.indicator, q.rankGroup];
    const where = ['r.round_id = $1', 'r.scope = $2', 'r.aggregation = $3', 'r.indicator = $4'];
    if (q.cveEnt && (q.scope === 'municipality' || q.scope === 'state')) {
      params.push(q.cveEnt);
      where.push(q.scope === 'municipality' ? `mu.cve_ent = $${params.length}` : `r.scope_key = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`r.status = $${params.length}`);
    }
    if (q.ranking === 'ranked') where.push('mr.position IS NOT NULL');
    if (q.ranking === 'unranked') where.push('mr.position IS NULL');
    const from = `FROM metric_result r
      LEFT JOIN metric_rank mr ON mr.round_id = $1 AND mr.ranking = $2 AND mr.group_key = $5 AND mr.indicator = $4 AND mr.scope_key = r.scope_key
      LEFT JOIN municipality mu ON r.scope = 'municipality' AND mu.cvegeo::text = r.scope_key
      LEFT JOIN (SELECT DISTINCT ON (cve_ent) cve_ent, nom_ent FROM municipality ORDER BY cve_ent) st ON r.scope = 'state' AND st.cve_ent::text = r.scope_key
      WHERE ${where.join(' AND ')}`;
    const name = `CASE r.scope WHEN 'municipality' THEN mu.nom_mun WHEN 'state' THEN st.nom_ent WHEN 'national' THEN 'Nacional' ELSE r.scope_key END`;
    const order =
      q.ranking === 'ranked'
        ? 'mr.position, r.scope_key'
        : q.ranking === 'unranked'
          ? `${name}, r.scope_key`
          : q.sort === 'estimate'
            ? 'r.estimate ASC NULLS LAST, r.scope_key'
            : q.sort === '-estimate'
              ? 'r.estimate DESC NULLS LAST, r.scope_key'
              : q.sort === 'name'
                ? `${name}, r.scope_key`
                : 'r.scope_key';
    const [[{ total }], rows] = await Promise.all([
      queryRows<TotalRow>(this.read, `SELECT count(*)::int AS total ${from}`, params),
      queryRows<AreaListRow>(
        this.read,
        `SELECT r.scope_key, ${name} AS name,
                CASE r.scope WHEN 'municipality' THEN mu.cve_ent::text WHEN 'state' THEN r.scope_key ELSE NULL END AS cve_ent,
                ${METRIC_COLUMNS}, ${RANK_COLUMNS}, r.details
         ${from} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
        params,
      ),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        scopeKey: r.scope_key,
        name: r.name,
        cveEnt: r.cve_ent,
        metric: toMetric(r),
        rank: toRank(r),
      })),
    };
  }

  /** A recompute run of the round. */
  async findRun(roundId: string, runId: string): Promise<RecomputeRun | undefined> {
    const r = await queryOne<RunRow>(
      this.read,
      `SELECT id, round_id, status, progress, watermark::text AS watermark, error, requested_at, finished_at FROM recompute_run WHERE id = $1 AND round_id = $2`,
      [runId, roundId],
    );
    return r === undefined
      ? undefined
      : {
          id: r.id,
          roundId: r.round_id,
          status: r.status,
          progress: r.progress,
          watermark: r.watermark,
          error: r.error,
          requestedAt: r.requested_at,
          finishedAt: r.finished_at,
        };
  }

  /** One page of the published rounds (of one guarantor, by slug, or of all), newest publication first. */
  async publishedRounds(
    guarantorSlug: string | null,
    page: number,
    pageSize: number,
  ): Promise<Page<PublicRoundRecord>> {
    const where = `r.status = 'published' AND ($1::text IS NULL OR g.slug = $1::text)`;
    const [[{ total }], rows] = await Promise.all([
      queryRows<TotalRow>(
        this.read,
        `SELECT count(*)::int AS total FROM round r JOIN guarantor g ON g.id = r.guarantor_id WHERE ${where}`,
        [guarantorSlug],
      ),
      queryRows<PublicRoundRow>(
        this.read,
        `SELECT r.id, r.name, r.opens_at, r.closes_at, r.published_at, r.synthetic, g.slug AS guarantor_slug, g.name AS guarantor_name
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id
         WHERE ${where} ORDER BY r.published_at DESC NULLS LAST, r.id LIMIT $2 OFFSET $3`,
        [guarantorSlug, pageSize, (page - 1) * pageSize],
      ),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        ...toPublishedRound(r),
        guarantorSlug: r.guarantor_slug,
        guarantorName: r.guarantor_name,
      })),
    };
  }

  /**
   * The round's change counter (result_change), undefined before its first change. Read on the
   * primary: a catch-up compares it with the notification the worker just sent, and a replica may
   * not have the write yet.
   */
  async changeVersion(roundId: string): Promise<ResultChange | undefined> {
    const r = await queryOne<ResultChangeRow>(
      this.primary,
      'SELECT version::text AS version, watermark::text AS watermark FROM result_change WHERE round_id = $1',
      [roundId],
    );
    return r === undefined ? undefined : { version: r.version, watermark: r.watermark };
  }
}
