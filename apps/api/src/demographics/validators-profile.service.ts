import { Injectable } from '@nestjs/common';
import {
  CATALOGUE_SOURCE,
  DEMOGRAPHIC_QUESTION_KEYS,
  DEMOGRAPHIC_QUESTIONS,
  loadMunicipalities,
  populationByMunicipalityType,
  suppressSmallCells,
} from '@apertura/geo';
import { notFound } from '../common/domain-error';
import { DemographicsErrors } from './demographics.errors';
import { DemographicsRepository, ProfileCount } from './demographics.repository';
import { PopulationReferenceDto, ReweightedIndicesDto, ValidatorsProfileDto } from './dto/demographics.dto';
import { reweightedIndices } from './reweighted-indices';
import { ReweightedIndicesRepository, ReweightKey } from './reweighted-indices.repository';

/** Rounds whose validators' answer counts a process keeps. */
const COUNTS_KEPT = 64;

/** Cells under this many people are not published (a common small-cell rule for statistics on people). */
export const SUPPRESSION_K = 5;

export const MUNICIPALITY_TYPE_DEFINITION =
  'Tamaño del municipio de residencia por población total (Censo 2020): rural < 15 000 hab.; ciudad pequeña 15 000–99 999; ' +
  'ciudad 100 000–499 999; metrópoli ≥ 500 000. / Size of the municipality of residence by total population (Census 2020).';

let reference: PopulationReferenceDto | undefined;
/** The census reference: the same bands over every municipality of the shipped catalogue (computed once). */
export function populationReference(): PopulationReferenceDto {
  reference ??= {
    source: CATALOGUE_SOURCE,
    definition: MUNICIPALITY_TYPE_DEFINITION,
    municipalityTypes: populationByMunicipalityType(loadMunicipalities()).map((p) => ({
      category: p.type,
      population: p.population,
      share: p.share,
    })),
  };
  return reference;
}

/** Aggregates a round's validators' demographics, suppressed; read-only (served by the read connection). */
@Injectable()
export class ValidatorsProfileService {
  /** Validators' answer counts per round, with the key they were read after (see counts). */
  private readonly keptCounts = new Map<string, { key: ReweightKey; counts: ProfileCount[] }>();

  constructor(
    private readonly demographics: DemographicsRepository,
    private readonly reweight: ReweightedIndicesRepository,
  ) {}

  /** `guarantorId` null: the public reader, who sees published rounds only. */
  async profile(roundId: string, guarantorId: string | null): Promise<ValidatorsProfileDto> {
    const rounds = await this.demographics.profileRounds(roundId, guarantorId);
    if (rounds.length === 0) throw notFound('round');
    if (guarantorId === null && rounds[0].status !== 'published') throw DemographicsErrors.profileNotPublished();

    // Both depend on the round's result writes and the demographic writes (ReweightKey), read first.
    const key = await this.reweight.currentKey(roundId);
    const [counts, reweighted] = await Promise.all([
      this.counts(roundId, key),
      this.reweighted(roundId, rounds[0].status, key),
    ]);
    const validators = counts.find((c) => c.question === 'validators')?.n ?? 0;
    const respondents = counts.filter((c) => c.question === 'ageBand').reduce((s, c) => s + c.n, 0);
    // While validators can still join, staff could difference two readings around one person's first
    // verdict and learn that person's answers: the breakdown waits until the round has closed.
    const withheld =
      rounds[0].status === 'draft' || rounds[0].status === 'open'
        ? 'round_open'
        : respondents < SUPPRESSION_K
          ? 'too_few'
          : null;
    const published = withheld === null;
    return {
      roundId,
      k: SUPPRESSION_K,
      validators,
      respondents,
      published,
      withheld,
      questions: DEMOGRAPHIC_QUESTION_KEYS.map((question) => {
        const cells = suppressSmallCells(
          DEMOGRAPHIC_QUESTIONS[question].map((category) => ({
            category,
            count: counts.find((c) => c.question === question && c.category === category)?.n ?? 0,
          })),
          SUPPRESSION_K,
        );
        // Withheld: every cell is hidden — zeros included, or they would narrow the rest down.
        return {
          question,
          cells: published ? cells : cells.map((c) => ({ ...c, count: null, share: null, suppressed: true })),
        };
      }),
      population: populationReference(),
      reweighted,
    };
  }

  /**
   * The answers per question and category of the round's validators, kept in this process per round
   * with the key read before them (issue #17: ≈ 90 ms of distinct validator ids over every verdict and
   * report of a national round, on every overview load). Who counts as a validator changes with the
   * round's verdicts and reports, and each of those is followed by the recomputation of its
   * institution, a result write; their answers change with a demographic write (an erased account or
   * a withdrawn answer included, issue #18). So a kept reading is used while neither count moved:
   * while a round is open, its count of validators follows a new validator once their first verdict
   * has been computed, as the results do.
   */
  private async counts(roundId: string, key: ReweightKey): Promise<ProfileCount[]> {
    const kept = this.keptCounts.get(roundId);
    if (kept && kept.key.writes === key.writes && kept.key.demographics === key.demographics) return kept.counts;
    const counts = await this.demographics.profileCounts(roundId);
    this.keptCounts.delete(roundId);
    this.keptCounts.set(roundId, { key, counts });
    // Small (a few dozen rows per round); bounded all the same, the least recently computed dropped.
    while (this.keptCounts.size > COUNTS_KEPT) {
      const oldest = this.keptCounts.keys().next().value;
      if (oldest === undefined) break;
      this.keptCounts.delete(oldest);
    }
    return counts;
  }

  /**
   * The sensitivity check (reweighted-indices.ts); nothing is read while the round is open. Kept per
   * round with the counts of result and demographic writes it was computed at, and computed again
   * only when either moved (migration 1765600000001).
   */
  private async reweighted(roundId: string, roundStatus: string, key: ReweightKey): Promise<ReweightedIndicesDto> {
    const population = populationReference().municipalityTypes;
    if (roundStatus === 'draft' || roundStatus === 'open') {
      return reweightedIndices({ roundStatus, clusters: [], census: [], main: [], population });
    }
    const kept = await this.reweight.kept(roundId, key);
    if (kept !== null) return kept;
    const [clusters, census, main] = await Promise.all([
      this.reweight.clusterValues(roundId),
      this.reweight.censusValues(roundId),
      this.reweight.mainValues(roundId),
    ]);
    const value = reweightedIndices({ roundStatus, clusters, census, main, population });
    await this.reweight.keep(roundId, key, value);
    return value;
  }
}
