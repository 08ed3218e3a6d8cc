import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { TrendDto, TrendQueryDto, TrendRoundDto, TrendScope } from './dto/trends.dto';
import { MetricRow, notice, toAreaValue, toResultValue } from './results.mapper';
import { METRIC_COLUMNS } from './results.service';
import { toTrendPoints } from './trends.mapper';
import { RoundErrors } from '../rounds/rounds.errors';

const KEY_SHAPE: Record<Exclude<TrendScope, 'national'>, { re: RegExp; es: string; en: string }> = {
  institution: {
    re: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    es: 'el id (UUID) de la institución',
    en: "the institution's id (a UUID)",
  },
  municipality: {
    re: /^\d{5}$/,
    es: 'la clave INEGI del municipio (5 dígitos)',
    en: "the municipality's INEGI code (5 digits)",
  },
  state: { re: /^\d{2}$/, es: 'la clave INEGI del estado (2 dígitos)', en: "the state's INEGI code (2 digits)" },
};

interface Guarantor {
  id: string;
  slug: string;
  name: string;
  synthetic: boolean;
}

/**
 * Trends over every published round of one guarantor (issue #16): reads the stored results of each
 * round for one unit and indicator; never computes. Real and synthetic rounds are never mixed (a
 * demo round beside a real one would read as a change in real institutions).
 */
@Injectable()
export class TrendsService {
  constructor(@InjectDataSource(READ_CONNECTION) private readonly ds: DataSource) {}

  async trend(q: TrendQueryDto): Promise<TrendDto> {
    const key = this.key(q);
    const g = await this.guarantor(q);
    const [rounds, [{ excluded }]]: [
      Array<{
        id: string;
        name: string;
        opens_at: Date;
        closes_at: Date;
        published_at: Date | null;
        synthetic: boolean;
      }>,
      Array<{ excluded: number }>,
    ] = await Promise.all([
      // Ordered by the window the round measured, not by when it was published (a late publication is still the older round).
      this.ds.query(
        `SELECT id, name, opens_at, closes_at, published_at, synthetic FROM round
           WHERE guarantor_id = $1 AND status = 'published' AND synthetic = $2
           ORDER BY closes_at, opens_at, published_at NULLS LAST, id`,
        [g.id, g.synthetic],
      ),
      this.ds.query(
        `SELECT count(*)::int AS excluded FROM round WHERE guarantor_id = $1 AND status = 'published' AND synthetic <> $2`,
        [g.id, g.synthetic],
      ),
    ]);
    const unit = await this.unit(q.scope, key, g);
    // Institutions have one value per indicator (unweighted); areas the requested aggregation.
    const aggregation = q.scope === 'institution' ? 'unweighted' : q.aggregation;
    const rows: Array<MetricRow & { round_id: string }> =
      rounds.length === 0
        ? []
        : await this.ds.query(
            // The institution row's inputs and summary (a few KB) are not part of a trend point.
            `SELECT r.round_id, ${METRIC_COLUMNS}, (r.details::jsonb - 'inputs' - 'institution') AS details
             FROM metric_result r
             WHERE r.round_id = ANY($1::uuid[]) AND r.scope = $2 AND r.scope_key = $3 AND r.aggregation = $4 AND r.indicator = $5`,
            [rounds.map((r) => r.id), q.scope, key, aggregation, q.indicator],
          );
    const byRound = new Map(rows.map((r) => [r.round_id, r]));
    // National values are whole-round values: which states each round covered decides what they measure.
    const areas =
      q.scope === 'national' && rounds.length > 0
        ? new Map(
            (
              (await this.ds.query(
                `SELECT ri.round_id, string_agg(DISTINCT i.cve_ent::text, ',' ORDER BY i.cve_ent::text) AS area,
                        count(DISTINCT i.cve_ent)::int AS states, min(mu.nom_ent) AS state_name
                 FROM round_institution ri JOIN institution i ON i.id = ri.institution_id JOIN municipality mu ON mu.cvegeo = i.cvegeo
                 WHERE ri.round_id = ANY($1::uuid[]) GROUP BY ri.round_id`,
                [rounds.map((r) => r.id)],
              )) as Array<{ round_id: string; area: string; states: number; state_name: string }>
            ).map((a) => [a.round_id, a]),
          )
        : null;
    const series = rounds.map((r) => {
      const round: TrendRoundDto = {
        id: r.id,
        name: r.name,
        opensAt: r.opens_at.toISOString(),
        closesAt: r.closes_at.toISOString(),
        publishedAt: r.published_at === null ? null : r.published_at.toISOString(),
        synthetic: r.synthetic,
      };
      const row = byRound.get(r.id);
      return {
        round,
        value: row === undefined ? null : q.scope === 'institution' ? toResultValue(row) : toAreaValue(row),
        area: areas?.get(r.id)?.area,
      };
    });
    const { points, method } = toTrendPoints(series);
    // A one-state series is named after its state, never "national" (METHOD.md §9 titles).
    const newest = [...series].reverse().find((p) => p.value !== null) ?? series[series.length - 1];
    const area = newest === undefined ? undefined : areas?.get(newest.round.id);
    const name =
      area === undefined
        ? unit.name
        : area.states === 1
          ? area.state_name
          : area.states === 32
            ? 'Nacional'
            : `${area.states} estados`;
    return {
      guarantor: { slug: g.slug, name: g.name },
      scope: q.scope,
      key: q.scope === 'national' ? null : key,
      name,
      cveEnt: unit.cveEnt,
      indicator: q.indicator,
      aggregation,
      synthetic: g.synthetic,
      methodId: method?.methodId ?? null,
      methodVersion: method?.methodVersion ?? null,
      points,
      excludedRounds: excluded,
      excludedReason:
        excluded === 0
          ? null
          : g.synthetic
            ? {
                es: 'Esta tendencia muestra solo rondas de demostración (datos sintéticos); las rondas reales no se mezclan con ellas.',
                en: 'This trend shows demonstration rounds only (synthetic data); real rounds are not mixed with them.',
              }
            : {
                es: 'Las rondas de demostración (datos sintéticos) no se mezclan con las reales y no aparecen aquí.',
                en: 'Demonstration rounds (synthetic data) are not mixed with real ones and are left out here.',
              },
      notice: notice(),
    };
  }

