import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { questionTitles } from '@apertura/questionnaire';
import { DomainError, notFound } from '../common/domain-error';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type {
  ComparabilityDto,
  ComparisonReasonDto,
  PublicRoundsQueryDto,
  AreaResultPageDto,
  AreaResultsQueryDto,
  InstitutionDistributionDto,
  InstitutionResultDetailDto,
  InstitutionResultPageDto,
  InstitutionResultsQueryDto,
  PublicRoundPageDto,
  RecomputeRunDto,
  ResultsSummaryDto,
} from './dto/results.dto';
import { RANKED_INDICATORS } from './dto/results.dto';
import {
  InstitutionRow,
  MetricRow,
  notice,
  PublicRoundRow,
  RankRow,
  RoundRow,
  RunRow,
  toAreaItem,
  toInstitutionDetail,
  toInstitutionItem,
  toPublicRound,
  toRun,
  toSummary,
} from './results.mapper';
import { RoundErrors } from '../rounds/rounds.errors';

/** Who reads: staff of one guarantor (any status of its rounds), or anyone (published rounds only). */
export type ResultsAccess = { kind: 'staff'; guarantorId: string } | { kind: 'public' };

export const METRIC_COLUMNS = `r.indicator, r.aggregation, r.estimate, r.se, r.lo, r.hi, r.cv, r.n, r.population_size, r.status, r.needed,
  r.needed_subjects, r.needed_reports, r.validated_share, r.formula, r.method_id, r.method_version, r.watermark::text AS watermark, r.computed_at`;
const RANK_COLUMNS = 'mr.position AS rank_position, mr.lo AS rank_lo, mr.hi AS rank_hi, mr.of AS rank_of';

/** The self-report counterpart a missing validated value falls back to in an unranked list. */
const SELF_REPORT_FALLBACK: Readonly<Record<string, readonly string[]>> = { I: ['I_G'], T: ['TG'], P: ['PG'] };

/** §9: rankings exist for validated indicators only; asking for another is a client error, said plainly. */
function rankedIndicator(indicator: string): string {
  if ((RANKED_INDICATORS as readonly string[]).includes(indicator)) return indicator;
  throw new DomainError(
    'VALIDATION_FAILED',
    {
      es: `Solo se ordenan en un ranking valores validados por la ciudadanía (I, T, P, TC, PC); ${indicator} no tiene ranking.`,
      en: `Only citizen-validated values (I, T, P, TC, PC) are ranked; ${indicator} has no ranking.`,
    },
    'indicator',
  );
}

/**
 * Reads the result tables (metric_result, written by the worker) for the API. Never computes: a
 * round that was not computed yet answers `computed: false` / null values.
 */
@Injectable()
export class ResultsService {
  // Read-only: served by the read connection (a replica when DATABASE_READ_URL is set).
  constructor(@InjectDataSource(READ_CONNECTION) private readonly ds: DataSource) {}

  /** The round, if the caller may see its results; NOT_FOUND otherwise (no existence leak). */
  async round(access: ResultsAccess, roundId: string): Promise<RoundRow> {
    // With the method of its stored results and the states of its universe: every results page says
    // which method produced the numbers and names a one-state round by its state (§9).
    const [row]: RoundRow[] = await this.ds.query(
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
      [roundId, access.kind === 'staff' ? access.guarantorId : null, access.kind === 'public'],
    );
    if (!row) throw RoundErrors.notFound('roundId');
    return row;
  }

