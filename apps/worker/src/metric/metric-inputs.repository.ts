import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { PooledVariances, SampleDesign } from '@apertura/metric';
import {
  SCORER_VERSION,
  saveScoredSets,
  storedScoresLateral,
  VERDICT_DISPUTE_JOIN,
  VERDICT_STANDING_SQL,
} from '@apertura/db';
import type { Query, RoundDesignDocument, ScoredSet } from '@apertura/db';
import { expandStored, type StoredInstitutionResult } from './aggregation-input';
import { methodSettingsOf } from './method-settings';
import {
  FreshlyScored,
  InputCollector,
  PlacementRecord,
  QuestionnaireRecord,
  QuestionnaireScoring,
  RoundRecord,
} from './metric-inputs';
import { PermanentMetricError } from './metric-errors';
import { QuestionnaireScoringCache, scoringOf } from './questionnaire-scoring';
import { StoredResultCache } from './stored-result-cache';
import type { StoredVersion } from './stored-result-cache';

/** Rows per round trip of a server-side cursor. */
const STREAM_BATCH = 1000;

/** Everything one computation reads, from one snapshot. */
export interface LoadedInputs {
  /** Highest outbox event id visible in the snapshot: every change up to it is in these inputs. */
  watermark: string;
  round: RoundRecord;
  /** The round's universe (or those of the requested institutions that belong to it), by institution id. */
  placements: PlacementRecord[];
  /** Population by cvegeo of the universe's municipalities (whole-round loads only). */
  population: Record<string, number>;
  questionnaires: Map<string, QuestionnaireRecord>;
  collector: InputCollector;
  /** The round's pooled variances as of its last area aggregation (null: none yet). */
  pooled: PooledVariances | null;
  /** §4 sample design with the catalogue's municipality counts (whole-round loads; null: census). */
  design: SampleDesign | null;
}

export interface LoadedAreaInputs {
  watermark: string;
  round: RoundRecord;
  placements: PlacementRecord[];
  population: Record<string, number>;
  results: Map<string, StoredInstitutionResult>;
  /** Watermark and row version of each stored result (what a patch of its rows must still find). */
  versions: Map<string, StoredVersion>;
  /** The pool the stored results were last aggregated with (null: none yet). */
  pooled: PooledVariances | null;
  design: SampleDesign | null;
}

/** What each reader of `collect` needs: the snapshot's connection, the round, the institutions, the sink. */
interface CollectScope {
  c: PoolClient;
  roundId: string;
  /** Null: every institution of the round. */
  institutionIds: readonly string[] | null;
  collector: InputCollector;
}

/** Filter on `col` for the scope's institutions: $1 is the round, $2 the ids (NULL: the whole round). */
const inScope = (col: string): string => `($2::uuid[] IS NULL OR ${col} = ANY($2::uuid[]))`;

interface RoundRow {
  id: string;
  guarantor_id: string;
  status: string;
  settings: unknown;
  institution_questionnaire_id: string;
  citizen_questionnaire_id: string;
  design: RoundDesignDocument | null;
}

/**
 * Set-based reads of metric inputs, inside one REPEATABLE READ snapshot that also reads the outbox
 * watermark, so the watermark says exactly which changes the inputs include. One query per table
 * for a whole round (responses and citizen reports through a server-side cursor, ordered by id),
 * never one per answer; the same queries with an institution filter for one institution.
 */
@Injectable()
export class MetricInputsRepository {
  private readonly logger = new Logger('MetricInputs');
  private readonly scoring = new QuestionnaireScoringCache();
  private readonly stored = new StoredResultCache();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Inputs of some institutions of a round (`institutionIds`) or of the whole round (null), from one
   * snapshot. Null when the round does not exist. `onProgress` gets the loaded fraction (0–1) of a
   * whole-round load.
   */
  async load(
    roundId: string,
    institutionIds: readonly string[] | null,
    onProgress: (fraction: number) => Promise<void> = async () => undefined,
  ): Promise<LoadedInputs | null> {
    return this.snapshot(async (c) => {
      const prepared = await this.prepare(c, roundId, institutionIds);
      if (prepared === null) return null;
      await onProgress(0.05);
      const collector = this.collectorFor(prepared.scorings);
      await this.collect(c, roundId, institutionIds, collector, onProgress);
      await onProgress(1);
      return { ...prepared.head, collector };
    });
  }

