import type { INestApplicationContext } from '@nestjs/common';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin, Staff } from '../support/fixtures';
import { client, Client } from '../support/http';
import { seedDefaultQuestionnaires, seedInstitution } from '../support/seed';
import { until } from '../support/metric-helpers';

/**
 * Issue #13 item 7 against the real API, PostgreSQL, Redis and worker: publishing rebuilds the round
 * before anyone outside can read it, and the institutions export lists every institution of the
 * universe (no response → its status) before and after any rebuild.
 */
const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@example.org',
  ai_unidad: true,
  ai_procedimiento: false,
  ai_estadisticas: 'nunca',
  tr_portal: true,
};

interface ExportRow {
  institution_id: string;
  indicator: string;
  status: string;
  estimate: number | null;
}

describe('publishing rebuilds first; exports list the whole universe (issue #13 item 7)', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let worker: INestApplicationContext | undefined;
  let qi: string;
  let qc: string;
  const asAdmin = (): { token: string } => ({ token: staff.adminToken });

  /** A round with `n` institutions, the first of which submitted its self-report. */
  async function round(
    name: string,
    status: 'closed' | 'published',
    n: number,
  ): Promise<{ id: string; institutions: string[] }> {
    const institutions: string[] = [];
    for (let i = 0; i < n; i++) {
      institutions.push(
        await seedInstitution(t.ds, staff.guarantorId, {
          name: `${name} institución ${i}`,
          cvegeo: '15057',
          email: 'ut@example.org',
        }),
      );
    }
    const [r] = await t.ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at, closed_at, published_at)
       VALUES ($1, $2, $3, now() - interval '30 days', now() - interval '1 day', $4, $5, now() - interval '30 days', now() - interval '1 day',
               CASE WHEN $3::varchar = 'published' THEN now() END) RETURNING id`,
      [staff.guarantorId, name, status, qi, qc],
    );
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) SELECT $1, unnest($2::uuid[])', [
      r.id,
      institutions,
    ]);
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at) VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
      [r.id, institutions[0], qi, JSON.stringify(SELF_REPORT)],
    );
    return { id: r.id, institutions };
  }

  async function exported(roundId: string): Promise<ExportRow[]> {
    const res = await http.get<{ rows: ExportRow[] }>(`/api/public/rounds/${roundId}/export/institutions.json`);
    expect(res.status).toBe(200);
    return res.body.rows;
  }

  const institutionsIn = (rows: ExportRow[]): string[] => [...new Set(rows.map((r) => r.institution_id))].sort();

  beforeAll(async () => {
    t = await startTestApp({ tag: 'secc' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    ({ institution: qi, citizen: qc } = await seedDefaultQuestionnaires(t.ds, staff.guarantorId, {
      institution: 'autoevaluacion',
      citizen: 'ciudadano',
    }));
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('publish leaves the round closed and private until its rebuild is done; a second request reuses the run', async () => {
    const r = await round('Publicación', 'closed', 3);
    const first = await http.post<{ status: string; publication: { runId: string; status: string } | null }>(
      `/api/rounds/${r.id}/publish`,
      { acknowledgeInconclusive: true },
      asAdmin(),
    );
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('closed');
    expect(first.body.publication).toMatchObject({ status: 'queued' });
    const runId = first.body.publication?.runId;
    const again = await http.post<{ publication: { runId: string } }>(
      `/api/rounds/${r.id}/publish`,
      { acknowledgeInconclusive: true },
      asAdmin(),
    );
    expect(again.status).toBe(200);
    expect(again.body.publication.runId).toBe(runId);

    // Nothing public yet: not the round, not its results, not its files.
    expect((await http.get(`/api/public/rounds/${r.id}/results/summary`)).status).toBe(404);
    expect((await http.get(`/api/public/rounds/${r.id}/export/institutions.csv`)).status).toBe(404);
    const audit = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'round.publish' AND entity_id = $1`, [
      r.id,
    ]);
    expect(audit).toEqual([
      { details: expect.objectContaining({ from: 'closed', to: 'published', runId, acknowledgedInconclusive: true }) },
    ]);

    worker = await startWorker(t.env);
    const done = await until(
      () =>
        http.get<{ status: string; publishedAt: string | null; publication: { status: string; progress: number } }>(
          `/api/rounds/${r.id}`,
          asAdmin(),
        ),
      (res) => res.body.status === 'published',
      'round published by its rebuild',
      60_000,
    );
    expect(done.body.publication).toMatchObject({ status: 'done', progress: 100 });
    expect(done.body.publishedAt).toBeTruthy();
    // The rebuild wrote every institution: the export has real rows for all three, no placeholder.
    const rows = await exported(r.id);
    expect(institutionsIn(rows)).toEqual([...r.institutions].sort());
    expect(rows.some((x) => x.status === 'no_response' || x.status === 'not_computed')).toBe(false);
    const [{ watermark }] = await t.ds.query(`SELECT watermark FROM recompute_run WHERE id = $1`, [runId]);
    const [{ stale }] = await t.ds.query(
      `SELECT count(*)::int AS stale FROM metric_result WHERE round_id = $1 AND watermark <> $2::bigint`,
      [r.id, watermark],
    );
    expect(stale).toBe(0);

    const late = await http.post(`/api/rounds/${r.id}/publish`, { acknowledgeInconclusive: true }, asAdmin());
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_TRANSITION' });
  }, 90_000);

  it('the institutions export lists every universe institution before and after a rebuild', async () => {
    // A round published before the rule (no rebuild, no result rows at all).
    const r = await round('Anterior', 'published', 3);
    const before = await exported(r.id);
    expect(institutionsIn(before)).toEqual([...r.institutions].sort());
    const status = new Map(before.map((x) => [x.institution_id, x]));
    expect(status.get(r.institutions[0])).toMatchObject({ status: 'not_computed', indicator: 'I', estimate: null });
    expect(status.get(r.institutions[1])).toMatchObject({ status: 'no_response', indicator: 'I', estimate: null });
    expect(status.get(r.institutions[2])).toMatchObject({ status: 'no_response' });

    worker ??= await startWorker(t.env);
    const run = await http.post<{ runId: string }>(`/api/rounds/${r.id}/recompute`, undefined, asAdmin());
    expect(run.status).toBe(202);
    await until(
      () => http.get<{ status: string }>(`/api/rounds/${r.id}/recompute/${run.body.runId}`, asAdmin()),
      (x) => x.body.status === 'done',
      'rebuild',
      60_000,
    );
    const after = await exported(r.id);
    expect(institutionsIn(after)).toEqual([...r.institutions].sort());
    expect(after.some((x) => x.status === 'no_response' || x.status === 'not_computed')).toBe(false);
    // CSV too: one header, then rows of all three institutions.
    const csv = await http.get<string>(`/api/public/rounds/${r.id}/export/institutions.csv`);
    for (const id of r.institutions) expect(csv.body).toContain(id);
  }, 90_000);
});
