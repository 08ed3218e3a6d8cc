import { randomUUID } from 'crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { until } from './support/metric-helpers';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';
import { TEST_PASSWORD } from './support/fixtures';
import { buildWorld, registerVerified, World } from './security/support/world';

/**
 * Issue #18 item 3: validators' optional demographics — consent, own edit and withdrawal, deletion with
 * the account, and the per-round aggregate with small-cell suppression (against real PostgreSQL).
 */

const ANSWERS = {
  ageBand: '30_44',
  gender: 'woman',
  municipalityType: 'city',
  indigenousLanguage: 'yes',
  disability: 'prefer_not_to_say',
};
const save = (extra: Record<string, unknown> = {}) => ({
  consent: true,
  purposeVersion: '2026-12',
  ...ANSWERS,
  ...extra,
});

/** Tampers with one validator's stored TC cluster values (x → 1 − x) in every institution of the round. */
const FLIP_TC = `UPDATE institution_result r SET validator_tc = (
    SELECT array_agg(CASE WHEN u.id = $2 AND u.tc IS NOT NULL THEN 1 - u.tc ELSE u.tc END ORDER BY u.ord)
    FROM unnest(r.validator_ids, r.validator_tc) WITH ORDINALITY AS u(id, tc, ord))
  WHERE r.round_id = $1 AND $2 = ANY(r.validator_ids)`;