  /**
   * A whole round's inputs from one snapshot, handed over `chunkSize` institutions at a time (in
   * universe order): `onChunk` computes them while the snapshot stays open, and their inputs are
   * garbage as soon as it returns — a national round's 1.6 M scored answers are never all alive at
   * once, so the collector's objects die young instead of being copied into the old generation.
   * Null when the round does not exist.
   */
  async loadInChunks(
    roundId: string,
    chunkSize: number,
    onChunk: (
      chunk: { placements: PlacementRecord[]; collector: InputCollector },
      head: Omit<LoadedInputs, 'collector'>,
    ) => Promise<void>,
  ): Promise<Omit<LoadedInputs, 'collector'> | null> {
    return this.snapshot(async (c) => {
      const prepared = await this.prepare(c, roundId, null);
      if (prepared === null) return null;
      const { head } = prepared;
      const read = async (start: number): Promise<{ placements: PlacementRecord[]; collector: InputCollector }> => {
        const placements = head.placements.slice(start, start + chunkSize);
        const collector = this.collectorFor(prepared.scorings);
        await this.collect(
          c,
          roundId,
          placements.map((p) => p.institutionId),
          collector,
          async () => undefined,
        );
        return { placements, collector };
      };
      // The next chunk is read while this one is computed: PostgreSQL executes its queries (the
      // verdict counts above all) during the computation's turns of the event loop, not after it.
      let next: Promise<{ placements: PlacementRecord[]; collector: InputCollector }> | null =
        head.placements.length > 0 ? read(0) : null;
      for (let start = 0; next !== null; start += chunkSize) {
        const chunk = await next;
        next = start + chunkSize < head.placements.length ? read(start + chunkSize) : null;
        // Handled here so that a failed read is not an unhandled rejection while this chunk computes; awaited above.
        next?.catch(() => undefined);
        await onChunk(chunk, head);
      }
      return head;
    });
  }

  /** What every load reads first: the round, its universe, population, pool, design and questionnaires. */
  private async prepare(
    c: PoolClient,
    roundId: string,
    institutionIds: readonly string[] | null,
  ): Promise<{ head: Omit<LoadedInputs, 'collector'>; scorings: Map<string, QuestionnaireScoring> } | null> {
    const head = await this.head(c, roundId);
    if (head === null) return null;
    // Stored scores travel as float8 text: any positive setting prints the shortest exact form.
    await c.query('SET LOCAL extra_float_digits = 1');
    const { watermark, round } = head;
    const p = [roundId, institutionIds];
    const placements = await this.placements(c, roundId, institutionIds);
    const wholeRound = institutionIds === null;
    const population = wholeRound ? await this.population(c, roundId) : {};
    const pooled = await this.pool(c, roundId);
    const design = wholeRound ? await this.sampleDesign(c, round) : null;
    const questionnaires = await this.questionnaires(
      c,
      `SELECT id, kind, slug, version, checksum FROM questionnaire
       WHERE id = ANY($3::uuid[])
          OR id IN (SELECT questionnaire_id FROM response WHERE round_id = $1 AND status = 'submitted' AND ${inScope('institution_id')})
          OR id IN (SELECT questionnaire_id FROM citizen_report WHERE round_id = $1 AND ${inScope('institution_id')})`,
      [...p, [round.institutionQuestionnaireId, round.citizenQuestionnaireId]],
    );
    const scorings = await this.scorings(c, questionnaires);
    return { head: { watermark, round, placements, population, questionnaires, pooled, design }, scorings };
  }

  private collectorFor(scorings: Map<string, QuestionnaireScoring>): InputCollector {
    return new InputCollector((id) => {
      const s = scorings.get(id);
      if (s === undefined) throw new PermanentMetricError(`questionnaire ${id} is not in the snapshot`);
      return s;
    });
  }

