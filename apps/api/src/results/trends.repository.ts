import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../common/persistence';
import { READ_CONNECTION } from '../common/infrastructure.module';
import { METRIC_COLUMNS, MetricRecord, PublishedRound, toMetric, toPublishedRound } from './results.repository';
import type {
  ExcludedRow,
  PublishedRoundRow,
  RoundAreaRow,
  TrendGuarantorRow,
  TrendMetricRow,
  TrendUnitRow,
} from './results.rows';

/** The guarantor a trend follows, and the kind of its rounds (real or synthetic) it follows. */
export interface TrendGuarantor {
  id: string;
  slug: string;
  name: string;
  synthetic: boolean;
}

/** The states a round's universe covers: their codes joined by commas, how many, and one's name. */
export interface RoundArea {
  roundId: string;
  area: string;
  states: number;
  stateName: string;
}

export interface TrendUnit {
  name: string;
  cveEnt: string | null;
}

export type TrendMetric = MetricRecord & { roundId: string };

const toUnit = (r: TrendUnitRow | undefined): TrendUnit | undefined =>
  r === undefined ? undefined : { name: r.name, cveEnt: r.cve_ent };

const toGuarantor = (r: TrendGuarantorRow | undefined): TrendGuarantor | undefined =>
  r === undefined ? undefined : { id: r.id, slug: r.slug, name: r.name, synthetic: r.synthetic };

/**
 * The stored results of one unit across a guarantor's published rounds (issue #16), on the read
 * connection (a replica when DATABASE_READ_URL is set). Read-only and outside any transaction.
 */
@Injectable()
export class TrendsRepository {
  constructor(@InjectDataSource(READ_CONNECTION) private readonly read: DataSource) {}

  /** The guarantor's published rounds of one kind (real or synthetic), oldest window first. */
  async publishedRounds(guarantorId: string, synthetic: boolean): Promise<PublishedRound[]> {
    // Ordered by the window the round measured, not by when it was published (a late publication is still the older round).
    const rows = await queryRows<PublishedRoundRow>(
      this.read,
      `SELECT id, name, opens_at, closes_at, published_at, synthetic FROM round
         WHERE guarantor_id = $1 AND status = 'published' AND synthetic = $2
         ORDER BY closes_at, opens_at, published_at NULLS LAST, id`,
      [guarantorId, synthetic],
    );
    return rows.map(toPublishedRound);
  }

  /** How many published rounds of the guarantor are of the other kind (left out of the trend). */
  async otherKindRounds(guarantorId: string, synthetic: boolean): Promise<number> {
    const [{ excluded }] = await queryRows<ExcludedRow>(
      this.read,
      `SELECT count(*)::int AS excluded FROM round WHERE guarantor_id = $1 AND status = 'published' AND synthetic <> $2`,
      [guarantorId, synthetic],
    );
    return excluded;
  }

  /** The stored value of one unit, aggregation and indicator in each of the rounds (where there is one). */
  async values(
    roundIds: readonly string[],
    scope: string,
    key: string,
    aggregation: string,
    indicator: string,
  ): Promise<TrendMetric[]> {
    const rows = await queryRows<TrendMetricRow>(
      this.read,
      // The institution row's inputs and summary (a few KB) are not part of a trend point.
      `SELECT r.round_id, ${METRIC_COLUMNS}, (r.details::jsonb - 'inputs' - 'institution') AS details
       FROM metric_result r
       WHERE r.round_id = ANY($1::uuid[]) AND r.scope = $2 AND r.scope_key = $3 AND r.aggregation = $4 AND r.indicator = $5`,
      [roundIds, scope, key, aggregation, indicator],
    );
    return rows.map((r) => ({ roundId: r.round_id, ...toMetric(r) }));
  }

  /** Which states each round's universe covers. */
  async roundAreas(roundIds: readonly string[]): Promise<RoundArea[]> {
    const rows = await queryRows<RoundAreaRow>(
      this.read,
      `SELECT ri.round_id, string_agg(DISTINCT i.cve_ent::text, ',' ORDER BY i.cve_ent::text) AS area,
              count(DISTINCT i.cve_ent)::int AS states, min(mu.nom_ent) AS state_name
       FROM round_institution ri JOIN institution i ON i.id = ri.institution_id JOIN municipality mu ON mu.cvegeo = i.cvegeo
       WHERE ri.round_id = ANY($1::uuid[]) GROUP BY ri.round_id`,
      [roundIds],
    );
    return rows.map((r) => ({ roundId: r.round_id, area: r.area, states: r.states, stateName: r.state_name }));
  }

  /** The guarantor of a published round, following that round's kind. */
  async guarantorOfPublishedRound(roundId: string): Promise<TrendGuarantor | undefined> {
    return toGuarantor(
      await queryOne<TrendGuarantorRow>(
        this.read,
        `SELECT g.id, g.slug, g.name, r.synthetic FROM round r JOIN guarantor g ON g.id = r.guarantor_id WHERE r.id = $1 AND r.status = 'published'`,
        [roundId],
      ),
    );
  }

  /** A guarantor with a published round, by slug: its real rounds when it has any, else its synthetic ones. */
  async guarantorBySlug(slug: string | undefined): Promise<TrendGuarantor | undefined> {
    return toGuarantor(
      await queryOne<TrendGuarantorRow>(
        this.read,
        `SELECT g.id, g.slug, g.name, NOT coalesce(bool_or(NOT r.synthetic), false) AS synthetic
         FROM guarantor g LEFT JOIN round r ON r.guarantor_id = g.id AND r.status = 'published'
         WHERE g.slug = $1 GROUP BY g.id
         -- A guarantor without a published round has no public trend (and its slug is not confirmed).
         HAVING count(r.id) > 0`,
        [slug],
      ),
    );
  }

  /** An institution of the guarantor that is in a published round of the trend's kind. */
  async institutionUnit(institutionId: string, g: TrendGuarantor): Promise<TrendUnit | undefined> {
    // Only an institution of a published round of the series: a draft universe stays private.
    return toUnit(
      await queryOne<TrendUnitRow>(
        this.read,
        `SELECT i.name, i.cve_ent::text AS cve_ent FROM institution i
         WHERE i.id = $1 AND i.guarantor_id = $2
           AND EXISTS (SELECT 1 FROM round_institution ri JOIN round r ON r.id = ri.round_id
                       WHERE ri.institution_id = i.id AND r.guarantor_id = $2 AND r.status = 'published' AND r.synthetic = $3)`,
        [institutionId, g.id, g.synthetic],
      ),
    );
  }

  /** A municipality by INEGI code, named "municipality, state". */
  async municipalityUnit(cvegeo: string): Promise<TrendUnit | undefined> {
    return toUnit(
      await queryOne<TrendUnitRow>(
        this.read,
        `SELECT nom_mun || ', ' || nom_ent AS name, cve_ent::text AS cve_ent FROM municipality WHERE cvegeo = $1`,
        [cvegeo],
      ),
    );
  }

  /** A state by INEGI code. */
  async stateUnit(cveEnt: string): Promise<TrendUnit | undefined> {
    return toUnit(
      await queryOne<TrendUnitRow>(
        this.read,
        `SELECT nom_ent AS name, cve_ent::text AS cve_ent FROM municipality WHERE cve_ent = $1 LIMIT 1`,
        [cveEnt],
      ),
    );
  }
}