describe('validator demographics', () => {
  let t: TestApp;
  let w: World;
  const path = '/api/citizens/me/demographics';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  const auditActions = async (userId: string): Promise<Array<{ action: string; details: unknown }>> =>
    t.ds.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 AND action LIKE 'validator.demographics.%' ORDER BY id`,
      [userId],
    );

  it('is given only with explicit consent, edited and withdrawn by its owner; consent changes are audited without the answers', async () => {
    expect((await w.http.get(path, { token: w.v1.token })).body).toEqual({
      consented: false,
      purposeVersion: null,
      consentAt: null,
      answers: null,
    });
    const noConsent = await w.http.put(path, save({ consent: false }), { token: w.v1.token });
    expect(noConsent).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const badCategory = await w.http.put(path, save({ gender: 'robot' }), { token: w.v1.token });
    expect(badCategory).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM validator_demographics'))[0].n).toBe(0);

    const given = await w.http.put(path, save(), { token: w.v1.token });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ consented: true, purposeVersion: '2026-12', answers: ANSWERS });
    // Only its owner sees it; staff cannot read a validator's demographics at all.
    expect((await w.http.get(path, { token: w.v2.token })).body.consented).toBe(false);
    expect((await w.http.get(path, { token: w.a.admin })).status).toBe(403);
    expect((await w.http.get('/api/citizens/me', { token: w.v1.token })).body).not.toHaveProperty('answers');

    const edited = await w.http.put(path, save({ gender: 'prefer_not_to_say' }), { token: w.v1.token });
    expect(edited.body.answers.gender).toBe('prefer_not_to_say');
    // Stored apart from identity: the row holds no e-mail, name or municipality code.
    const [row] = await t.ds.query('SELECT * FROM validator_demographics WHERE user_id = $1', [w.v1.id]);
    expect(Object.keys(row).sort()).toEqual(
      [
        'age_band',
        'consent_at',
        'disability',
        'gender',
        'indigenous_language',
        'municipality_type',
        'purpose_version',
        'updated_at',
        'user_id',
      ].sort(),
    );

    const withdrawn = await w.http.request('DELETE', path, undefined, { token: w.v1.token });
    expect(withdrawn).toMatchObject({ status: 200, body: { consented: false, answers: null } });
    expect(await t.ds.query('SELECT 1 FROM validator_demographics WHERE user_id = $1', [w.v1.id])).toEqual([]);
    expect((await w.http.request('DELETE', path, undefined, { token: w.v1.token })).status).toBe(200);

    const audit = await auditActions(w.v1.id);
    expect(audit.map((a) => a.action)).toEqual([
      'validator.demographics.consent',
      'validator.demographics.update',
      'validator.demographics.withdraw',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/woman|30_44|city|indigenous/);
  });

  it('is deleted with the account', async () => {
    const v = await registerVerified(t, w.http, `borrar-${randomUUID().slice(0, 6)}@example.org`);
    expect((await w.http.put(path, save(), { token: v.token })).status).toBe(200);
    const erased = await w.http.request('DELETE', '/api/citizens/me', { password: TEST_PASSWORD }, { token: v.token });
    expect(erased.status).toBe(200);
    expect(await t.ds.query('SELECT 1 FROM validator_demographics WHERE user_id = $1', [v.id])).toEqual([]);
  });

  describe("a round's validators' profile", () => {
    /** Synthetic validators with one verdict each in `roundId` and the given demographics (null: none given). */
    async function validators(
      roundId: string,
      rows: Array<Partial<typeof ANSWERS> | null>,
      worked = true,
    ): Promise<void> {
      for (const d of rows) {
        const [u] = await t.ds.query(
          `INSERT INTO app_user (email, role, email_verified_at) VALUES ($1, 'citizen_validator', now()) RETURNING id`,
          [`s-${randomUUID()}@example.org`],
        );
        await t.ds.query(
          `INSERT INTO validator_profile (user_id, pseudonym, consent_at, privacy_notice_version) VALUES ($1, $2, now(), '2025-01')`,
          [u.id, `V-${randomUUID().slice(0, 8)}`],
        );
        if (worked)
          await t.ds.query(
            `INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict) VALUES ($1, $2, $3, $4, 'confirmed')`,
            [roundId, w.instX, u.id, w.claim],
          );
        if (d) {
          const a = { ...ANSWERS, ...d };
          await t.ds.query(
            `INSERT INTO validator_demographics (user_id, age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at)
             VALUES ($1, $2, $3, $4, $5, $6, '2026-12', now())`,
            [u.id, a.ageBand, a.gender, a.municipalityType, a.indigenousLanguage, a.disability],
          );
        }
      }
    }
    const cells = (body: { questions: Array<{ question: string; cells: unknown[] }> }, q: string) =>
      body.questions.find((x) => x.question === q)?.cells;

    it('counts per category with small cells and their complements suppressed, beside the census population', async () => {
      await validators(w.roundId, [
        ...Array.from({ length: 7 }, () => ({ gender: 'woman', indigenousLanguage: 'no' })),
        ...Array.from({ length: 3 }, () => ({ gender: 'man', indigenousLanguage: 'no' })),
        { gender: 'prefer_not_to_say', indigenousLanguage: 'no' },
        { gender: 'prefer_not_to_say', indigenousLanguage: 'yes' },
        null,
        null,
      ]);
      await validators(w.roundId, [{ gender: 'non_binary' }], false); // never worked in the round: not counted

      // While the round is open, no breakdown (readings before and after one person's first verdict would tell).
      const open = await w.http.get(`/api/rounds/${w.roundId}/validators-profile`, { token: w.a.analyst });
      expect(open.body).toMatchObject({ validators: 14, respondents: 12, published: false, withheld: 'round_open' });
      expect(JSON.stringify(open.body.questions)).not.toMatch(/"count":\d/);
      await t.ds.query(`UPDATE round SET status = 'closed' WHERE id = $1`, [w.roundId]);

      const res = await w.http.get(`/api/rounds/${w.roundId}/validators-profile`, { token: w.a.analyst });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        roundId: w.roundId,
        k: 5,
        validators: 14,
        respondents: 12,
        published: true,
        withheld: null,
      });
      expect(cells(res.body, 'gender')).toEqual([
        { category: 'woman', count: 7, share: 7 / 12, suppressed: false },
        { category: 'man', count: null, share: null, suppressed: true },
        { category: 'non_binary', count: 0, share: 0, suppressed: false },
        { category: 'other', count: 0, share: 0, suppressed: false },
        { category: 'prefer_not_to_say', count: null, share: null, suppressed: true },
      ]);
      // One indigenous-language speaker: hidden, and so is "no" (11 = 12 − 1 would give it away).
      expect(cells(res.body, 'indigenousLanguage')).toEqual([
        { category: 'yes', count: null, share: null, suppressed: true },
        { category: 'no', count: null, share: null, suppressed: true },
        { category: 'prefer_not_to_say', count: 0, share: 0, suppressed: false },
      ]);
      expect(cells(res.body, 'ageBand')).toContainEqual({ category: '30_44', count: 12, share: 1, suppressed: false });
      expect(res.body.population.source).toMatch(/CONAPO.*INEGI/);
      expect(res.body.population.municipalityTypes.map((p: { category: string }) => p.category)).toEqual([
        'rural',
        'small_city',
        'city',
        'metropolis',
      ]);
      expect(
        res.body.population.municipalityTypes.reduce((s: number, p: { share: number }) => s + p.share, 0),
      ).toBeCloseTo(1, 9);

      // Another guarantor's staff: no existence leak. The public: only once the round's results are published.
      expect((await w.http.get(`/api/rounds/${w.roundId}/validators-profile`, { token: w.b.analyst })).status).toBe(
        404,
      );
      expect((await w.http.get(`/api/public/rounds/${w.roundId}/validators-profile`)).status).toBe(404);
      await t.ds.query(`UPDATE round SET status = 'published', published_at = now() WHERE id = $1`, [w.roundId]);
      const pub = await w.http.get(`/api/public/rounds/${w.roundId}/validators-profile`);
      expect(pub.status).toBe(200);
      expect(pub.body).toEqual(res.body);
    });

    it('counts the validators as of the round results and demographics, again at once after a write of either', async () => {
      const read = async (): Promise<{ validators: number; respondents: number }> =>
        (await w.http.get(`/api/rounds/${w.roundId}/validators-profile`, { token: w.a.analyst })).body;
      const before = await read();
      // A new validator's verdict, not yet computed: the profile is still that of the round's results.
      await validators(w.roundId, [null]);
      expect(await read()).toMatchObject(before);
      // Its institution computed again (any result write of the round): counted.
      await t.ds.query(`UPDATE metric_result SET se = se WHERE round_id = $1`, [w.roundId]);
      expect(await read()).toMatchObject({ validators: before.validators + 1, respondents: before.respondents });
      // Demographic answers given: counted at once.
      const [newest]: Array<{ id: string }> = await t.ds.query(
        `SELECT validator_id AS id FROM verdict WHERE round_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [w.roundId],
      );
      await t.ds.query(
        `INSERT INTO validator_demographics (user_id, age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at)
         VALUES ($1, '30_44', 'woman', 'rural', 'no', 'no', '2026-12', now())`,
        [newest.id],
      );
      expect(await read()).toMatchObject({ validators: before.validators + 1, respondents: before.respondents + 1 });
      // Their account erased: gone at once.
      await t.ds.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [newest.id]);
      expect(await read()).toMatchObject({ validators: before.validators + 1, respondents: before.respondents });
    });

    it('publishes no breakdown when fewer than k validators answered', async () => {
      await validators(w.round2Id, [{ gender: 'woman' }, { gender: 'woman' }, { gender: 'man' }, null]);
      await t.ds.query(`UPDATE round SET status = 'closed' WHERE id = $1`, [w.round2Id]);
      const res = await w.http.get(`/api/rounds/${w.round2Id}/validators-profile`, { token: w.a.admin });
      expect(res.body).toMatchObject({ validators: 4, respondents: 3, published: false, withheld: 'too_few' });
      for (const q of res.body.questions as Array<{ cells: Array<{ count: number | null; suppressed: boolean }> }>)
        for (const c of q.cells) expect(c).toMatchObject({ count: null, share: null, suppressed: true });
    });
  });
  describe('the round values re-weighted to the population (sensitivity check)', () => {
    let worker: INestApplicationContext;
    let fx: RoundFixture;
    const profilePath = () => `/api/rounds/${fx.roundId}/validators-profile`;
    const setCell = async (userId: string, cell: string | null): Promise<void> => {
      await t.ds.query('DELETE FROM validator_demographics WHERE user_id = $1', [userId]);
      if (cell !== null)
        await t.ds.query(
          `INSERT INTO validator_demographics (user_id, age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at)
           VALUES ($1, '30_44', 'woman', $2, 'no', 'no', '2026-12', now())`,
          [userId, cell],
        );
    };

    beforeAll(async () => {
      worker = await startWorker(t.env);
      fx = await buildRoundFixture(t.ds, {
        seed: 'demographics-reweight',
        institutions: 12,
        municipalities: 2,
        guarantorId: w.a.guarantorId,
        status: 'closed',
        reportsPerInstitution: [4, 6],
        validators: 24,
      });
      const requested = await w.http.post(`/api/rounds/${fx.roundId}/recompute`, undefined, { token: w.a.admin });
      expect(requested.status).toBe(202);
      const run = await until(
        async () =>
          (await w.http.get(`/api/rounds/${fx.roundId}/recompute/${requested.body.runId}`, { token: w.a.admin })).body,
        (r) => r.status === 'done' || r.status === 'failed',
        'recompute run',
        60_000,
      );
      expect(run.status).toBe('done');
    }, 90_000);
    afterAll(() => worker?.close());

    it('are the published values with validators weighted by municipality type (hand computation), beside them', async () => {
      const clusters: Array<{ institution_id: string; validator_id: string; tc: number | null; pc: number | null }> =
        await t.ds.query(
          `SELECT r.institution_id, c.validator_id, c.tc, c.pc FROM institution_result r
           CROSS JOIN LATERAL unnest(r.validator_ids, r.validator_tc, r.validator_pc) AS c(validator_id, tc, pc)
           WHERE r.round_id = $1 ORDER BY r.institution_id, c.validator_id`,
          [fx.roundId],
        );
      const [{ method_version: mv }] = await t.ds.query(
        'SELECT DISTINCT method_version FROM institution_result WHERE round_id = $1 AND cardinality(validator_ids) > 0',
        [fx.roundId],
      );
      expect(mv).toMatch(/^\d/);
      const national: Array<{ indicator: string; estimate: number; lo: number; hi: number; half_width: number }> =
        await t.ds.query(
          `SELECT indicator, estimate, lo, hi, (details->>'halfWidth')::float8 AS half_width FROM metric_result
           WHERE round_id = $1 AND scope = 'national' AND aggregation = 'unweighted' AND indicator IN ('I', 'TC', 'PC')`,
          [fx.roundId],
        );
      const census: Array<{ scope_key: string; indicator: string; estimate: number }> = await t.ds.query(
        `SELECT scope_key, indicator, estimate FROM metric_result
         WHERE round_id = $1 AND scope = 'institution' AND indicator IN ('TG', 'PG') AND estimate IS NOT NULL`,
        [fx.roundId],
      );
      const censusOf = (inst: string, ind: string): number | null =>
        census.find((c) => c.scope_key === inst && c.indicator === ind)?.estimate ?? null;

      /** The round's TC, PC, I by hand: weighted means per institution, then the plain mean over institutions. */
      const byHand = (weight: (v: string) => number): Record<string, number> => {
        const out: Record<string, number[]> = { TC: [], PC: [], I: [] };
        for (const inst of [...new Set(clusters.map((c) => c.institution_id))]) {
          const own = clusters.filter((c) => c.institution_id === inst);
          const mean = (k: 'tc' | 'pc'): number | null => {
            const xs = own.filter((c) => c[k] !== null);
            if (xs.length === 0) return null;
            return (
              xs.reduce((s, c) => s + weight(c.validator_id) * (c[k] as number), 0) /
              xs.reduce((s, c) => s + weight(c.validator_id), 0)
            );
          };
          const tc = mean('tc');
          const pc = mean('pc');
          const tg = censusOf(inst, 'TG');
          const pg = censusOf(inst, 'PG');
          if (tc !== null) out.TC.push(tc);
          if (pc !== null) out.PC.push(pc);
          if (tc !== null && pc !== null && tg !== null && pg !== null) out.I.push((tg + tc + pg + pc) / 4);
        }
        const avg = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
        return { TC: avg(out.TC), PC: avg(out.PC), I: avg(out.I) };
      };
      // The stored cluster values reproduce the published values (weights 1).
      const plain = byHand(() => 1);
      for (const code of ['TC', 'PC', 'I'])
        expect(plain[code]).toBeCloseTo(national.find((n) => n.indicator === code)?.estimate as number, 12);

      const people = [...new Set(clusters.map((c) => c.validator_id))].sort();
      expect(people.length).toBeGreaterThanOrEqual(20);
      // Nobody has declared yet: withheld.
      let res = await w.http.get(profilePath(), { token: w.a.analyst });
      expect(res.body.reweighted).toMatchObject({
        variable: 'municipalityType',
        withheld: 'too_few_declared',
        values: [],
      });

      // 2 rural (too few: merged with small city), 5 small city, 6 city, 5 metropolis, 1 "prefer not to say", the rest undeclared.
      const plan: Array<[string, number]> = [
        ['rural', 2],
        ['small_city', 5],
        ['city', 6],
        ['metropolis', 5],
        ['prefer_not_to_say', 1],
      ];
      const cellOf = new Map<string, string>();
      let i = 0;
      for (const [cell, n] of plan)
        for (let j = 0; j < n; j++) {
          cellOf.set(people[i], cell);
          await setCell(people[i++], cell);
        }

      res = await w.http.get(profilePath(), { token: w.a.analyst });
      expect(res.status).toBe(200);
      const rw = res.body.reweighted;
      expect(rw.withheld).toBeNull();
      expect(rw.strata.map((x: { cells: string[] }) => x.cells)).toEqual([
        ['rural', 'small_city'],
        ['city'],
        ['metropolis'],
      ]);
      const pop = new Map<string, number>(
        res.body.population.municipalityTypes.map((p: { category: string; population: number }) => [
          p.category,
          p.population,
        ]),
      );
      const total = [...pop.values()].reduce((s, x) => s + x, 0);
      const share = (...cells: string[]): number => cells.reduce((s, c) => s + (pop.get(c) as number), 0) / total;
      const D = 18;
      const w8: Record<string, number> = {
        rural: share('rural', 'small_city') / (7 / D),
        small_city: share('rural', 'small_city') / (7 / D),
        city: share('city') / (6 / D),
        metropolis: share('metropolis') / (5 / D),
      };
      const hand = byHand((v) => w8[cellOf.get(v) ?? ''] ?? 1);
      expect(rw.values.map((v: { indicator: string }) => v.indicator)).toEqual(['I', 'TC', 'PC']);
      for (const v of rw.values) {
        const main = national.find((n) => n.indicator === v.indicator) as (typeof national)[number];
        expect(v.main).toBe(main.estimate); // the published value, untouched
        expect(v).toMatchObject({ lo: main.lo, hi: main.hi, halfWidth: main.half_width });
        expect(v.reweighted).toBeCloseTo(hand[v.indicator], 12);
        expect(v.difference).toBeCloseTo(hand[v.indicator] - main.estimate, 12);
        expect(v.withinUncertainty).toBe(Math.abs(v.difference) <= main.half_width);
      }
      // No personal data: no validator id, no stratum count or weight.
      const text = JSON.stringify(rw);
      for (const p of people) expect(text).not.toContain(p);
      expect(rw.strata[0]).toEqual({ cells: ['rural', 'small_city'], populationShare: share('rural', 'small_city') });

      // While the round is open: withheld (as the profile).
      await t.ds.query(`UPDATE round SET status = 'open' WHERE id = $1`, [fx.roundId]);
      res = await w.http.get(profilePath(), { token: w.a.analyst });
      expect(res.body.reweighted).toMatchObject({ withheld: 'round_open', values: [], strata: [] });
      await t.ds.query(`UPDATE round SET status = 'published', published_at = now() WHERE id = $1`, [fx.roundId]);
      // The public sees the same once the results are published.
      const pub = await w.http.get(`/api/public/rounds/${fx.roundId}/validators-profile`);
      expect(pub.status).toBe(200);
      expect(pub.body.reweighted).toEqual(rw);

      // Stored values that no longer reproduce the published value: nothing shown against the wrong baseline.
      await t.ds.query(FLIP_TC, [fx.roundId, people[0]]);
      res = await w.http.get(profilePath(), { token: w.a.analyst });
      expect(res.body.reweighted).toMatchObject({ withheld: 'results_updating', values: [] });
      await t.ds.query(FLIP_TC, [fx.roundId, people[0]]);

      // Consent withdrawn by the small-city people: the merged stratum has 2 < k → withheld, at once.
      for (const p of people.slice(2, 7)) await setCell(p, null);
      res = await w.http.get(profilePath(), { token: w.a.analyst });
      expect(res.body.reweighted).toMatchObject({ withheld: 'cell_too_small', values: [] });
    });

    it('are kept until a result, cluster-value or demographic write, and never served across one', async () => {
      const served = async (): Promise<{ variable: string }> => {
        const res = await w.http.get(profilePath(), { token: w.a.analyst });
        expect(res.status).toBe(200);
        return res.body.reweighted;
      };
      // A mark that only the kept copy carries: seeing it proves the answer came from the cache.
      const mark = async (): Promise<void> => {
        // An UPDATE through TypeORM answers [rows, count].
        const [, marked]: [unknown[], number] = await t.ds.query(
          `UPDATE round_reweight_cache SET value = (value::jsonb || '{"variable":"kept"}')::json WHERE round_id = $1`,
          [fx.roundId],
        );
        expect(marked).toBe(1);
      };
      const fresh = await served();
      expect(fresh.variable).toBe('municipalityType');
      await mark();
      expect((await served()).variable).toBe('kept');

      // A demographic answer edited: computed again at once.
      const [someone]: Array<{ user_id: string }> = await t.ds.query(
        'SELECT user_id FROM validator_demographics ORDER BY user_id LIMIT 1',
      );
      await t.ds.query(`UPDATE validator_demographics SET gender = 'man' WHERE user_id = $1`, [someone.user_id]);
      expect(await served()).toEqual(fresh);
      await mark();
      // An account marked deleted (its demographics no longer count).
      await t.ds.query('UPDATE app_user SET deleted_at = deleted_at WHERE id = $1', [someone.user_id]);
      expect(await served()).toEqual(fresh);
      await mark();
      // A result row written by a script (no round named: it concerns every round).
      await t.ds.query('UPDATE metric_result SET se = se WHERE round_id = $1', [fx.roundId]);
      expect(await served()).toEqual(fresh);
      await mark();
      // The stored cluster values alone.
      await t.ds.query('UPDATE institution_result SET validator_tc = validator_tc WHERE round_id = $1', [fx.roundId]);
      expect(await served()).toEqual(fresh);
      await mark();
      expect((await served()).variable).toBe('kept');
    });
  });
});