  /**
   * Streams the inputs of the given institutions (null: the whole round) into `collector`: submitted
   * self-reports, their evidence, counted verdicts, citizen reports and validator counts. `onProgress`
   * gets the loaded fraction of a whole-round load (0.35 after the self-reports … 0.9 after the reports).
   */
  private async collect(
    c: PoolClient,
    roundId: string,
    institutionIds: readonly string[] | null,
    collector: InputCollector,
    onProgress: (fraction: number) => Promise<void>,
  ): Promise<void> {
    const scope: CollectScope = { c, roundId, institutionIds, collector };
    await this.collectSelfReports(scope);
    await onProgress(0.35);
    await this.collectEvidence(scope);
    await this.collectVerdicts(scope);
    await onProgress(0.45);
    await this.collectCitizenReports(scope);
    await onProgress(0.9);
    await this.collectValidatorCounts(scope);
  }

  /**
   * Submitted self-reports. Scores come from the scored-answer columns when they match the document in
   * this snapshot (libs/db scored-answers.ts); only documents without them are sent as JSON, with their digest.
   */
  private async collectSelfReports({ c, roundId, institutionIds, collector }: CollectScope): Promise<void> {
    await this.stream<{
      id: string;
      institution_id: string;
      questionnaire_id: string;
      version: number;
      submitted_at: Date | null;
      stored_answers: string | null;
      submitted: Record<string, unknown> | null;
      digest: string | null;
    }>(
      c,
      `SELECT r.id, r.institution_id, r.questionnaire_id, r.version, r.submitted_at, st.stored_answers,
              CASE WHEN st.stored_answers IS NULL THEN r.submitted END AS submitted,
              CASE WHEN st.stored_answers IS NULL THEN md5(r.submitted::text) END AS digest
       FROM response r JOIN questionnaire q ON q.id = r.questionnaire_id
       ${storedScoresLateral('r.id', 'r.submitted', 'q.checksum', '$3')}
       WHERE r.round_id = $1 AND r.status = 'submitted' AND r.submitted IS NOT NULL AND ${inScope('r.institution_id')} ORDER BY r.id`,
      [roundId, institutionIds, SCORER_VERSION],
      (r) => {
        const head = {
          id: r.id,
          institutionId: r.institution_id,
          questionnaireId: r.questionnaire_id,
          version: r.version,
          submittedAt: r.submitted_at === null ? null : r.submitted_at.toISOString(),
        };
        collector.addResponse(
          r.stored_answers !== null
            ? { ...head, stored: { answers: r.stored_answers } }
            : { ...head, submitted: r.submitted ?? {}, digest: r.digest },
        );
      },
    );
  }

  /** The evidence of each submitted self-report's current version. */
  private async collectEvidence({ c, roundId, institutionIds, collector }: CollectScope): Promise<void> {
    await this.stream<{ response_id: string; evidence: unknown }>(
      c,
      `SELECT v.response_id, v.evidence FROM response r JOIN response_version v ON v.response_id = r.id AND v.version = r.version
       WHERE r.round_id = $1 AND r.status = 'submitted' AND ${inScope('r.institution_id')} ORDER BY v.response_id`,
      [roundId, institutionIds],
      (r) => collector.addEvidence({ responseId: r.response_id, evidence: r.evidence }),
    );
  }

  /**
   * Verdict counts per claim. Due process (issue #13, METHOD.md §3.1): only counted refutations enter
   * `refuted`; those still pending or disputed are reported as `pending`; overturned ones are dropped.
   * Milestone verdicts are not self-report claims (issue #18).
   */
  private async collectVerdicts({ c, roundId, institutionIds, collector }: CollectScope): Promise<void> {
    const verdicts: Array<{
      institution_id: string;
      question_name: string;
      confirmed: number;
      refuted: number;
      pending: number;
      unverifiable: number;
    }> = (
      await c.query(
        `SELECT v.institution_id, v.question_name,
                count(*) FILTER (WHERE v.verdict = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE v.verdict = 'refuted' AND ${VERDICT_STANDING_SQL} = 'counted')::int AS refuted,
                count(*) FILTER (WHERE v.verdict = 'refuted' AND ${VERDICT_STANDING_SQL} IN ('pending', 'disputed'))::int AS pending,
                count(*) FILTER (WHERE v.verdict = 'unverifiable')::int AS unverifiable
         FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
         WHERE v.round_id = $1 AND ${inScope('v.institution_id')} AND v.milestone_id IS NULL
         GROUP BY v.institution_id, v.question_name ORDER BY v.institution_id, v.question_name`,
        [roundId, institutionIds],
      )
    ).rows;
    for (const v of verdicts) {
      collector.addVerdictCounts({
        institutionId: v.institution_id,
        questionName: v.question_name,
        confirmed: v.confirmed,
        refuted: v.refuted,
        pending: v.pending,
        unverifiable: v.unverifiable,
      });
    }
  }

