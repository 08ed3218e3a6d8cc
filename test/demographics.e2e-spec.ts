import { randomUUID } from 'crypto';
import { startTestApp, TestApp } from './support/app';
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

    it('publishes no breakdown when fewer than k validators answered', async () => {
      await validators(w.round2Id, [{ gender: 'woman' }, { gender: 'woman' }, { gender: 'man' }, null]);
      await t.ds.query(`UPDATE round SET status = 'closed' WHERE id = $1`, [w.round2Id]);
      const res = await w.http.get(`/api/rounds/${w.round2Id}/validators-profile`, { token: w.a.admin });
      expect(res.body).toMatchObject({ validators: 4, respondents: 3, published: false, withheld: 'too_few' });
      for (const q of res.body.questions as Array<{ cells: Array<{ count: number | null; suppressed: boolean }> }>)
        for (const c of q.cells) expect(c).toMatchObject({ count: null, share: null, suppressed: true });
    });
  });
});
