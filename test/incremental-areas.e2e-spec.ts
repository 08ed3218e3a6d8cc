import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { mulberry32, seedFromString } from '@apertura/metric';
import { AreaOutcome, AreaRecomputeService } from '../apps/worker/src/metric/area-recompute.service';
import { InstitutionRecomputeService } from '../apps/worker/src/metric/institution-recompute.service';
import { MetricInputsRepository } from '../apps/worker/src/metric/metric-inputs.repository';
import { MetricResultsRepository } from '../apps/worker/src/metric/metric-results.repository';
import { RankRepository } from '../apps/worker/src/metric/rank.repository';
import type { TestApp } from './support/app';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';
import { rebuildRound, startWorkerApp, WorkerApp } from './support/worker-app';

/**
 * Incremental area jobs (issue #17 item 2): an area job aggregates and writes only the areas and
 * ranking groups its changes touch, and keeps the rest as this process last wrote them. The property:
 * after any interleaving of writes, institution jobs, area jobs of this worker and of another one,
 * and full rebuilds, the stored areas and rankings are bit for bit what a full rebuild of the same
 * inputs stores. A fresh random seed each run (printed in the test's name when it fails).
 */
describe('incremental area jobs', () => {
  let app: WorkerApp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let fx: RoundFixture;
  const seed = process.env.AREAS_SEED ?? `areas-${randomUUID()}`;

  beforeAll(async () => {
    app = await startWorkerApp();
    ({ t, worker } = app);
    const n = Number.parseInt(seed.slice(-6), 16);
    fx = await buildRoundFixture(t.ds, {
      seed,
      institutions: 40 + (n % 21),
      municipalities: 8 + (n % 5),
      status: 'open',
      selfReportShare: 0.7,
      reportsPerInstitution: [0, 7],
      verdictShare: 0.6,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  /**
   * A patch chunk far smaller than the national one, so that a new pool's re-finalised institutions
   * are patched over several transactions here too.
   */
  const PATCH_CHUNK = 7;

  /**
   * This worker's area job as the processor runs it. In a `burst`, another area job of the round waits
   * behind it, so it writes the touched municipalities alone, whenever this process has written every
   * area before (in production, also only until the last such pass is ten times its duration old, or
   * 60 s: mayDeferFullPass). Without `burst` it writes every area, after the touched municipalities
   * when the job before was one of a burst.
   */
  const areaJob = (burst = false): Promise<AreaOutcome> => {
    const service = worker.get(AreaRecomputeService);
    service.patchChunk = PATCH_CHUNK;
    service.deferFullPass = (last) => last !== undefined;
    service.burstQuietMs = 0;
    return service.recompute({ roundId: fx.roundId }, { newerJobWaiting: async () => burst });
  };

  /** An area job of another worker process: its own memory and its own stored-result cache (it reads every stored result). */
  const freshService = (): AreaRecomputeService => {
    const service = new AreaRecomputeService(
      new MetricInputsRepository(worker.get(DataSource)),
      worker.get(MetricResultsRepository),
      worker.get(RankRepository),
    );
    service.patchChunk = PATCH_CHUNK;
    return service;
  };
  /** The same job run by another worker process: its own memory of the round, the same database. */
  let other: AreaRecomputeService | undefined;
  const otherAreaJob = (): Promise<AreaOutcome> => {
    other ??= freshService();
    return other.recompute({ roundId: fx.roundId });
  };

  const rebuild = (): Promise<void> => rebuildRound(app, fx.roundId);

  /** Every stored area row and ranking of the round as text, without the watermarks and times of the writes. */
  const areaRows = (where = 'true', params: unknown[] = []): Promise<unknown[]> =>
    t.ds.query(
      `SELECT scope, scope_key, aggregation, indicator, estimate::text, se::text, lo::text, hi::text, cv::text, n,
              population_size, status, needed, needed_subjects, needed_reports, validated_share::text, formula,
              details::jsonb::text AS details, method_id, method_version
       FROM metric_result WHERE round_id = $1 AND (${where}) ORDER BY scope, scope_key, aggregation, indicator`,
      [fx.roundId, ...params],
    );
  const areasAndRanks = async (): Promise<unknown[]> => [
    await areaRows(),
    await t.ds.query(
      `SELECT ranking, group_key, indicator, scope_key, "position", lo, hi, "of", seed, method_id FROM metric_rank
       WHERE round_id = $1 ORDER BY ranking, group_key, indicator, scope_key`,
      [fx.roundId],
    ),
    await t.ds.query('SELECT pooled::text FROM metric_pool WHERE round_id = $1', [fx.roundId]),
  ];

  const institutionJob = async (institutionId: string): Promise<void> => {
    await worker.get(InstitutionRecomputeService).recompute({ roundId: fx.roundId, institutionId });
  };

  /**
   * After a write behind the API's back: the outbox row that moves the input watermark (already
   * dispatched), then — unless the caller runs it itself — the institution's job.
   */
  const touched = async (institutionId: string, runJob = true): Promise<string> => {
    await t.ds.query(`INSERT INTO outbox_event (type, payload, dispatched_at) VALUES ('test.write', '{}', now())`);
    if (runJob) await institutionJob(institutionId);
    return institutionId;
  };

  const changeVerdict = async (rng: () => number, withdraw: boolean, runJob = true): Promise<string | null> => {
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM verdict WHERE round_id = $1', [fx.roundId]);
    const [v] = await t.ds.query(
      'SELECT id, institution_id FROM verdict WHERE round_id = $1 ORDER BY id OFFSET $2 LIMIT 1',
      [fx.roundId, Math.floor(rng() * Math.max(1, n))],
    );
    if (v === undefined) return null;
    if (withdraw) await t.ds.query('DELETE FROM verdict WHERE id = $1', [v.id]);
    else
      await t.ds.query(
        `UPDATE verdict SET verdict = CASE verdict WHEN 'confirmed' THEN 'refuted' ELSE 'confirmed' END, updated_at = now() WHERE id = $1`,
        [v.id],
      );
    return touched(v.institution_id, runJob);
  };

  /**
   * One random write of a kind users make, changing one institution's inputs: verdicts move its
   * government side only (the round's pool stays, so area jobs can reuse); a withdrawn citizen report
   * usually moves the pool (every area is aggregated again); an emptied self-report moves its indices.
   */
  const randomWrite = async (rng: () => number, runJob = true): Promise<string | null> => {
    const pick = rng();
    if (pick < 0.5) return changeVerdict(rng, false, runJob);
    if (pick < 0.7) return changeVerdict(rng, true, runJob);
    const [table, filter] =
      pick < 0.82 ? ['citizen_report', ''] : ['response', ` AND status = 'submitted' AND submitted <> '{}'::jsonb`];
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE round_id = $1${filter}`, [
      fx.roundId,
    ]);
    const [row] = await t.ds.query(
      `SELECT id, institution_id FROM ${table} WHERE round_id = $1${filter} ORDER BY id OFFSET $2 LIMIT 1`,
      [fx.roundId, Math.floor(rng() * Math.max(1, n))],
    );
    if (row === undefined) return null;
    if (table === 'citizen_report') await t.ds.query('DELETE FROM citizen_report WHERE id = $1', [row.id]);
    else await t.ds.query(`UPDATE response SET submitted = '{}'::jsonb WHERE id = $1`, [row.id]);
    return touched(row.institution_id, runJob);
  };

  it(`after random interleavings, the stored areas and rankings equal a full aggregation's (seed ${seed})`, async () => {
    const rng = mulberry32(seedFromString(seed));
    await rebuild();
    for (let step = 0; step < 40; step++) {
      const writes = 1 + Math.floor(rng() * 3);
      if (rng() < 0.5) for (let k = 0; k < writes; k++) await randomWrite(rng);
      else {
        // As a worker drains a burst: the institutions of several writes recomputed as one batch.
        const ids = new Set<string>();
        for (let k = 0; k < writes + 2; k++) {
          const id = await randomWrite(rng, false);
          if (id !== null) ids.add(id);
        }
        await worker.get(InstitutionRecomputeService).recomputeMany(fx.roundId, [...ids]);
      }
      const next = rng();
      if (next < 0.65) {
        const { mode, watermark } = await areaJob(rng() < 0.35);
        if (mode === 'municipalities' && rng() < 0.5) {
          // Each municipality row a job of a burst wrote is what a pass over every area writes for it.
          const mine = `scope = 'municipality' AND scope_key IN
            (SELECT scope_key FROM metric_result WHERE round_id = $1 AND scope = 'municipality' AND watermark = $2::bigint)`;
          const first = await areaRows(mine, [watermark]);
          expect((await freshService().recompute({ roundId: fx.roundId })).mode).toBe('all');
          const keys = [...new Set((first as Array<{ scope_key: string }>).map((r) => r.scope_key))];
          expect(await areaRows(`scope = 'municipality' AND scope_key = ANY($2::text[])`, [keys])).toEqual(first);
        }
        if (mode === 'areas' && rng() < 0.4) {
          // What this job left must be what an area job without any memory writes from the same inputs.
          const incremental = await areasAndRanks();
          expect((await freshService().recompute({ roundId: fx.roundId })).mode).toBe('all');
          expect(await areasAndRanks()).toEqual(incremental);
        }
      } else if (next < 0.8) await otherAreaJob();
      else if (next < 0.85) await rebuild();
      // otherwise: the changes wait for a later area job, as a burst does
    }
    // Last, a streak the pool survives, so that what is compared with the rebuild comes from reuse.
    await areaJob();
    for (let k = 0; k < 3; k++) {
      await changeVerdict(rng, rng() < 0.3);
      expect((await areaJob()).mode).toBe('areas');
    }
    const incremental = await areasAndRanks();
    // Whatever the random steps checked, the streak's incremental state is checked too, by a worker
    // that reads every stored result: each is already finalised under the round's pool.
    expect(await freshService().recompute({ roundId: fx.roundId })).toMatchObject({ mode: 'all', refinalized: 0 });
    expect(await areasAndRanks()).toEqual(incremental);
    await rebuild();
    expect(await areasAndRanks()).toEqual(incremental);
  });

  it('writes only the touched areas when nothing else wrote, and every area after another writer', async () => {
    await areaJob(); // this process's memory is the stored state
    const quiet = await areaJob();
    expect(quiet).toMatchObject({ mode: 'areas', touchedInstitutions: 0 });

    const [v] = await t.ds.query(`SELECT id, institution_id FROM verdict WHERE round_id = $1 ORDER BY id LIMIT 1`, [
      fx.roundId,
    ]);
    await t.ds.query(
      `UPDATE verdict SET verdict = CASE verdict WHEN 'confirmed' THEN 'refuted' ELSE 'confirmed' END, updated_at = now() WHERE id = $1`,
      [v.id],
    );
    await touched(v.institution_id);
    const one = await areaJob();
    expect(one).toMatchObject({ mode: 'areas', touchedInstitutions: 1 });
    const [{ n: allRows }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope <> 'institution'`,
      [fx.roundId],
    );
    expect(one.rows).toBeLessThan(allRows);

    await otherAreaJob(); // another worker writes the round's areas …
    expect(await areaJob()).toMatchObject({ mode: 'all' }); // … so this one cannot trust its memory
    expect(await areaJob()).toMatchObject({ mode: 'areas' });

    await rebuild(); // a rebuild writes every area too
    expect(await areaJob()).toMatchObject({ mode: 'all' });
  });

  it('in a burst, writes the touched municipalities alone, and the next pass over every area what a rebuild stores', async () => {
    await rebuild();
    await areaJob(); // this process's memory is the stored state, from a pass over every area
    // A withdrawn citizen report (it usually moves the round's pool, so every area's interval moves).
    const [r] = await t.ds.query(
      `SELECT c.id, c.institution_id, i.cvegeo FROM citizen_report c JOIN institution i ON i.id = c.institution_id
        WHERE c.round_id = $1 ORDER BY c.id LIMIT 1`,
      [fx.roundId],
    );
    await t.ds.query('DELETE FROM citizen_report WHERE id = $1', [r.id]);
    await touched(r.institution_id);
    const others = `scope NOT IN ('institution', 'municipality') OR scope_key <> $2`;
    const before = await areaRows(others, [r.cvegeo]);

    const burst = await areaJob(true);
    expect(burst).toMatchObject({ mode: 'municipalities', touchedInstitutions: 1, refinalized: 0 });
    expect(burst.rows).toBeGreaterThan(0);
    const written: Array<{ scope: string; scope_key: string }> = await t.ds.query(
      `SELECT DISTINCT scope, scope_key FROM metric_result WHERE round_id = $1 AND scope <> 'institution' AND watermark = $2::bigint`,
      [fx.roundId, burst.watermark],
    );
    expect(written).toEqual([{ scope: 'municipality', scope_key: r.cvegeo }]);
    expect(await areaRows(others, [r.cvegeo])).toEqual(before);
    const municipality = await areaRows(`scope = 'municipality' AND scope_key = $2`, [r.cvegeo]);

    // Nothing new since: no row to write, and the municipality is not aggregated again.
    expect(await areaJob(true)).toMatchObject({ mode: 'municipalities', rows: 0, touchedInstitutions: 0 });
    // During a burst, a job that finds no other waiting looks again for a while before it writes every area.
    const service = worker.get(AreaRecomputeService);
    service.burstQuietMs = 5_000;
    let asked = 0;
    const late = await service.recompute({ roundId: fx.roundId }, { newerJobWaiting: async () => ++asked > 2 });
    expect(late).toMatchObject({ mode: 'municipalities' });
    expect(asked).toBe(3);
    // The last job of the burst (no other waits) writes every area ('areas' when the pool did not move).
    expect((await areaJob()).mode).not.toBe('municipalities');
    expect(await areaRows(`scope = 'municipality' AND scope_key = $2`, [r.cvegeo])).toEqual(municipality);
    const settled = await areasAndRanks();
    await rebuild();
    expect(await areasAndRanks()).toEqual(settled);
  });

  it('after a new pool or a smaller universe, writes only the rows that differ from what it stored', async () => {
    await areaJob(); // this process's memory is the stored state
    const allAreaRows = async (): Promise<number> =>
      (
        await t.ds.query(
          `SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope <> 'institution'`,
          [fx.roundId],
        )
      )[0].n;

    // Withdrawn citizen reports of the most reported institutions, one at a time, until one moves the
    // round's pool (§5; a report usually does): then every area is aggregated again.
    const candidates: Array<{ id: string; institution_id: string }> = await t.ds.query(
      `SELECT DISTINCT ON (institution_id) id, institution_id FROM citizen_report WHERE round_id = $1 AND institution_id IN
         (SELECT institution_id FROM citizen_report WHERE round_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8)
       ORDER BY institution_id, id`,
      [fx.roundId],
    );
    let moved: AreaOutcome | undefined;
    for (const r of candidates) {
      await t.ds.query('DELETE FROM citizen_report WHERE id = $1', [r.id]);
      await touched(r.institution_id);
      const out = await areaJob();
      if (out.mode === 'all') {
        moved = out;
        break;
      }
    }
    if (moved === undefined) throw new Error('no withdrawn report moved the pool');
    expect(moved.refinalized).toBeGreaterThan(0);
    expect(moved.rows).toBeGreaterThan(0);
    expect(moved.rows).toBeLessThan(await allAreaRows());
    const afterMove = await areasAndRanks();
    expect(await freshService().recompute({ roundId: fx.roundId })).toMatchObject({ mode: 'all' });
    expect(await areasAndRanks()).toEqual(afterMove);

    // A municipality leaves the round's universe: its rows go, the others stay as they were written.
    await areaJob(); // the stored state is this process's again
    const [{ cvegeo }] = await t.ds.query(
      `SELECT i.cvegeo FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
        WHERE ri.round_id = $1 GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`,
      [fx.roundId],
    );
    // (TypeORM answers a DELETE … RETURNING with [rows, count].)
    const [leaving]: [Array<{ id: string }>, number] = await t.ds.query(
      `DELETE FROM round_institution ri USING institution i
        WHERE i.id = ri.institution_id AND ri.round_id = $1 AND i.cvegeo = $2 RETURNING ri.institution_id AS id`,
      [fx.roundId, cvegeo],
    );
    // Recomputed in one batch with an institution that stays: the ones that left lose their rows.
    const [stays] = await t.ds.query(
      `SELECT ri.institution_id AS id FROM round_institution ri WHERE ri.round_id = $1 ORDER BY 1 LIMIT 1`,
      [fx.roundId],
    );
    for (const { id } of [...leaving, stays]) await touched(id, false);
    await worker
      .get(InstitutionRecomputeService)
      .recomputeMany(fx.roundId, [...leaving.map((l) => l.id), stays.id as string]);
    const [{ n: leftInstitutions }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND scope_key = ANY($2::text[])`,
      [fx.roundId, leaving.map((l) => l.id)],
    );
    expect(leftInstitutions).toBe(0);
    expect(await areaJob()).toMatchObject({ mode: 'all' });
    const [{ n: left }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope = 'municipality' AND scope_key = $2`,
      [fx.roundId, cvegeo],
    );
    expect(left).toBe(0);
    const smaller = await areasAndRanks();
    await rebuild();
    expect(await areasAndRanks()).toEqual(smaller);
  });

  it('an area job that stops between its patch chunks leaves what the next area job completes', async () => {
    await areaJob(); // this process's memory is the stored state
    const results = worker.get(MetricResultsRepository);
    const patchAll = results.patchInstitutions.bind(results);
    let chunks = 0;
    const stop = new Error('the worker stopped between two patch chunks');
    const spy = jest.spyOn(results, 'patchInstitutions').mockImplementation(async (m, roundId, patches) => {
      chunks += 1;
      if (chunks === 2) throw stop;
      return patchAll(m, roundId, patches);
    });
    try {
      // Withdrawn reports until one moves the pool for more institutions than one chunk holds.
      const reports: Array<{ id: string; institution_id: string }> = await t.ds.query(
        `SELECT id, institution_id FROM citizen_report WHERE round_id = $1 ORDER BY id LIMIT 12`,
        [fx.roundId],
      );
      let stopped = false;
      for (const r of reports) {
        await t.ds.query('DELETE FROM citizen_report WHERE id = $1', [r.id]);
        await touched(r.institution_id);
        chunks = 0;
        const outcome = await areaJob().then(
          () => 'done',
          (err: unknown) => (err === stop ? 'stopped' : Promise.reject(err)),
        );
        if (outcome === 'stopped') {
          stopped = true;
          break;
        }
      }
      expect(stopped).toBe(true);
    } finally {
      spy.mockRestore();
    }
    // The area rows and the pool committed; the second chunk's institutions still have the previous pool's intervals.
    const next = await areaJob();
    expect(next.refinalized).toBeGreaterThan(0);
    const completed = await areasAndRanks();
    await rebuild();
    expect(await areasAndRanks()).toEqual(completed);
  });

  /**
   * An institution job reads the round's pool with its inputs and writes later, so it can rewrite a
   * stored result at the watermark an area job has just patched, under the pool from before that job
   * (a real interleaving since they share the round's lock; emulated here by storing another pool
   * while it runs). The next area job must see the rewrite and patch it again, although the
   * watermark did not move.
   */
  it('patches again a result an institution job rewrote at the same watermark under an older pool', async () => {
    await rebuild();
    await areaJob(); // the memory and the stored-result cache of this process are the stored state
    // An institution with a citizen value that leans on the pool (one validator: the small-n rule, §5) …
    const leaningOn: Array<{ institution_id: string; indicator: string }> = await t.ds.query(
      `SELECT scope_key AS institution_id, indicator FROM metric_result WHERE round_id = $1 AND scope = 'institution'
          AND indicator IN ('TC', 'PC', 'T', 'P', 'I') AND n = 1 AND se IS NOT NULL
        ORDER BY indicator DESC, 1 LIMIT 1`,
      [fx.roundId],
    );
    expect(leaningOn).toHaveLength(1); // the fixture's rounds have institutions with one citizen report
    const [{ institution_id: leaning, indicator }] = leaningOn;
    // … and a withdrawn report elsewhere (it usually moves the pool), both at one new watermark.
    const [r] = await t.ds.query(
      `SELECT id, institution_id FROM citizen_report WHERE round_id = $1 AND institution_id <> $2 AND institution_id =
         (SELECT institution_id FROM citizen_report WHERE round_id = $1 AND institution_id <> $2 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
       ORDER BY id LIMIT 1`,
      [fx.roundId, leaning],
    );
    await t.ds.query('DELETE FROM citizen_report WHERE id = $1', [r.id]);
    await touched(r.institution_id);
    await institutionJob(leaning);
    await areaJob(); // usually under a new pool; what matters is that its process now holds the rows as stored
    const se = async (): Promise<string> =>
      (
        await t.ds.query(
          `SELECT se::text FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND scope_key = $2 AND indicator = $3`,
          [fx.roundId, leaning, indicator],
        )
      )[0].se;
    const patched = await se();

    // The late institution job: it read another pool than the one the area job stored (here the stored
    // one with every pooled variance half as large again, so that the rewrite surely differs).
    const [{ pooled }] = await t.ds.query('SELECT pooled::text FROM metric_pool WHERE round_id = $1', [fx.roundId]);
    const stale = Object.fromEntries(
      Object.entries(JSON.parse(pooled) as Record<string, number>).map(([k, v]) => [k, v * 1.5]),
    );
    await t.ds.query('UPDATE metric_pool SET pooled = $2::json WHERE round_id = $1', [
      fx.roundId,
      JSON.stringify(stale),
    ]);
    await institutionJob(leaning);
    await t.ds.query('UPDATE metric_pool SET pooled = $2::json WHERE round_id = $1', [fx.roundId, pooled]);
    expect(await se()).not.toBe(patched); // the rewrite is under the older pool, at the same watermark

    await areaJob();
    expect(await se()).toBe(patched);
    const incremental = await areasAndRanks();
    await rebuild();
    expect(await areasAndRanks()).toEqual(incremental);
  });

  /**
   * Institution jobs, area jobs of two workers and rebuilds share the round's lock (issue #17): they
   * write side by side, in MetricResultsRepository's row-lock order. Run all of them at once, with
   * writes arriving meanwhile: none may fail (a deadlock PostgreSQL breaks would surface as a
   * rejected job here, where Bull would retry it), and once the round is quiet one area job leaves
   * what a full rebuild stores.
   */
  it(`concurrent institution, area and rebuild jobs neither deadlock nor diverge (seed ${seed})`, async () => {
    const rng = mulberry32(seedFromString(`${seed}-concurrent`));
    await rebuild();
    for (let step = 0; step < 12; step++) {
      const pending: string[] = [];
      for (let k = 0, n = 2 + Math.floor(rng() * 6); k < n; k++) {
        const id = await randomWrite(rng, false);
        if (id !== null) pending.push(id);
      }
      // Three lanes of institution jobs (one institution may appear twice: two jobs of one institution
      // at once), a writer whose own jobs join in, both workers' area jobs, and sometimes a rebuild.
      const lane = async (): Promise<void> => {
        for (let id = pending.pop(); id !== undefined; id = pending.pop()) await institutionJob(id);
      };
      const writer = async (): Promise<void> => {
        for (let k = 0; k < 2; k++) await randomWrite(rng, true);
      };
      const twice = pending.length > 0 ? [pending[Math.floor(rng() * pending.length)]] : [];
      const jobs = [lane(), lane(), lane(), writer(), areaJob(), otherAreaJob(), ...twice.map(institutionJob)];
      if (rng() < 0.3) jobs.push(rebuild());
      const failures = (await Promise.allSettled(jobs)).flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(failures).toEqual([]);
    }
    await areaJob();
    const settled = await areasAndRanks();
    await rebuild();
    expect(await areasAndRanks()).toEqual(settled);
  });
});