  /** Citizen reports, from their scored-answer columns where they match (as the self-reports). */
  private async collectCitizenReports({ c, roundId, institutionIds, collector }: CollectScope): Promise<void> {
    await this.stream<{
      id: string;
      institution_id: string;
      validator_id: string;
      questionnaire_id: string;
      stored_answers: string | null;
      data: Record<string, unknown> | null;
      digest: string | null;
    }>(
      c,
      `SELECT cr.id, cr.institution_id, cr.validator_id, cr.questionnaire_id, st.stored_answers,
              CASE WHEN st.stored_answers IS NULL THEN cr.data END AS data,
              CASE WHEN st.stored_answers IS NULL THEN md5(cr.data::text) END AS digest
       FROM citizen_report cr JOIN questionnaire q ON q.id = cr.questionnaire_id
       ${storedScoresLateral('cr.id', 'cr.data', 'q.checksum', '$3')}
       WHERE cr.round_id = $1 AND ${inScope('cr.institution_id')} ORDER BY cr.id`,
      [roundId, institutionIds, SCORER_VERSION],
      (r) => {
        const head = {
          id: r.id,
          institutionId: r.institution_id,
          validatorId: r.validator_id,
          questionnaireId: r.questionnaire_id,
        };
        collector.addReport(
          r.stored_answers !== null
            ? { ...head, stored: { answers: r.stored_answers } }
            : { ...head, data: r.data ?? {}, digest: r.digest },
        );
      },
    );
  }

  /** Validators per institution: everyone with a (non-milestone) verdict or a citizen report on it. */
  private async collectValidatorCounts({ c, roundId, institutionIds, collector }: CollectScope): Promise<void> {
    const validators: Array<{ institution_id: string; validators: number }> = (
      await c.query(
        `SELECT institution_id, count(*)::int AS validators FROM (
           SELECT institution_id, validator_id FROM verdict WHERE round_id = $1 AND ${inScope('institution_id')} AND milestone_id IS NULL
           UNION
           SELECT institution_id, validator_id FROM citizen_report WHERE round_id = $1 AND ${inScope('institution_id')}
         ) v GROUP BY institution_id ORDER BY institution_id`,
        [roundId, institutionIds],
      )
    ).rows;
    for (const v of validators)
      collector.addValidatorCount({ institutionId: v.institution_id, validators: v.validators });
  }

  /**
   * Stores what a load scored from JSON in the scored-answer columns, so later loads read numbers
   * (libs/db scored-answers.ts). Idempotent; `query` runs in the caller's transaction, or in one of
   * its own when omitted. Harmless to lose: a document without stored scores is scored from its JSON.
   */
  async saveFreshlyScored(
    questionnaires: Map<string, QuestionnaireRecord>,
    fresh: readonly FreshlyScored[],
    query?: Query,
  ): Promise<void> {
    if (fresh.length === 0) return;
    const sets: ScoredSet[] = [];
    for (const f of fresh) {
      const q = questionnaires.get(f.questionnaireId);
      const s = q === undefined ? undefined : this.scoring.get(q.id, q.checksum);
      if (q === undefined || s === undefined) continue;
      sets.push({ ...f, checksum: q.checksum, items: s.items });
    }
    if (query !== undefined) await saveScoredSets(query, sets);
    else await this.ds.transaction((m) => saveScoredSets((sql, params) => m.query(sql, params), sets));
  }

  /**
   * saveFreshlyScored in a transaction of its own that never fails its caller: losing the write costs
   * a later load one re-scoring of those documents, never a result.
   */
  async keepFreshlyScored(
    questionnaires: Map<string, QuestionnaireRecord>,
    fresh: readonly FreshlyScored[],
  ): Promise<void> {
    try {
      await this.saveFreshlyScored(questionnaires, fresh);
    } catch (err) {
      this.logger.warn(
        `${fresh.length} scored documents not stored (a later load scores their JSON again): ${String(err)}`,
      );
    }
  }

