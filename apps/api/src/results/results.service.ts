import { Injectable } from '@nestjs/common';
import { evidenceQuestionsOf, evidenceUrlsOf } from '@apertura/db';
import { questionTitles } from '@apertura/questionnaire';
import { notFound } from '../common/domain-error';
import { ResultErrors } from './results.errors';
import type {
  ComparabilityDto,
  ComparisonReasonDto,
  PublicRoundsQueryDto,
  AreaResultPageDto,
  AreaResultsQueryDto,
  InstitutionResultDetailDto,
  InstitutionResultPageDto,
  InstitutionResultsQueryDto,
  PublicRoundPageDto,
  RecomputeRunDto,
  ResultsSummaryDto,
} from './dto/results.dto';
import { RANKED_INDICATORS } from './dto/results.dto';
import {
  notice,
  toAreaItem,
  toDistribution,
  toInstitutionDetail,
  selfReportVersionToRead,
  type SelfReportEvidence,
  toInstitutionItem,
  toPublicRound,
  toRun,
  toSummary,
} from './results.mapper';
import { MetricRecord, ResultRound, ResultsRepository } from './results.repository';
import { EncodedJson, EncodedJsonCache } from '../common/encoded-json';
import { distributionIsCurrent, RoundDistributionVersion } from '../common/results/round-values-cache';
import { RoundErrors } from '../common/rounds/rounds.errors';

/** Who reads: staff of one guarantor (any status of its rounds), or anyone (published rounds only). */
export type ResultsAccess = { kind: 'staff'; guarantorId: string } | { kind: 'public' };

/** The self-report counterpart a missing validated value falls back to in an unranked list. */
const SELF_REPORT_FALLBACK: Readonly<Record<string, readonly string[]>> = { I: ['I_G'], T: ['TG'], P: ['PG'] };

/** Rounds whose encoded distribution the API keeps in memory (the least recently read dropped first). */
const DISTRIBUTIONS_KEPT = 8;

/** §9: rankings exist for validated indicators only; asking for another is a client error, said plainly. */
function rankedIndicator(indicator: string): string {
  if ((RANKED_INDICATORS as readonly string[]).includes(indicator)) return indicator;
  throw ResultErrors.indicatorNotRanked(indicator);
}

/**
 * Reads the result tables (metric_result, written by the worker) for the API. Never computes: a
 * round that was not computed yet answers `computed: false` / null values.
 */
@Injectable()
export class ResultsService {
  // Read-only: the repository reads on the read connection (a replica when DATABASE_READ_URL is set).
  constructor(private readonly repo: ResultsRepository) {}

  /** Encoded distributions of the rounds read most recently (≈ 3 MB each at national size). */
  private readonly distributions = new EncodedJsonCache<RoundDistributionVersion>(DISTRIBUTIONS_KEPT);

  /** The round, if the caller may see its results; NOT_FOUND otherwise (no existence leak). */
  async round(access: ResultsAccess, roundId: string): Promise<ResultRound> {
    // With the method of its stored results and the states of its universe: every results page says
    // which method produced the numbers and names a one-state round by its state (§9).
    const round = await this.repo.findRound(roundId, {
      guarantorId: access.kind === 'staff' ? access.guarantorId : null,
      publishedOnly: access.kind === 'public',
    });
    if (!round) throw RoundErrors.notFound('roundId');
    return round;
  }

  async summary(access: ResultsAccess, roundId: string): Promise<ResultsSummaryDto> {
    const round = await this.round(access, roundId);
    const [rows, universe, counts] = await Promise.all([
      this.repo.nationalResults(roundId),
      this.repo.universeSize(roundId),
      this.repo.reportCounts(roundId),
    ]);
    return toSummary(round, rows, { universe, ...counts });
  }

