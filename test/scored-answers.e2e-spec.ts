import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { SCORER_VERSION } from '@apertura/db';
import { InstitutionRecomputeService } from '../apps/worker/src/metric/institution-recompute.service';
import { MetricInputsRepository } from '../apps/worker/src/metric/metric-inputs.repository';
import type { TestApp } from './support/app';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';
import { rebuildRound, startWorkerApp, WorkerApp } from './support/worker-app';

/**
 * Scored answers in columns (issue #17 item 4, libs/db/src/scored-answers.ts), on a round drawn from a
 * fresh random seed each run (printed when a test fails): a rebuild that reads the scored-answer columns
 * gives exactly — bit for bit, every stored row and document — what a rebuild that parses and scores
 * every JSON document gives; an edited document is never read through its old scores.
 */
describe('scored answers in columns', () => {
  let app: WorkerApp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let fx: RoundFixture;
  const seed = `scored-${randomUUID()}`;

  beforeAll(async () => {
    app = await startWorkerApp();
    ({ t, worker } = app);
    const rng = Number.parseInt(seed.slice(-6), 16);
    fx = await buildRoundFixture(t.ds, {
      seed,
      institutions: 30 + (rng % 31),
      municipalities: 4 + (rng % 5),
      status: 'closed',
      selfReportShare: 0.6 + (rng % 4) / 10,
      reportsPerInstitution: [0, 3 + (rng % 5)],
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  const rebuild = (): Promise<void> => rebuildRound(app, fx.roundId);

  /** Every stored row and document of the round, as text, without the watermarks and times of the run. */
  const stored = async (): Promise<unknown[]> => [
    await t.ds.query(
      `SELECT scope, scope_key, aggregation, indicator, estimate::text, se::text, lo::text, hi::text, cv::text, n,
              population_size, status, needed, formula, details::text, method_id, method_version
       FROM metric_result WHERE round_id = $1 ORDER BY scope, scope_key, aggregation, indicator`,
      [fx.roundId],
    ),
    await t.ds.query(
      'SELECT institution_id, result::text FROM institution_result WHERE round_id = $1 ORDER BY institution_id',
      [fx.roundId],
    ),
    await t.ds.query(
      `SELECT ranking, group_key, indicator, scope_key, "position", lo, hi, "of", seed FROM metric_rank
       WHERE round_id = $1 ORDER BY ranking, group_key, indicator, scope_key`,
      [fx.roundId],
    ),
    await t.ds.query('SELECT pooled::text FROM metric_pool WHERE round_id = $1', [fx.roundId]),
  ];

  const documents = async (): Promise<number> => {
    const [{ n }] = await t.ds.query(
      `SELECT (SELECT count(*) FROM response WHERE round_id = $1 AND status = 'submitted')
            + (SELECT count(*) FROM citizen_report WHERE round_id = $1) AS n`,
      [fx.roundId],
    );
    return Number(n);
  };

  /** Documents of the round whose stored scores match them now (what a load reads as columns). */
  const matching = async (): Promise<number> => {
    const [{ n }] = await t.ds.query(
      `SELECT count(*) AS n FROM scored_source s
       LEFT JOIN response r ON r.id = s.source_id AND r.round_id = $1
       LEFT JOIN citizen_report c ON c.id = s.source_id AND c.round_id = $1
       WHERE s.scorer = $2 AND s.digest = md5(coalesce(r.submitted, c.data)::text)`,
      [fx.roundId, SCORER_VERSION],
    );
    return Number(n);
  };

  /** Documents a whole-round load of the worker scores from JSON (no matching stored scores). */
  const scoredFromJson = async (): Promise<number> => {
    const loaded = await worker.get(MetricInputsRepository).load(fx.roundId, null);
    return loaded?.collector.takeFreshlyScored().length ?? -1;
  };

  it(`a rebuild from the columns equals a rebuild from the JSON, bit for bit (seed ${seed})`, async () => {
    expect(fx.counts.responses).toBeGreaterThan(0);
    expect(fx.counts.reports).toBeGreaterThan(0);
    // The fixture writes documents straight into their tables: nothing is scored yet.
    await t.ds.query('DELETE FROM scored_source');
    const total = await documents();
    expect(await scoredFromJson()).toBe(total);

    await rebuild(); // every document parsed and scored from its JSON …
    const fromJson = await stored();
    expect(await matching()).toBe(total); // … and its scores kept in columns by the rebuild
    const [{ answers }] = await t.ds.query('SELECT count(*)::int AS answers FROM scored_answer');
    expect(answers).toBeGreaterThan(total);
    expect(await scoredFromJson()).toBe(0);

    await rebuild(); // every document read from the columns
    expect(await stored()).toEqual(fromJson);

    // The stored rows are what scoring the JSON gives, column by column, for every document.
    const inputs = async (): Promise<unknown> => {
      const loaded = await worker.get(MetricInputsRepository).load(fx.roundId, null);
      return fx.institutionIds.map((id) => loaded?.collector.institution(id));
    };
    const viaColumns = await inputs();
    await t.ds.query('DELETE FROM scored_source');
    expect(await inputs()).toEqual(viaColumns);
  });

  it('never reads the old scores of an edited document; the institution job stores the new ones', async () => {
    await rebuild();
    const [report] = await t.ds.query(
      'SELECT id, institution_id FROM citizen_report WHERE round_id = $1 ORDER BY id LIMIT 1',
      [fx.roundId],
    );
    const [response] = await t.ds.query(
      `SELECT id, institution_id FROM response WHERE round_id = $1 AND status = 'submitted' ORDER BY id LIMIT 1`,
      [fx.roundId],
    );
    // Edited behind the API's back (a repair script, say): no version bump. An outbox row (already
    // dispatched: no job) moves the watermark, as any write does, so the rebuild's rows supersede the old.
    await t.ds.query(`UPDATE citizen_report SET data = '{}'::jsonb WHERE id = $1`, [report.id]);
    await t.ds.query(`UPDATE response SET submitted = '{}'::jsonb WHERE id = $1`, [response.id]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload, dispatched_at) VALUES ('test.repair', '{}', now())`);
    expect(await scoredFromJson()).toBe(2);

    await rebuild();
    const fromEdited = await stored();
    for (const id of [report.institution_id, response.institution_id])
      await worker.get(InstitutionRecomputeService).recompute({ roundId: fx.roundId, institutionId: id });
    expect(await scoredFromJson()).toBe(0);
    const [kept] = await t.ds.query(
      'SELECT (SELECT count(*)::int FROM scored_answer a WHERE a.source_id = s.source_id) AS answers FROM scored_source s WHERE s.source_id = $1',
      [response.id],
    );
    expect(kept).toEqual({ answers: 0 }); // an empty self-report scores nothing, and says so

    // From columns again: the same numbers as from the edited JSON.
    await rebuild();
    expect(await stored()).toEqual(fromEdited);
    await t.ds.query('DELETE FROM scored_source');
    await rebuild();
    expect(await stored()).toEqual(fromEdited);
  });

  it('a deleted document takes its scores with it', async () => {
    await rebuild();
    const [report] = await t.ds.query('SELECT id FROM citizen_report WHERE round_id = $1 ORDER BY id LIMIT 1', [
      fx.roundId,
    ]);
    await t.ds.query('DELETE FROM citizen_report WHERE id = $1', [report.id]);
    const rows = await t.ds.query('SELECT 1 FROM scored_source WHERE source_id = $1', [report.id]);
    expect(rows).toEqual([]);
  });
});