  /** The universe and every stored institution result of a round, for area aggregation. Null when the round is gone. */
  async loadArea(roundId: string): Promise<LoadedAreaInputs | null> {
    return this.snapshot(async (c) => {
      const head = await this.head(c, roundId);
      if (head === null) return null;
      const placements = await this.placements(c, roundId, null);
      const population = await this.population(c, roundId);
      // Only the results this process does not hold at their current watermark (see StoredResultCache).
      const versions: StoredVersion[] = (
        await c.query<{ institution_id: string; watermark: string; version: string }>(
          'SELECT institution_id, watermark::text AS watermark, xmin::text AS version FROM institution_result WHERE round_id = $1 ORDER BY institution_id',
          [roundId],
        )
      ).rows.map((r) => ({ institutionId: r.institution_id, watermark: r.watermark, version: r.version }));
      const missing = this.stored.missing(roundId, versions);
      const fetched = new Map<string, StoredInstitutionResult>();
      if (missing.length > 0) {
        // A stored document holds the core, not the values: they are finalised here (see expandStored).
        const settings = methodSettingsOf(roundId, head.round.settings);
        await this.stream<{ institution_id: string; result: unknown; pooled_key: string | null }>(
          c,
          'SELECT institution_id, result, pooled_key FROM institution_result WHERE round_id = $1 AND institution_id = ANY($2::uuid[]) ORDER BY institution_id',
          [roundId, missing],
          (r) => fetched.set(r.institution_id, expandStored(r.result, settings, r.pooled_key)),
        );
      }
      const results = this.stored.assemble(roundId, versions, fetched);
      const pooled = await this.pool(c, roundId);
      const design = await this.sampleDesign(c, head.round);
      return {
        watermark: head.watermark,
        round: head.round,
        placements,
        population,
        results,
        versions: new Map(versions.map((v) => [v.institutionId, v])),
        pooled,
        design,
      };
    });
  }

  /**
   * After an area job's transaction `version` rewrote stored results in place (a new pool): what later
   * jobs of this process reuse.
   */
  rememberStored(
    roundId: string,
    version: string,
    rewritten: ReadonlyArray<{ from: StoredVersion; result: StoredInstitutionResult }>,
  ): void {
    for (const r of rewritten) this.stored.replace(roundId, r.from, version, r.result);
  }

