import { startTestApp, TestApp } from './support/app';
import {
  componentResults,
  commitmentsFixture,
  CommitmentsFixture,
  verifiedValidator,
} from './support/commitments-fixture';
import { guarantorWithAdmin, staffToken } from './support/fixtures';
import { client, Client } from './support/http';

interface Milestone {
  id: string;
  claimName: string;
  title: string;
  declaredDone: boolean;
  verification: { confirmed: number; refuted: number; pending: number; state: string };
}
interface Commitment {
  id: string;
  key: string;
  title: string;
  components: string[];
  milestones: Milestone[];
  progress: {
    declared: number | null;
    estimate: number | null;
    lo: number | null;
    hi: number | null;
    status: string;
    reasons: string[];
  };
}

const COMMITMENT = {
  title: 'Publicar datos abiertos de obra pública',
  owner: 'Dirección de Obras Públicas',
  outcomeIndicator: 'Conjuntos de datos de obra pública con licencia abierta, actualizados cada trimestre',
  components: ['TG.DA', 'PG.Seg'],
  milestones: [
    { title: 'Inventario de datos de obra', dueDate: '2026-01-31', declaredDone: true },
    { title: 'Portal con licencia abierta', dueDate: '2099-06-30' },
  ],
};

/**
 * Issue #18 item 1 against the real API and PostgreSQL: commitments recorded by the institution
 * (invitation) and by the operator (CSV, all-or-nothing with bilingual row errors), least-privilege
 * access, audit, milestones verified through the ordinary verdict engine in the next round, verified
 * vs declared progress, and the addressed components' movement in the next published round.
 */