  async summary(access: ResultsAccess, roundId: string): Promise<ResultsSummaryDto> {
    const round = await this.round(access, roundId);
    const [rows, [{ n }], [counts]]: [
      MetricRow[],
      Array<{ n: number }>,
      Array<{ with_reports: number; pending: number }>,
    ] = await Promise.all([
      this.ds.query(
        `SELECT ${METRIC_COLUMNS}, r.details FROM metric_result r WHERE r.round_id = $1 AND r.scope = 'national'`,
        [roundId],
      ),
      this.ds.query('SELECT count(*)::int AS n FROM round_institution WHERE round_id = $1', [roundId]),
      // The I row of every institution counts its validators in n (also when I has no value), and
      // its I_G row the refutations still pending behind the self-report.
      this.ds.query(
        `SELECT count(*) FILTER (WHERE r.indicator = 'I' AND r.n > 0)::int AS with_reports,
                coalesce(sum((r.details->>'pendingRefutations')::int) FILTER (WHERE r.indicator = 'I_G'), 0)::int AS pending
         FROM metric_result r WHERE r.round_id = $1 AND r.scope = 'institution' AND r.aggregation = 'unweighted' AND r.indicator IN ('I', 'I_G')`,
        [roundId],
      ),
    ]);
    return toSummary(round, rows, {
      universe: n,
      withAnyCitizenReport: counts?.with_reports ?? 0,
      pendingRefutations: counts?.pending ?? 0,
    });
  }