  /** The scope key, checked against its scope ('national' for national). */
  private key(q: TrendQueryDto): string {
    if (q.scope === 'national') return 'national';
    const shape = KEY_SHAPE[q.scope];
    if (q.key === undefined || !shape.re.test(q.key)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        { es: `key debe ser ${shape.es}.`, en: `key must be ${shape.en}.` },
        'key',
      );
    }
    return q.key;
  }

  /** The guarantor and the kind of rounds (real or synthetic) the trend follows. */
  private async guarantor(q: TrendQueryDto): Promise<Guarantor> {
    if ((q.guarantor === undefined) === (q.round === undefined)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        {
          es: 'Indica el organismo operador (guarantor) o una ronda publicada (round), no ambos.',
          en: 'Give the guarantor (guarantor) or a published round (round), not both.',
        },
        q.round === undefined ? 'guarantor' : 'round',
      );
    }
    if (q.round !== undefined) {
      const [g]: Guarantor[] = await this.ds.query(
        `SELECT g.id, g.slug, g.name, r.synthetic FROM round r JOIN guarantor g ON g.id = r.guarantor_id WHERE r.id = $1 AND r.status = 'published'`,
        [q.round],
      );
      if (!g) throw RoundErrors.notFound('round');
      return g;
    }
    // Real rounds when the guarantor has any; its synthetic ones only when it has nothing else.
    const [g]: Guarantor[] = await this.ds.query(
      `SELECT g.id, g.slug, g.name, NOT coalesce(bool_or(NOT r.synthetic), false) AS synthetic
       FROM guarantor g LEFT JOIN round r ON r.guarantor_id = g.id AND r.status = 'published'
       WHERE g.slug = $1 GROUP BY g.id
       -- A guarantor without a published round has no public trend (and its slug is not confirmed).
       HAVING count(r.id) > 0`,
      [q.guarantor],
    );
    if (!g) throw notFound('organismo operador', 'guarantor');
    return g;
  }

  /** Name and state of the unit; NOT_FOUND for an unknown one (or another guarantor's institution). */
  private async unit(scope: TrendScope, key: string, g: Guarantor): Promise<{ name: string; cveEnt: string | null }> {
    let rows: Array<{ name: string; cve_ent: string | null }> = [];
    if (scope === 'national') return { name: 'Nacional', cveEnt: null };
    if (scope === 'institution') {
      // Only an institution of a published round of the series: a draft universe stays private.
      rows = await this.ds.query(
        `SELECT i.name, i.cve_ent::text AS cve_ent FROM institution i
         WHERE i.id = $1 AND i.guarantor_id = $2
           AND EXISTS (SELECT 1 FROM round_institution ri JOIN round r ON r.id = ri.round_id
                       WHERE ri.institution_id = i.id AND r.guarantor_id = $2 AND r.status = 'published' AND r.synthetic = $3)`,
        [key, g.id, g.synthetic],
      );
    } else if (scope === 'municipality') {
      rows = await this.ds.query(
        `SELECT nom_mun || ', ' || nom_ent AS name, cve_ent::text AS cve_ent FROM municipality WHERE cvegeo = $1`,
        [key],
      );
    } else {
      rows = await this.ds.query(
        `SELECT nom_ent AS name, cve_ent::text AS cve_ent FROM municipality WHERE cve_ent = $1 LIMIT 1`,
        [key],
      );
    }
    if (rows.length === 0)
      throw notFound(
        scope === 'institution' ? 'institución' : scope === 'municipality' ? 'municipio' : 'estado',
        'key',
      );
    return { name: rows[0].name, cveEnt: rows[0].cve_ent };
  }
}