  /** Runs `fn` in a read-only REPEATABLE READ transaction on one connection (its first statement fixes the snapshot). */
  private async snapshot<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const qr = this.ds.createQueryRunner();
    const c = (await qr.connect()) as PoolClient;
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c
        .query('ROLLBACK')
        .catch((rollbackErr: unknown) => this.logger.warn(`rollback failed: ${String(rollbackErr)}`));
      throw err;
    } finally {
      await qr.release();
    }
  }

  private async head(c: PoolClient, roundId: string): Promise<{ watermark: string; round: RoundRecord } | null> {
    // First statement of the transaction: the snapshot every later read sees.
    const [{ watermark }] = (
      await c.query<{ watermark: string }>('SELECT coalesce(max(id), 0)::text AS watermark FROM outbox_event')
    ).rows;
    const [r] = (
      await c.query<RoundRow>(
        'SELECT id, guarantor_id, status, settings, institution_questionnaire_id, citizen_questionnaire_id, design FROM round WHERE id = $1',
        [roundId],
      )
    ).rows;
    if (r === undefined) return null;
    return {
      watermark,
      round: {
        id: r.id,
        guarantorId: r.guarantor_id,
        status: r.status,
        settings: r.settings,
        institutionQuestionnaireId: r.institution_questionnaire_id,
        citizenQuestionnaireId: r.citizen_questionnaire_id,
        design: r.design ?? { kind: 'census' },
      },
    };
  }

  private async placements(
    c: PoolClient,
    roundId: string,
    institutionIds: readonly string[] | null,
  ): Promise<PlacementRecord[]> {
    const rows = (
      await c.query<{ id: string; cvegeo: string; cve_ent: string; level: string; type: string }>(
        `SELECT i.id, i.cvegeo, i.cve_ent, i.level, i.type FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
         WHERE ri.round_id = $1 AND ${inScope('ri.institution_id')} ORDER BY i.id`,
        [roundId, institutionIds],
      )
    ).rows;
    return rows.map((r) => ({
      institutionId: r.id,
      cvegeo: r.cvegeo,
      cveEnt: r.cve_ent,
      level: r.level,
      type: r.type,
    }));
  }

  /** The round's stored pool (metric_pool), or null before its first area aggregation. */
  private async pool(c: PoolClient, roundId: string): Promise<PooledVariances | null> {
    const [row] = (
      await c.query<{ pooled: Record<string, number> }>('SELECT pooled FROM metric_pool WHERE round_id = $1', [roundId])
    ).rows;
    return row === undefined ? null : row.pooled;
  }

  /**
   * §4: a `sample` round's declared population counts, with the national catalogue's municipalities
   * per state (coverage counts those, not only the sampled ones). Null for a census.
   */
  private async sampleDesign(c: PoolClient, round: RoundRecord): Promise<SampleDesign | null> {
    const d = round.design;
    if (d.kind !== 'sample') return null;
    const catalogue: Record<string, number> = {};
    const rows = (
      await c.query<{ cve_ent: string; n: number }>(
        'SELECT cve_ent, count(*)::int AS n FROM municipality GROUP BY cve_ent ORDER BY cve_ent',
      )
    ).rows;
    for (const r of rows) catalogue[r.cve_ent] = r.n;
    const populationPerState: Record<string, number> = {};
    for (const s of d.states) populationPerState[s.cveEnt] = s.population;
    const populationPerMunicipality: Record<string, number> = {};
    for (const m of d.municipalities ?? []) populationPerMunicipality[m.cvegeo] = m.population;
    return {
      kind: 'sample',
      populationPerState,
      populationPerMunicipality,
      catalogueMunicipalitiesPerState: catalogue,
    };
  }

  private async population(c: PoolClient, roundId: string): Promise<Record<string, number>> {
    const rows = (
      await c.query<{ cvegeo: string; population: number }>(
        `SELECT m.cvegeo, m.population FROM municipality m
         WHERE m.cvegeo IN (SELECT i.cvegeo FROM round_institution ri JOIN institution i ON i.id = ri.institution_id WHERE ri.round_id = $1)
         ORDER BY m.cvegeo`,
        [roundId],
      )
    ).rows;
    const out: Record<string, number> = {};
    for (const r of rows) out[r.cvegeo] = r.population;
    return out;
  }

  private async questionnaires(
    c: PoolClient,
    sql: string,
    params: unknown[],
  ): Promise<Map<string, QuestionnaireRecord>> {
    const rows = (await c.query<QuestionnaireRecord>(sql, params)).rows;
    return new Map(
      rows.map((q) => [q.id, { id: q.id, kind: q.kind, slug: q.slug, version: q.version, checksum: q.checksum }]),
    );
  }

  /** Scoring of each questionnaire version; definitions are read only for versions not seen before. */
  private async scorings(
    c: PoolClient,
    questionnaires: Map<string, QuestionnaireRecord>,
  ): Promise<Map<string, QuestionnaireScoring>> {
    const out = new Map<string, QuestionnaireScoring>();
    const missing: string[] = [];
    for (const q of questionnaires.values()) {
      const cached = this.scoring.get(q.id, q.checksum);
      if (cached) out.set(q.id, cached);
      else missing.push(q.id);
    }
    if (missing.length > 0) {
      const rows = (
        await c.query<{ id: string; checksum: string; definition: unknown }>(
          'SELECT id, checksum, definition FROM questionnaire WHERE id = ANY($1::uuid[])',
          [missing],
        )
      ).rows;
      for (const r of rows) {
        const s = scoringOf(r.id, r.definition);
        this.scoring.set(r.id, r.checksum, s);
        out.set(r.id, s);
      }
    }
    return out;
  }

  /** Server-side cursor: rows arrive in batches, so a national round never sits in memory as raw JSON. */
  private async stream<T>(c: PoolClient, sql: string, params: unknown[], onRow: (row: T) => void): Promise<number> {
    const rows = c.query(new QueryStream(sql, params, { batchSize: STREAM_BATCH }));
    let n = 0;
    for await (const row of rows) {
      onRow(row as T);
      n += 1;
    }
    return n;
  }
}
