import { startTestApp, TestApp } from './support/app';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

interface Point {
  round: { id: string; name: string; synthetic: boolean };
  value: {
    estimate: number | null;
    lo: number | null;
    hi: number | null;
    status: string;
    reasons: string[];
    methodId: string;
    methodVersion: string;
  } | null;
  currentMethod: boolean;
  joined: boolean;
  flags: Array<{ code: string; messages: { es: string; en: string } }>;
  change: { verdict: string; reasons: string[]; messages: { es: string; en: string }; previousRoundId: string } | null;
}
interface Trend {
  guarantor: { slug: string };
  name: string;
  synthetic: boolean;
  methodId: string | null;
  methodVersion: string | null;
  points: Point[];
  excludedRounds: number;
  excludedReason: { es: string; en: string } | null;
  notice: { es: string };
}

/**
 * The public trend of a guarantor's published rounds (issue #16), on stored results written straight
 * into metric_result: rounds in window order (not publication order), a point of another method
 * version shown but flagged and never joined, a missing round breaking the line, §9's change rule
 * with its reasons in words, and synthetic rounds never mixed with real ones.
 */
describe('public trends', () => {
  let t: TestApp;
  let r1: RoundFixture;
  let rounds: string[];
  let synthetic: string;
  let draft: string;
  let draftInstitution: string;
  let inst: string;
  let slug: string;
  let demoOnly: RoundFixture;
  const get = async (qs: string): Promise<{ status: number; body: Trend & { code?: string; field?: string } }> => {
    const res = await fetch(`${t.url}/api/public/trends?${qs}`);
    return { status: res.status, body: (await res.json()) as Trend & { code?: string; field?: string } };
  };

  async function value(
    roundId: string,
    scope: string,
    key: string,
    v: { estimate: number | null; se: number | null; status: string; reasons: string[]; version?: string },
  ) {
    const lo = v.estimate === null || v.se === null ? null : Math.max(0, v.estimate - 1.96 * v.se);
    const hi = v.estimate === null || v.se === null ? null : Math.min(1, v.estimate + 1.96 * v.se);
    const methodId = v.version === '1.0.0' ? 'mga-2017/apertura-1' : 'mga-2017/apertura-2';
    await t.ds.query(
      `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, n, status, details, method_id, method_version, watermark, computed_at)
       VALUES ($1, $2, $3, 'unweighted', 'I', $4, $5, $6, $7, 12, $8, $9::json, $10, $11, 1, now())`,
      [
        roundId,
        scope,
        key,
        v.estimate,
        v.se,
        lo,
        hi,
        v.status,
        JSON.stringify({ reasons: v.reasons, inputs: { secret: 'not in a trend' } }),
        methodId,
        v.version ?? '2.0.0',
      ],
    );
  }

  beforeAll(async () => {
    t = await startTestApp({ tag: 'trends' });
    r1 = await buildRoundFixture(t.ds, {
      seed: 'trends-1',
      name: 'Ronda 2023',
      institutions: 2,
      status: 'published',
      synthetic: false,
      reportsPerInstitution: [0, 1],
    });
    const more = [];
    for (const [k, name] of ['Ronda 2024', 'Ronda 2025', 'Ronda 2026'].entries()) {
      more.push(
        await buildRoundFixture(t.ds, {
          seed: `trends-${k + 2}`,
          name,
          guarantorId: r1.guarantorId,
          institutions: 1,
          status: 'published',
          synthetic: false,
          reportsPerInstitution: [0, 1],
        }),
      );
    }
    rounds = [r1.roundId, ...more.map((m) => m.roundId)];
    synthetic = (
      await buildRoundFixture(t.ds, {
        seed: 'trends-demo',
        name: 'Demo',
        guarantorId: r1.guarantorId,
        institutions: 1,
        status: 'published',
        synthetic: true,
      })
    ).roundId;
    const closed = await buildRoundFixture(t.ds, {
      seed: 'trends-draft',
      name: 'Borrador',
      guarantorId: r1.guarantorId,
      institutions: 1,
      status: 'closed',
      synthetic: false,
    });
    draft = closed.roundId;
    draftInstitution = closed.institutionIds[0];
    demoOnly = await buildRoundFixture(t.ds, {
      seed: 'trends-demo-only',
      name: 'Solo demo',
      institutions: 1,
      status: 'published',
      synthetic: true,
    });
    // Windows one year apart, oldest first; published in the opposite order (a late publication of an old round).
    for (const [k, id] of rounds.entries()) {
      await t.ds.query(
        `UPDATE round SET opens_at = make_timestamptz(2023 + $2::int, 3, 1, 0, 0, 0, 'UTC'), closes_at = make_timestamptz(2023 + $2::int, 6, 1, 0, 0, 0, 'UTC'),
                          published_at = make_timestamptz(2030 - $2::int, 1, 1, 0, 0, 0, 'UTC') WHERE id = $1`,
        [id, k],
      );
    }
    await t.ds.query(`UPDATE round SET opens_at = '2025-01-01', closes_at = '2025-02-01' WHERE id = $1`, [synthetic]);
    inst = r1.institutionIds[0];
    // The same institution in the demo round too (a contrived case: real and demo data of one unit).
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [synthetic, inst]);
    [{ slug }] = await t.ds.query('SELECT slug FROM guarantor WHERE id = $1', [r1.guarantorId]);
    // The Métrica's message: 0.39 (old method) → 0.52 → 0.48 (not conclusive); not in the 2026 round.
    await value(rounds[0], 'institution', inst, {
      estimate: 0.39,
      se: 0.03,
      status: 'conclusive',
      reasons: [],
      version: '1.0.0',
    });
    await value(rounds[1], 'institution', inst, { estimate: 0.52, se: 0.02, status: 'conclusive', reasons: [] });
    await value(rounds[2], 'institution', inst, {
      estimate: 0.48,
      se: 0.09,
      status: 'inconclusive',
      reasons: ['below_minimum'],
    });
    await value(synthetic, 'institution', inst, { estimate: 0.95, se: 0.01, status: 'conclusive', reasons: [] });
    await value(draft, 'institution', inst, { estimate: 0.11, se: 0.01, status: 'conclusive', reasons: [] });
    await value(rounds[1], 'state', '15', { estimate: 0.5, se: 0.01, status: 'conclusive', reasons: [] });
    await value(rounds[3], 'state', '15', {
      estimate: 0.56,
      se: 0.01,
      status: 'caution',
      reasons: ['insufficient_validation'],
    });
    await value(demoOnly.roundId, 'national', 'national', {
      estimate: 0.3,
      se: null,
      status: 'inconclusive',
      reasons: ['not_estimable'],
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('orders the published real rounds by window and flags the other method version, never joining it', async () => {
    const { status, body } = await get(`guarantor=${slug}&scope=institution&key=${inst}&indicator=I`);
    expect(status).toBe(200);
    expect(body.synthetic).toBe(false);
    expect(body.points.map((p) => p.round.id)).toEqual(rounds);
    expect(body.points.map((p) => p.value?.estimate ?? null)).toEqual([0.39, 0.52, 0.48, null]);
    expect([body.methodId, body.methodVersion]).toEqual(['mga-2017/apertura-2', '2.0.0']);
    const [p1, p2, p3, p4] = body.points;
    expect(p1.currentMethod).toBe(false);
    expect(p1.flags.map((f) => f.code)).toEqual(['METHOD_VERSION_DIFFERS']);
    expect(p1.flags[0].messages.es).toMatch(/mga-2017\/apertura-1 v1\.0\.0/);
    // No line from the old method to the new one; a line between the two rounds of the current method.
    expect([p1.joined, p2.joined, p3.joined, p4.joined]).toEqual([false, false, true, false]);
    expect(p2.change).toMatchObject({
      verdict: 'not_comparable',
      reasons: ['different_method'],
      previousRoundId: rounds[0],
    });
    expect(p2.change?.messages.es).toMatch(/versiones distintas del método/);
    // §9: a value below caution is not compared, said in words with its status label.
    expect(p3.value).toMatchObject({ status: 'inconclusive', reasons: ['below_minimum'], methodVersion: '2.0.0' });
    expect(p3.value?.lo).toBeCloseTo(0.48 - 1.96 * 0.09, 6);
    expect(p3.change).toMatchObject({ verdict: 'not_comparable', reasons: ['status'] });
    expect(p3.change?.messages.es).toMatch(/No concluyente/i);
    expect(p4.value).toBeNull();
    expect(p4.flags.map((f) => f.code)).toEqual(['NOT_IN_ROUND']);
    expect(p4.change).toBeNull();
    // The institution row's inputs are not part of a trend.
    expect(JSON.stringify(body)).not.toContain('not in a trend');
    expect(body.notice.es).toMatch(/voluntaria/);
  });

  it('never mixes synthetic rounds with real ones, and never reads an unpublished round', async () => {
    const real = await get(`guarantor=${slug}&scope=institution&key=${inst}`);
    expect(real.body.points.some((p) => p.round.synthetic || p.round.id === synthetic || p.round.id === draft)).toBe(
      false,
    );
    expect(real.body.excludedRounds).toBe(1);
    expect(real.body.excludedReason?.es).toMatch(/sintéticos/);
    // From the demo round's page: the demo series alone.
    const demo = await get(`round=${synthetic}&scope=institution&key=${inst}`);
    expect(demo.status).toBe(200);
    expect(demo.body.synthetic).toBe(true);
    expect(demo.body.points.map((p) => [p.round.id, p.value?.estimate])).toEqual([[synthetic, 0.95]]);
    expect(demo.body.excludedRounds).toBe(4);
    // A guarantor with demo rounds only shows them, labelled synthetic.
    const [{ slug: demoSlug }] = await t.ds.query('SELECT slug FROM guarantor WHERE id = $1', [demoOnly.guarantorId]);
    const only = await get(`guarantor=${demoSlug}&scope=national`);
    // Its one round covers one state: the whole-round value is named after it, never "national".
    const [{ nom_ent }] = await t.ds.query(
      'SELECT mu.nom_ent FROM institution i JOIN municipality mu ON mu.cvegeo = i.cvegeo WHERE i.id = $1',
      [demoOnly.institutionIds[0]],
    );
    expect(only.body).toMatchObject({ synthetic: true, name: nom_ent, excludedRounds: 0, excludedReason: null });
    expect(only.body.points[0].value).toMatchObject({
      estimate: 0.3,
      se: null,
      status: 'inconclusive',
      reasons: ['not_estimable'],
    });
    // A closed (unpublished) round is not a way in.
    expect((await get(`round=${draft}&scope=national`)).status).toBe(404);
  });

  it('follows a state, and a change between two comparable rounds is judged by §9', async () => {
    const { body } = await get(`guarantor=${slug}&scope=state&key=15`);
    expect(body.name).toBe('México');
    expect(body.points.map((p) => p.value?.estimate ?? null)).toEqual([null, 0.5, null, 0.56]);
    // 0.06 > 1.96·√(0.01² + 0.01²) ≈ 0.028: significant, though the round between has no value (the line breaks there).
    expect(body.points[3].change).toMatchObject({ verdict: 'significant', reasons: [], previousRoundId: rounds[1] });
    expect(body.points[3].joined).toBe(false);
    expect(body.points[3].value?.reasons).toEqual(['insufficient_validation']);
  });

  it('joins whole-round values only across rounds that covered the same states', async () => {
    await value(rounds[1], 'national', 'national', { estimate: 0.5, se: 0.01, status: 'conclusive', reasons: [] });
    await value(rounds[2], 'national', 'national', { estimate: 0.52, se: 0.01, status: 'conclusive', reasons: [] });
    await value(rounds[3], 'national', 'national', { estimate: 0.55, se: 0.01, status: 'conclusive', reasons: [] });
    // Ronda 2025 is moved into the states of Ronda 2026 (the newest), Ronda 2024 into another state.
    const states = async (roundId: string): Promise<string> =>
      (
        await t.ds.query(
          `SELECT string_agg(DISTINCT i.cve_ent::text, ',' ORDER BY i.cve_ent::text) AS s FROM round_institution ri JOIN institution i ON i.id = ri.institution_id WHERE ri.round_id = $1`,
          [roundId],
        )
      )[0].s;
    const newest = await states(rounds[3]);
    const other = newest === '09' ? '15' : '09';
    await t.ds.query(
      `UPDATE institution SET cve_ent = $2, cvegeo = (SELECT cvegeo FROM municipality WHERE cve_ent = $2 ORDER BY cvegeo LIMIT 1) WHERE id IN (SELECT institution_id FROM round_institution WHERE round_id = $1)`,
      [rounds[1], other],
    );
    await t.ds.query(
      `UPDATE institution SET cve_ent = $2::char(2), cvegeo = (SELECT cvegeo FROM municipality WHERE cve_ent = $2::char(2) ORDER BY cvegeo LIMIT 1) WHERE id IN (SELECT institution_id FROM round_institution WHERE round_id = $1)`,
      [rounds[2], newest.split(',')[0]],
    );
    expect(await states(rounds[2])).toBe(newest);
    const { body } = await get(`guarantor=${slug}&scope=national`);
    const byRound = new Map(body.points.map((p) => [p.round.id, p as Point & { sameArea: boolean }]));
    expect(byRound.get(rounds[1])?.sameArea).toBe(false);
    expect(byRound.get(rounds[1])?.flags.map((f) => f.code)).toContain('AREA_DIFFERS');
    expect(byRound.get(rounds[2])?.sameArea).toBe(true);
    expect(byRound.get(rounds[2])?.joined).toBe(false);
    expect(byRound.get(rounds[2])?.change?.reasons).toContain('different_scope');
    expect(byRound.get(rounds[3])?.joined).toBe(true);
    expect(body.name).not.toBe('Nacional');
  });

  it('refuses bad or unknown keys with stable codes', async () => {
    const cases: Array<[string, number, string]> = [
      [`guarantor=${slug}&scope=institution`, 400, 'VALIDATION_FAILED'],
      [`guarantor=${slug}&scope=state&key=150`, 400, 'VALIDATION_FAILED'],
      [`guarantor=${slug}&round=${rounds[0]}&scope=national`, 400, 'VALIDATION_FAILED'],
      [`scope=national`, 400, 'VALIDATION_FAILED'],
      [`guarantor=${slug}&scope=national&indicator=DELTA_G`, 400, 'VALIDATION_FAILED'],
      [`guarantor=nobody-here&scope=national`, 404, 'NOT_FOUND'],
      // An institution of this guarantor that is in no published round (a closed round's universe only).
      [`guarantor=${slug}&scope=institution&key=${draftInstitution}`, 404, 'NOT_FOUND'],
      // Another guarantor's institution.
      [`guarantor=${slug}&scope=institution&key=${demoOnly.institutionIds[0]}`, 404, 'NOT_FOUND'],
    ];
    expect(draftInstitution).not.toBe(inst);
    for (const [qs, status, code] of cases) {
      const r = await get(qs);
      expect([qs, r.status, r.body.code]).toEqual([qs, status, code]);
    }
  });
});