  /**
   * Headline, T and P of every institution of the round, as columns (see InstitutionDistributionDto),
   * as one encoded JSON document per round (issue #17: the overview of a
   * national round is 2.1 MB of JSON, ≈ 100 ms of the API's time per reader to query, serialise and
   * compress). Kept while the round's result writes and its universe's names are those it was read
   * at, so each change costs one build, shared by every reader after it.
   */
  async distributionDocument(access: ResultsAccess, roundId: string): Promise<EncodedJson> {
    await this.round(access, roundId);
    const wanted = await this.repo.distributionVersion(roundId);
    return this.distributions.get(
      roundId,
      (kept) => distributionIsCurrent(kept, wanted),
      async () => {
        const { rows, version } = await this.repo.distributionWithVersion(roundId);
        return { version, value: toDistribution(rows) };
      },
    );
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
    const { total, items } = await this.repo.institutionPage(roundId, {
      indicators,
      rankGroup,
      rankIndicator,
      level: q.level,
      type: q.type,
      cveEnt: q.cveEnt,
      cvegeo: q.cvegeo,
      status: q.status,
      ranking: q.ranking,
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      items: items.map((r) => toInstitutionItem(r.institution, r.metric, r.rank, rankGroup)),
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
    const institution = await this.repo.findInstitution(roundId, institutionId);
    if (!institution) throw notFound('institución de la ronda', 'institutionId');
    const rows = await this.repo.institutionResults(roundId, institutionId);
    return toInstitutionDetail(round, institution, rows, await this.itemTitles(rows), await this.evidenceOf(rows));
  }

  /**
   * Evidence URLs of the self-report version the stored result was computed from, read from that
   * version's answers (the worker does not copy them into every rebuild's result). Null when the
   * result names no self-report or still carries its own list (results written before).
   */
  private async evidenceOf(rows: readonly MetricRecord[]): Promise<SelfReportEvidence | null> {
    const version = selfReportVersionToRead(rows);
    if (version === null) return null;
    const { responseId, version: n, questionnaireId } = version;
    const answered = await this.repo.selfReportVersion(responseId, n, questionnaireId);
    if (answered === null) return null;
    try {
      return evidenceUrlsOf(evidenceQuestionsOf(answered.definition), answered.data);
    } catch {
      // A definition that no longer parses has no evidence questions to read (its numbers say so elsewhere).
      return null;
    }
  }

  /** Titles of the items, from the institution questionnaire version(s) the stored result names. */
  private async itemTitles(rows: readonly MetricRecord[]): Promise<Map<string, { es: string; en: string }>> {
    const iRow = rows.find((r) => r.indicator === 'I');
    const inputs = (iRow?.details ?? {}) as { inputs?: { questionnaires?: Array<{ id?: unknown; kind?: unknown }> } };
    const ids = (inputs.inputs?.questionnaires ?? [])
      .filter((q) => q.kind === 'institution' && typeof q.id === 'string')
      .map((q) => q.id as string);
    if (ids.length === 0) return new Map();
    const definitions = await this.repo.questionnaireDefinitions(ids);
    const titles = new Map<string, { es: string; en: string }>();
    for (const definition of definitions)
      for (const [name, title] of questionTitles(definition)) if (!titles.has(name)) titles.set(name, title);
    return titles;
  }

  async areas(access: ResultsAccess, roundId: string, q: AreaResultsQueryDto): Promise<AreaResultPageDto> {
    await this.round(access, roundId);
    if (q.ranking !== undefined) {
      rankedIndicator(q.indicator);
      if ((q.scope !== 'municipality' && q.scope !== 'state') || q.aggregation !== 'unweighted') {
        throw ResultErrors.rankingScope();
      }
    }
    // Municipalities rank nationally, or within their state when the list is filtered to one.
    const rankGroup = q.scope === 'municipality' && q.cveEnt ? q.cveEnt : 'MX';
    const { total, items } = await this.repo.areaPage(roundId, {
      scope: q.scope,
      aggregation: q.aggregation,
      indicator: q.indicator,
      rankGroup,
      cveEnt: q.cveEnt,
      status: q.status,
      ranking: q.ranking,
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      items: items.map((r) => toAreaItem(q.scope, r, rankGroup)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      notice: notice(),
    };
  }

  async run(guarantorId: string, roundId: string, runId: string): Promise<RecomputeRunDto> {
    await this.round({ kind: 'staff', guarantorId }, roundId);
    const run = await this.repo.findRun(roundId, runId);
    if (!run) throw notFound('recálculo', 'runId');
    return toRun(run);
  }

  async publicRounds(q: PublicRoundsQueryDto): Promise<PublicRoundPageDto> {
    const { total, items } = await this.repo.publishedRounds(q.guarantor ?? null, q.page, q.pageSize);
    return { items: items.map(toPublicRound), total, page: q.page, pageSize: q.pageSize };
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
