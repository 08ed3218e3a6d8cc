import { Injectable } from '@nestjs/common';
import { notFound } from '../common/domain-error';
import { ResultErrors } from './results.errors';
import type { TrendDto, TrendQueryDto, TrendRoundDto, TrendScope } from './dto/trends.dto';
import { notice, toAreaValue, toResultValue } from './results.mapper';
import { toTrendPoints } from './trends.mapper';
import { TrendGuarantor, TrendsRepository, TrendUnit } from './trends.repository';
import { RoundErrors } from '../common/rounds/rounds.errors';

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

/**
 * Trends over every published round of one guarantor (issue #16): reads the stored results of each
 * round for one unit and indicator; never computes. Real and synthetic rounds are never mixed (a
 * demo round beside a real one would read as a change in real institutions).
 */
@Injectable()
export class TrendsService {
  // Read-only: the repository reads on the read connection (a replica when DATABASE_READ_URL is set).
  constructor(private readonly repo: TrendsRepository) {}

  async trend(q: TrendQueryDto): Promise<TrendDto> {
    const key = this.key(q);
    const g = await this.guarantor(q);
    const [rounds, excluded] = await Promise.all([
      this.repo.publishedRounds(g.id, g.synthetic),
      this.repo.otherKindRounds(g.id, g.synthetic),
    ]);
    const unit = await this.unit(q.scope, key, g);
    // Institutions have one value per indicator (unweighted); areas the requested aggregation.
    const aggregation = q.scope === 'institution' ? 'unweighted' : q.aggregation;
    const rows =
      rounds.length === 0
        ? []
        : await this.repo.values(
            rounds.map((r) => r.id),
            q.scope,
            key,
            aggregation,
            q.indicator,
          );
    const byRound = new Map(rows.map((r) => [r.roundId, r]));
    // National values are whole-round values: which states each round covered decides what they measure.
    const areas =
      q.scope === 'national' && rounds.length > 0
        ? new Map((await this.repo.roundAreas(rounds.map((r) => r.id))).map((a) => [a.roundId, a]))
        : null;
    const series = rounds.map((r) => {
      const round: TrendRoundDto = {
        id: r.id,
        name: r.name,
        opensAt: r.opensAt.toISOString(),
        closesAt: r.closesAt.toISOString(),
        publishedAt: r.publishedAt === null ? null : r.publishedAt.toISOString(),
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
          ? area.stateName
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
      throw ResultErrors.invalidTrendKey(shape);
    }
    return q.key;
  }

  /** The guarantor and the kind of rounds (real or synthetic) the trend follows. */
  private async guarantor(q: TrendQueryDto): Promise<TrendGuarantor> {
    if ((q.guarantor === undefined) === (q.round === undefined)) {
      throw ResultErrors.trendSubject(q.round === undefined ? 'guarantor' : 'round');
    }
    if (q.round !== undefined) {
      const g = await this.repo.guarantorOfPublishedRound(q.round);
      if (!g) throw RoundErrors.notFound('round');
      return g;
    }
    // Real rounds when the guarantor has any; its synthetic ones only when it has nothing else.
    const g = await this.repo.guarantorBySlug(q.guarantor);
    if (!g) throw notFound('organismo operador', 'guarantor');
    return g;
  }

  /** Name and state of the unit; NOT_FOUND for an unknown one (or another guarantor's institution). */
  private async unit(scope: TrendScope, key: string, g: TrendGuarantor): Promise<TrendUnit> {
    if (scope === 'national') return { name: 'Nacional', cveEnt: null };
    const unit =
      scope === 'institution'
        ? await this.repo.institutionUnit(key, g)
        : scope === 'municipality'
          ? await this.repo.municipalityUnit(key)
          : await this.repo.stateUnit(key);
    if (unit === undefined)
      throw notFound(
        scope === 'institution' ? 'institución' : scope === 'municipality' ? 'municipio' : 'estado',
        'key',
      );
    return unit;
  }
}