  /** Headline, T and P of every institution of the round, as columns (see InstitutionDistributionDto). */
  async distribution(access: ResultsAccess, roundId: string): Promise<InstitutionDistributionDto> {
    await this.round(access, roundId);
    // One pass over the round's rows of the four indicators (pivoted by FILTER), hash-joined to the
    // universe: not four index lookups per institution.
    const rows: Array<{
      id: string;
      name: string;
      headline: string | null;
      estimate: number | null;
      status: string | null;
      t: number | null;
      t_status: string | null;
      p: number | null;
      p_status: string | null;
    }> = await this.ds.query(
      `WITH v AS (
           SELECT r.scope_key,
                  bool_or(r.indicator = 'I') AS has_i,
                  max(r.estimate) FILTER (WHERE r.indicator = 'I') AS i, max(r.status) FILTER (WHERE r.indicator = 'I') AS i_status,
                  max(r.estimate) FILTER (WHERE r.indicator = 'I_G') AS ig, max(r.status) FILTER (WHERE r.indicator = 'I_G') AS ig_status,
                  bool_or(r.indicator = 'I_G') AS has_ig,
                  max(r.estimate) FILTER (WHERE r.indicator = 'T') AS t, max(r.status) FILTER (WHERE r.indicator = 'T') AS t_status,
                  max(r.estimate) FILTER (WHERE r.indicator = 'P') AS p, max(r.status) FILTER (WHERE r.indicator = 'P') AS p_status
           FROM metric_result r
           WHERE r.round_id = $1 AND r.scope = 'institution' AND r.aggregation = 'unweighted' AND r.indicator IN ('I', 'I_G', 'T', 'P')
           GROUP BY r.scope_key
         )
         SELECT i.id, i.name,
                -- The headline as in the listing: I where it has a value, else I_G where it has one, else the (empty) I row.
                CASE WHEN v.i IS NOT NULL THEN 'I' WHEN v.ig IS NOT NULL THEN 'I_G' WHEN v.has_i THEN 'I' WHEN v.has_ig THEN 'I_G' END AS headline,
                coalesce(v.i, v.ig) AS estimate,
                CASE WHEN v.i IS NOT NULL OR (v.ig IS NULL AND v.has_i) THEN v.i_status ELSE v.ig_status END AS status,
                v.t, v.t_status, v.p, v.p_status
         FROM round_institution ri
         JOIN institution i ON i.id = ri.institution_id
         LEFT JOIN v ON v.scope_key = i.id::text
         WHERE ri.round_id = $1
         ORDER BY i.name, i.id`,
      [roundId],
    );
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
      out.tStatus.push(r.t_status);
      out.p.push(r.p);
      out.pStatus.push(r.p_status);
    }
    return out;
  }

  async institutions(
    access: ResultsAccess,
    roundId: string,
    q: InstitutionResultsQueryDto,
  ): Promise<InstitutionResultPageDto> {
    await this.round(access, roundId);
    // The requested indicator, or the headline: I where it exists, else I_G (else the empty I row).
    // The ranked list shows the ranked indicator itself (I by default), never an I_G in its place.
    const rankIndicator = q.ranking === undefined ? (q.indicator ?? 'I') : rankedIndicator(q.indicator ?? 'I');
    // The unranked list of a ranking shows, where the validated value is missing, the self-report it
    // would rest on (drawn hollow as an unverified self-report, §9).
    const indicators =
      q.ranking === 'ranked'
        ? [rankIndicator]
        : q.ranking === 'unranked'
          ? [rankIndicator, ...(SELF_REPORT_FALLBACK[rankIndicator] ?? [])]
          : q.indicator
            ? [q.indicator]
            : ['I', 'I_G'];
    // Ranks of the national ranking, or of the state's when the list is filtered to one state.
    const rankGroup = q.cveEnt ?? 'MX';
    const params: unknown[] = [roundId, indicators, rankGroup, rankIndicator];
    const where: string[] = ['ri.round_id = $1'];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.level) add('i.level = ?', q.level);
    if (q.type) add('i.type = ?', q.type);
    if (q.cveEnt) add('i.cve_ent = ?', q.cveEnt);
    if (q.cvegeo) add('i.cvegeo = ?', q.cvegeo);
    if (q.status) add('h.status = ?', q.status);
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
        : q.sort === 'estimate'
          ? `${h}.estimate ASC NULLS LAST, ${i}.name, ${i}.id`
          : q.sort === '-estimate'
            ? `${h}.estimate DESC NULLS LAST, ${i}.name, ${i}.id`
            : `${i}.name, ${i}.id`;
    const [[{ total }], rows] = await Promise.all([
      this.ds.query(`SELECT count(*)::int AS total ${from}`, params) as Promise<Array<{ total: number }>>,
      this.ds.query(
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
      ) as Promise<Array<InstitutionRow & Partial<MetricRow> & RankRow>>,
    ]);
    return {
      items: rows.map((r) => toInstitutionItem(r, r.indicator ? (r as MetricRow) : null, r, rankGroup)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      notice: notice(),
    };
  }

  async institution(
    access: ResultsAccess,
    roundId: string,
    institutionId: string,
  ): Promise<InstitutionResultDetailDto> {
    const round = await this.round(access, roundId);
    const [institution]: InstitutionRow[] = await this.ds.query(
      `SELECT i.id, i.name, i.type, i.level, i.cvegeo, i.cve_ent, mu.nom_mun, mu.nom_ent
       FROM round_institution ri JOIN institution i ON i.id = ri.institution_id JOIN municipality mu ON mu.cvegeo = i.cvegeo
       WHERE ri.round_id = $1 AND ri.institution_id = $2`,
      [roundId, institutionId],
    );
    if (!institution) throw notFound('institución de la ronda', 'institutionId');
    const rows: MetricRow[] = await this.ds.query(
      `SELECT ${METRIC_COLUMNS}, r.details FROM metric_result r
       WHERE r.round_id = $1 AND r.scope = 'institution' AND r.scope_key = $2 AND r.aggregation = 'unweighted'`,
      [roundId, institutionId],
    );
    return toInstitutionDetail(round, institution, rows, await this.itemTitles(rows));
  }

  /** Titles of the items, from the institution questionnaire version(s) the stored result names. */
  private async itemTitles(rows: readonly MetricRow[]): Promise<Map<string, { es: string; en: string }>> {
    const iRow = rows.find((r) => r.indicator === 'I');
    const inputs = (iRow?.details ?? {}) as { inputs?: { questionnaires?: Array<{ id?: unknown; kind?: unknown }> } };
    const ids = (inputs.inputs?.questionnaires ?? [])
      .filter((q) => q.kind === 'institution' && typeof q.id === 'string')
      .map((q) => q.id as string);
    if (ids.length === 0) return new Map();
    const defs: Array<{ definition: unknown }> = await this.ds.query(
      'SELECT definition FROM questionnaire WHERE id = ANY($1::uuid[]) ORDER BY version DESC',
      [ids],
    );
    const titles = new Map<string, { es: string; en: string }>();
    for (const d of defs)
      for (const [name, title] of questionTitles(d.definition)) if (!titles.has(name)) titles.set(name, title);
    return titles;
  }

  async areas(access: ResultsAccess, roundId: string, q: AreaResultsQueryDto): Promise<AreaResultPageDto> {
    await this.round(access, roundId);
    if (q.ranking !== undefined) {
      rankedIndicator(q.indicator);
      if ((q.scope !== 'municipality' && q.scope !== 'state') || q.aggregation !== 'unweighted') {
        throw new DomainError(
          'VALIDATION_FAILED',
          {
            es: 'Los rankings existen para municipios y estados, con la media sobre sujetos obligados (aggregation=unweighted).',
            en: 'Rankings exist for municipalities and states, with the mean over obliged subjects (aggregation=unweighted).',
          },
          'ranking',
        );
      }
    }
    // Municipalities rank nationally, or within their state when the list is filtered to one.
    const rankGroup = q.scope === 'municipality' && q.cveEnt ? q.cveEnt : 'MX';
    const params: unknown[] = [roundId, q.scope, q.aggregation, q.indicator, rankGroup];
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
      this.ds.query(`SELECT count(*)::int AS total ${from}`, params) as Promise<Array<{ total: number }>>,
      this.ds.query(
        `SELECT r.scope_key, ${name} AS name,
                CASE r.scope WHEN 'municipality' THEN mu.cve_ent::text WHEN 'state' THEN r.scope_key ELSE NULL END AS cve_ent,
                ${METRIC_COLUMNS}, ${RANK_COLUMNS}, r.details
         ${from} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
        params,
      ) as Promise<Array<MetricRow & RankRow & { scope_key: string; name: string | null; cve_ent: string | null }>>,
    ]);
    return {
      items: rows.map((r) => toAreaItem(q.scope, r, rankGroup)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      notice: notice(),
    };
  }

  async run(guarantorId: string, roundId: string, runId: string): Promise<RecomputeRunDto> {
    await this.round({ kind: 'staff', guarantorId }, roundId);
    const [run]: RunRow[] = await this.ds.query(
      `SELECT id, round_id, status, progress, watermark::text AS watermark, error, requested_at, finished_at FROM recompute_run WHERE id = $1 AND round_id = $2`,
      [runId, roundId],
    );
    if (!run) throw notFound('recálculo', 'runId');
    return toRun(run);
  }

  async publicRounds(q: PublicRoundsQueryDto): Promise<PublicRoundPageDto> {
    const where = `r.status = 'published' AND ($1::text IS NULL OR g.slug = $1::text)`;
    const [[{ total }], rows] = await Promise.all([
      this.ds.query(
        `SELECT count(*)::int AS total FROM round r JOIN guarantor g ON g.id = r.guarantor_id WHERE ${where}`,
        [q.guarantor ?? null],
      ) as Promise<Array<{ total: number }>>,
      this.ds.query(
        `SELECT r.id, r.name, r.opens_at, r.closes_at, r.published_at, r.synthetic, g.slug AS guarantor_slug, g.name AS guarantor_name
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id
         WHERE ${where} ORDER BY r.published_at DESC NULLS LAST, r.id LIMIT $2 OFFSET $3`,
        [q.guarantor ?? null, q.pageSize, (q.page - 1) * q.pageSize],
      ) as Promise<PublicRoundRow[]>,
    ]);
    return { items: rows.map(toPublicRound), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Whether two rounds may be put side by side at all. Generated demo data next to a real round would
   * read as a change in real institutions, so that pairing is refused with a reason code (the per-value
   * rule of §9 — status, SE, method — applies on top, value by value, in the client).
   */
  async comparability(access: ResultsAccess, a: string, b: string): Promise<ComparabilityDto> {
    const [ra, rb] = await Promise.all([this.round(access, a), this.round(access, b)]);
    const reasons: ComparisonReasonDto[] = [];
    if (ra.id === rb.id) {
      reasons.push({
        code: 'SAME_ROUND',
        messages: { es: 'A y B son la misma ronda.', en: 'A and B are the same round.' },
      });
    }
    if (ra.synthetic !== rb.synthetic) {
      reasons.push({
        code: 'SYNTHETIC_MIXED',
        messages: {
          es: 'Una de las rondas contiene datos sintéticos de demostración y la otra datos reales: no se comparan.',
          en: 'One round holds synthetic demonstration data and the other real data: they are not compared.',
        },
      });
    }
    return { comparable: reasons.length === 0, reasons, syntheticA: ra.synthetic, syntheticB: rb.synthetic };
  }
}