describe('commitments (issue #18 item 1)', () => {
  let t: TestApp;
  let http: Client;
  let f: CommitmentsFixture;
  let commitment: Commitment;

  beforeAll(async () => {
    t = await startTestApp({ tag: 'commit' });
    http = client(t.url);
    f = await commitmentsFixture(t, http);
  });
  afterAll(async () => {
    await t?.close();
  });

  const inst1 = (): { headers: Record<string, string> } => ({ headers: { 'x-invitation-token': f.invitation1 } });

  it('the institution records a commitment with its invitation link; unknown components are refused', async () => {
    const bad = await http.post('/api/respond/commitments', { ...COMMITMENT, components: ['TG.XX'] }, inst1());
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('COMMITMENT_COMPONENT_UNKNOWN');
    expect(bad.body.messages.es).toContain('TG.XX');

    const res = await http.post('/api/respond/commitments', COMMITMENT, inst1());
    expect(res.status).toBe(201);
    commitment = res.body;
    expect(commitment.key).toBe('publicar-datos-abiertos-de-obra-publica');
    expect(commitment.milestones.map((m) => m.claimName)).toEqual(
      commitment.milestones.map((m) => `milestone:${m.id}`),
    );
    expect(commitment.progress).toMatchObject({ declared: 0.5, estimate: null, status: 'not_validated' });
    const [audit] = await t.ds.query(
      `SELECT actor_role, details FROM audit_log WHERE action = 'commitment.create' AND entity_id = $1`,
      [commitment.id],
    );
    expect(audit.actor_role).toBe('institution');
    expect(audit.details.roundId).toBe(f.round1);
  });

  it('least privilege: analysts read but do not write; other operators and unpublished rounds are refused', async () => {
    const analyst = await staffToken(http, f.staff.adminToken, 'analyst');
    expect((await http.get(`/api/rounds/${f.round1}/commitments`, { token: analyst })).status).toBe(200);
    const denied = await http.post(
      `/api/rounds/${f.round1}/commitments`,
      { ...COMMITMENT, institutionId: f.institutionId },
      { token: analyst },
    );
    expect(denied.status).toBe(403);
    const other = await guarantorWithAdmin(t.ds, http);
    expect((await http.get(`/api/rounds/${f.round1}/commitments`, { token: other.adminToken })).status).toBe(404);
    const open = await http.post(
      `/api/rounds/${f.round2}/commitments`,
      { ...COMMITMENT, institutionId: f.institutionId },
      { token: f.staff.adminToken },
    );
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('ROUND_NOT_PUBLISHED');
    // Not public before publication either.
    expect((await http.get(`/api/public/rounds/${f.round2}/commitments`)).status).toBe(404);
  });

  it('CSV import is all or nothing, with every row problem in both languages', async () => {
    const header =
      'institution_key;commitment_key;title;owner;outcome_indicator;components;milestone_title;milestone_due;milestone_done';
    const bad = [
      header,
      'naucalpan;participacion;Mesas de seguimiento;Secretaría del Ayuntamiento;Minutas públicas de cada mesa;PG.Seg;Primera mesa;2026-13-01;no',
      'nadie;participacion;Mesas de seguimiento;Secretaría del Ayuntamiento;Minutas públicas de cada mesa;PG.Zz;Segunda mesa;2026-05-01;quizá',
    ].join('\n');
    const r = await http.post(
      `/api/rounds/${f.round1}/commitments/import`,
      { csv: bad },
      { token: f.staff.adminToken },
    );
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('COMMITMENTS_CSV_INVALID');
    const errors = r.body.details.errors as Array<{
      line: number;
      column: string;
      code: string;
      message: { es: string; en: string };
    }>;
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'milestone_due', 'INVALID_DATE'],
      [3, 'institution_key', 'UNKNOWN_INSTITUTION'],
      [3, 'components', 'UNKNOWN_COMPONENT'],
      [3, 'milestone_done', 'INVALID_FLAG'],
    ]);
    expect(errors[0].message.es).toContain('AAAA-MM-DD');
    expect(errors[0].message.en).toContain('YYYY-MM-DD');
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM commitment WHERE key = 'participacion'`))[0].n).toBe(0);

    const good = [
      header,
      'naucalpan;participacion;Mesas de seguimiento;Secretaría del Ayuntamiento;Minutas públicas de cada mesa;PG.Seg | PG.Fun;Primera mesa;2026-03-01;sí',
      'naucalpan;participacion;Mesas de seguimiento;Secretaría del Ayuntamiento;Minutas públicas de cada mesa;PG.Seg | PG.Fun;Segunda mesa;2026-09-01;no',
    ].join('\n');
    const ok = await http.post(
      `/api/rounds/${f.round1}/commitments/import`,
      { csv: good },
      { token: f.staff.adminToken },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ created: 1, updated: 0, milestones: 2 });
    // The same key again updates (here: the second milestone declared met).
    const again = await http.post(
      `/api/rounds/${f.round1}/commitments/import`,
      { csv: good.replace(/2026-09-01;no$/, '2026-09-01;si') },
      { token: f.staff.adminToken },
    );
    expect(again.body).toEqual({ created: 0, updated: 1, milestones: 2 });
    const list = await http.get(`/api/rounds/${f.round1}/commitments`, { token: f.staff.adminToken });
    const mesas = (list.body.items as Commitment[]).find((c) => c.key === 'participacion') as Commitment;
    expect(mesas.components).toEqual(['PG.Seg', 'PG.Fun']);
    expect(mesas.progress.declared).toBe(1);
    const audits = await t.ds.query(
      `SELECT action FROM audit_log WHERE action LIKE 'commitment.%' AND actor_role = 'guarantor_admin' ORDER BY id`,
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual([
      'commitment.create',
      'commitment.import',
      'commitment.update',
      'commitment.import',
    ]);
  });

  it('citizens verify milestones with the ordinary verdict engine on the next round; public progress is the verified one', async () => {
    const v = await verifiedValidator(t, http);
    const assignment = (await http.post(`/api/citizens/rounds/${f.round2}/assignments`, {}, { token: v.token })).body
      .items[0].id;
    const todo = await http.get(`/api/citizens/assignments/${assignment}/milestones`, { token: v.token });
    expect(todo.status).toBe(200);
    // Due or declared met: the inventory (declared) and the two meetings; the 2099 portal is not due.
    const titles = (todo.body.items as Array<{ title: string }>).map((x) => x.title);
    expect(titles).toEqual(expect.arrayContaining(['Inventario de datos de obra', 'Primera mesa', 'Segunda mesa']));
    expect(titles).not.toContain('Portal con licencia abierta');
    const inventory = commitment.milestones[0];
    const portal = commitment.milestones[1];

    // A milestone not open to verification is refused like any unknown claim, and nothing is saved.
    const refused = await http.put(
      `/api/citizens/assignments/${assignment}/verdicts`,
      { verdicts: [{ questionName: portal.claimName, verdict: 'confirmed', evidenceUrl: 'https://x.example/a' }] },
      { token: v.token },
    );
    expect(refused.status).toBe(400);
    // The batch endpoint takes claims and milestones together.
    const saved = await http.put(
      `/api/citizens/assignments/${assignment}/verdicts`,
      {
        verdicts: [
          { questionName: 'tr_portal', verdict: 'confirmed', evidenceUrl: 'https://naucalpan.example/portal' },
          {
            questionName: inventory.claimName,
            verdict: 'confirmed',
            evidenceUrl: 'https://naucalpan.example/datos/inventario.csv',
            comment: 'El inventario está publicado.',
          },
        ],
      },
      { token: v.token },
    );
    expect(saved.status).toBe(200);
    const [row] = await t.ds.query('SELECT milestone_id, round_id FROM verdict WHERE question_name = $1', [
      inventory.claimName,
    ]);
    expect(row).toEqual({ milestone_id: inventory.id, round_id: f.round2 });
    const mine = await http.get(`/api/citizens/assignments/${assignment}/milestones`, { token: v.token });
    expect(mine.body.items.find((x: { milestoneId: string }) => x.milestoneId === inventory.id).myVerdict).toBe(
      'confirmed',
    );

    // A second validator refutes it: pending (not counted) until its reply window passes.
    const w = await verifiedValidator(t, http, 'Walter');
    const a2 = (await http.post(`/api/citizens/rounds/${f.round2}/assignments`, {}, { token: w.token })).body.items[0]
      .id;
    const single = await http.put(
      `/api/citizens/assignments/${a2}/verdicts/${encodeURIComponent(inventory.claimName)}`,
      { verdict: 'refuted', evidenceUrl: 'https://archivo.example/vacio', comment: 'El enlace no abre.' },
      { token: w.token },
    );
    expect(single.status).toBe(200);

    let pub = await http.get(`/api/public/rounds/${f.round1}/commitments?institutionId=${f.institutionId}`);
    expect(pub.status).toBe(200);
    let c = (pub.body.items as Commitment[]).find((x) => x.id === commitment.id) as Commitment;
    expect(c.milestones[0].verification).toEqual({ confirmed: 1, refuted: 0, pending: 1, state: 'confirmed' });
    expect(c.progress.declared).toBe(0.5);
    expect(c.progress.estimate).toBe(0.5);
    expect(c.progress.lo).toBeLessThan(0.5);
    expect(c.progress.status).toBe('inconclusive');
    expect(c.progress.reasons).toEqual(expect.arrayContaining(['below_minimum', 'pending_refutations']));

    // Right of reply, unchanged: once notified, the institution sees the refuted milestone by its title
    // on its next-round link and may dispute it like any claim.
    await t.ds.query(
      `UPDATE verdict SET notice_queued_at = now(), notified_at = now() WHERE question_name = $1 AND verdict = 'refuted'`,
      [inventory.claimName],
    );
    const inst2 = { headers: { 'x-invitation-token': f.invitation2 } };
    const reply = await http.get('/api/respond/refutations', inst2);
    const refutation = (
      reply.body.items as Array<{
        questionName: string;
        milestoneTitle: string | null;
        canDispute: boolean;
        standing: string;
      }>
    ).find((x) => x.questionName === inventory.claimName);
    expect(refutation).toMatchObject({
      milestoneTitle: 'Inventario de datos de obra',
      canDispute: true,
      standing: 'pending',
    });

    // Once the reply window has passed without a dispute, the refutation counts (same standing rule as claims).
    await t.ds.query(
      `UPDATE verdict SET notice_queued_at = now() - interval '20 days', notified_at = now() - interval '20 days'
       WHERE question_name = $1 AND verdict = 'refuted'`,
      [inventory.claimName],
    );
    pub = await http.get(`/api/public/rounds/${f.round1}/commitments?institutionId=${f.institutionId}`);
    c = (pub.body.items as Commitment[]).find((x) => x.id === commitment.id) as Commitment;
    expect(c.milestones[0].verification).toEqual({ confirmed: 1, refuted: 1, pending: 0, state: 'mixed' });
    expect(c.progress.estimate).toBe(0.25);

    // The institution cannot drop a milestone citizens verified.
    const drop = await http.put(
      `/api/respond/commitments/${commitment.id}`,
      { ...COMMITMENT, milestones: [] },
      inst1(),
    );
    expect(drop.status).toBe(400); // at least one milestone
    const reorder = await http.put(
      `/api/respond/commitments/${commitment.id}`,
      { ...COMMITMENT, milestones: [COMMITMENT.milestones[0]] },
      inst1(),
    );
    expect(reorder.status).toBe(200); // removing the unverified second one is fine
    const dropVerified = await http.post(
      `/api/respond/commitments/import`,
      {
        csv: `commitment_key,title,owner,outcome_indicator,components,milestone_title,milestone_due\nnuevo,Otro compromiso,UT,Un indicador,TG.AI,Un hito,2026-01-01`,
      },
      inst1(),
    );
    expect(dropVerified.status).toBe(200);
    // Another institution's link cannot touch it.
    const other = await http.put(`/api/respond/commitments/${commitment.id}`, COMMITMENT, {
      headers: { 'x-invitation-token': f.invitation2 },
    });
    expect(other.status).toBe(404);
  });

  it('the next published round shows whether the addressed components moved beyond their uncertainty', async () => {
    await componentResults(t, f.round1, f.institutionId, {
      'TG.DA': { estimate: 0.2, se: 0.02 },
      'PG.Seg': { estimate: 0.4, se: 0.05 },
      'PG.Fun': { estimate: 0.5, se: 0.05 },
    });
    let pub = await http.get(`/api/public/rounds/${f.round1}/commitments`);
    expect(pub.body.nextRound).toBeNull();
    expect(pub.body.movements[0].components.every((x: { verdict: string }) => x.verdict === 'not_comparable')).toBe(
      true,
    );

    await t.ds.query(`UPDATE round SET status = 'published', published_at = now() WHERE id = $1`, [f.round2]);
    await componentResults(t, f.round2, f.institutionId, {
      'TG.DA': { estimate: 0.6, se: 0.02 },
      'PG.Seg': { estimate: 0.45, se: 0.05 },
      'PG.Fun': { estimate: 0.3, se: 0.2, status: 'inconclusive' },
    });
    pub = await http.get(`/api/public/rounds/${f.round1}/commitments`);
    expect(pub.body.nextRound).toEqual({ id: f.round2, name: 'Diagnóstico 2027' });
    const moves = Object.fromEntries(
      (
        pub.body.movements[0].components as Array<{
          component: string;
          verdict: string;
          before: number;
          after: number;
          label: { es: string };
        }>
      ).map((x) => [x.component, x]),
    );
    expect(moves['TG.DA']).toMatchObject({ verdict: 'improved', before: 0.2, after: 0.6 });
    expect(moves['PG.Seg'].verdict).toBe('within_uncertainty');
    expect(moves['PG.Fun']).toMatchObject({ verdict: 'not_comparable', reasons: ['status'] });
    expect(moves['TG.DA'].label.es).toBe('Datos abiertos');
  });
});
