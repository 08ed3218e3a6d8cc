import { Logger } from '@nestjs/common';
import { readFileSync } from 'fs';
import { join } from 'path';
import { client, Client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

/**
 * Issue #15 item 4 against the real API and PostgreSQL: draft rounds are edited and deleted from the
 * console; publishing shows its coverage first and refuses a mostly inconclusive round unless the
 * caller acknowledges it. Also item 7: the OpenAPI document has one schema per DTO name.
 */

interface RoundBody {
  id: string;
  name: string;
  status: string;
  opensAt: string;
  closesAt: string;
  settings: { thresholds: Record<string, number> };
  institutionQuestionnaireId: string;
}
interface Preview {
  roundId: string;
  universe: number;
  submitted: number;
  validated: number;
  neverAnswered: number;
  statuses: { conclusive: number; caution: number; inconclusive: number; not_validated: number };
  values: number;
  reasons: string[];
  needsAcknowledgement: boolean;
  computedAt: string | null;
}
interface Questionnaire {
  id: string;
  kind: string;
}

const GOOD = readFileSync(join(__dirname, 'fixtures', 'universe-good.csv'), 'utf8');
const DAY = 24 * 3600 * 1000;

describe('rounds console: draft edit/delete, publish preview and acknowledgement', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let analyst: string;
  let stranger: Staff;
  let iq: Questionnaire;
  let cq: Questionnaire;
  const warnings: string[] = [];

  const asAdmin = () => ({ token: staff.adminToken });
  const createDraft = async (name: string): Promise<RoundBody> => {
    const r = await http.post<RoundBody>(
      '/api/rounds',
      {
        name,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        institutionQuestionnaireId: iq.id,
        citizenQuestionnaireId: cq.id,
        universeSelection: { cveEnt: ['15'] },
      },
      asAdmin(),
    );
    if (r.status !== 201) throw new Error(`create round: ${JSON.stringify(r.body)}`);
    return r.body;
  };

  /** Sets the institution-level I status of the first institutions of a fixture, in order. */
  async function setStatuses(fx: RoundFixture, statuses: string[]): Promise<void> {
    for (const [i, status] of statuses.entries()) {
      await t.ds.query(
        `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, n, status, method_id, method_version, watermark, computed_at)
         VALUES ($1, 'institution', $2, 'unweighted', 'I', 0.5, 3, $3, 'test', '1', 0, now())
         ON CONFLICT ON CONSTRAINT metric_result_key DO UPDATE SET status = EXCLUDED.status`,
        [fx.roundId, fx.institutionIds[i], status],
      );
    }
  }

  beforeAll(async () => {
    // Swagger reports clashing DTO names through Logger.warn while the document is built (item 7).
    jest.spyOn(Logger, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    t = await startTestApp({ tag: 'roundscons' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    stranger = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');
    expect((await http.post('/api/universe/import', { csv: GOOD }, asAdmin())).status).toBe(200);
    const defaults = await http.post<{ items: Questionnaire[] }>('/api/questionnaires/defaults', undefined, asAdmin());
    [iq, cq] = defaults.body.items;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('the OpenAPI document is built without duplicate DTO names', async () => {
    expect(warnings.filter((w) => /Duplicate DTO/.test(w))).toEqual([]);
    const doc = await http.get<{ components: { schemas: Record<string, unknown> } }>('/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining(['InstitutionPageDto', 'InstitutionSearchPageDto', 'PublishPreviewDto']),
    );
  });

  it('a draft is edited (name, window, settings) and the change is audited', async () => {
    const draft = await createDraft('Borrador por editar');
    const opensAt = new Date(Date.now() + 2 * DAY).toISOString();
    const closesAt = new Date(Date.now() + 40 * DAY).toISOString();
    const patched = await http.patch<RoundBody>(
      `/api/rounds/${draft.id}`,
      { name: 'Borrador editado', opensAt, closesAt, settings: { thresholds: { institutionMinReports: 4 } } },
      asAdmin(),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Borrador editado', opensAt, closesAt, status: 'draft' });
    expect(patched.body.settings.thresholds.institutionMinReports).toBe(4);
    const [audit] = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'round.update' AND entity_id = $1`, [
      draft.id,
    ]);
    expect(audit.details.changed).toEqual(expect.arrayContaining(['name', 'opensAt', 'closesAt', 'settings']));
  });

  it('a draft is deleted (204, audited); an opened round is refused with 409 ROUND_NOT_DRAFT', async () => {
    const draft = await createDraft('Borrador por borrar');
    expect((await http.delete(`/api/rounds/${draft.id}`, { token: analyst })).status).toBe(403);
    const deleted = await http.delete(`/api/rounds/${draft.id}`, asAdmin());
    expect(deleted.status).toBe(204);
    expect((await http.get(`/api/rounds/${draft.id}`, asAdmin())).body.code).toBe('NOT_FOUND');
    expect((await http.delete(`/api/rounds/${draft.id}`, asAdmin())).body.code).toBe('NOT_FOUND');
    const audit = await t.ds.query(
      `SELECT actor_role, details FROM audit_log WHERE action = 'round.delete' AND entity_id = $1`,
      [draft.id],
    );
    expect(audit).toEqual([
      { actor_role: 'guarantor_admin', details: expect.objectContaining({ name: 'Borrador por borrar' }) },
    ]);

    const opened = await createDraft('Ronda abierta');
    expect((await http.post(`/api/rounds/${opened.id}/open`, undefined, asAdmin())).status).toBe(200);
    const refused = await http.delete(`/api/rounds/${opened.id}`, asAdmin());
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ROUND_NOT_DRAFT', details: { status: 'open' } });
    expect(refused.body.messages.es).toMatch(/borrador/);
    expect((await http.get<RoundBody>(`/api/rounds/${opened.id}`, asAdmin())).body.status).toBe('open');
  });

  it('another guarantor can neither edit, delete nor preview a round: 404, nothing changes', async () => {
    const draft = await createDraft('Ronda ajena');
    for (const r of [
      await http.patch(`/api/rounds/${draft.id}`, { name: 'Robada' }, { token: stranger.adminToken }),
      await http.delete(`/api/rounds/${draft.id}`, { token: stranger.adminToken }),
      await http.get(`/api/rounds/${draft.id}/publish-preview`, { token: stranger.adminToken }),
      await http.post(
        `/api/rounds/${draft.id}/publish`,
        { acknowledgeInconclusive: true },
        { token: stranger.adminToken },
      ),
    ]) {
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await http.get<RoundBody>(`/api/rounds/${draft.id}`, asAdmin())).body.name).toBe('Ronda ajena');
  });

  it('publish-preview counts universe, submissions, citizen validation and the statuses of the I values', async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'rounds-console-preview',
      institutions: 10,
      guarantorId: staff.guarantorId,
      status: 'closed',
      selfReportShare: 0.6,
      reportsPerInstitution: [0, 2],
    });
    const submittedIds: string[] = (
      await t.ds.query(
        `SELECT DISTINCT institution_id AS id FROM response WHERE round_id = $1 AND status = 'submitted'`,
        [fx.roundId],
      )
    ).map((r: { id: string }) => r.id);
    const [{ validated }] = await t.ds.query(
      `SELECT count(DISTINCT institution_id)::int AS validated FROM citizen_report WHERE round_id = $1`,
      [fx.roundId],
    );
    // Statuses for three institutions; every other one that submitted has no I (no citizen data): not_validated.
    await setStatuses(fx, ['conclusive', 'caution', 'inconclusive']);
    const withValue = new Set([...fx.institutionIds.slice(0, 3), ...submittedIds]);

    const preview = await http.get<Preview>(`/api/rounds/${fx.roundId}/publish-preview`, { token: analyst });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      roundId: fx.roundId,
      universe: 10,
      submitted: submittedIds.length,
      validated,
      neverAnswered: 10 - submittedIds.length,
      values: withValue.size,
      statuses: { conclusive: 1, caution: 1, inconclusive: 1, not_validated: withValue.size - 3 },
      needsAcknowledgement: true,
    });
    expect(preview.body.reasons).toContain('most_not_conclusive');
    expect(preview.body.computedAt).not.toBeNull();
    expect(submittedIds.length).toBeGreaterThan(0);
  });

  it('publishing a mostly inconclusive round needs acknowledgeInconclusive: 409 without it, 200 with it (audited)', async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'rounds-console-ack',
      institutions: 6,
      guarantorId: staff.guarantorId,
      status: 'closed',
      selfReportShare: 1,
    });
    await setStatuses(fx, ['conclusive', 'inconclusive', 'inconclusive', 'not_validated', 'caution', 'inconclusive']);
    for (const body of [undefined, {}, { acknowledgeInconclusive: false }]) {
      const refused = await http.post(`/api/rounds/${fx.roundId}/publish`, body, asAdmin());
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'PUBLISH_ACKNOWLEDGEMENT_REQUIRED',
        field: 'acknowledgeInconclusive',
        details: {
          universe: 6,
          statuses: { conclusive: 1, caution: 1, inconclusive: 3, not_validated: 1 },
          reasons: ['most_not_conclusive'],
        },
      });
      expect(refused.body.messages.es).toMatch(/no son concluyentes/);
      expect(refused.body.messages.en).toMatch(/not conclusive/);
    }
    expect(await t.ds.query('SELECT id FROM recompute_run WHERE round_id = $1', [fx.roundId])).toEqual([]);
    const bad = await http.post(`/api/rounds/${fx.roundId}/publish`, { acknowledgeInconclusive: 'sí' }, asAdmin());
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'acknowledgeInconclusive' });

    const ok = await http.post<{ status: string; publication: { runId: string } }>(
      `/api/rounds/${fx.roundId}/publish`,
      { acknowledgeInconclusive: true },
      asAdmin(),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.publication.runId).toEqual(expect.any(String));
    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'round.publish' AND entity_id = $1`,
      [fx.roundId],
    );
    expect(audit.details).toMatchObject({
      acknowledgedInconclusive: true,
      coverage: { universe: 6, submitted: 6, conclusive: 1, inconclusive: 3 },
    });
  });

  it('a mostly conclusive round with most institutions answering publishes without the acknowledgement', async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'rounds-console-clear',
      institutions: 4,
      guarantorId: staff.guarantorId,
      status: 'closed',
      selfReportShare: 1,
    });
    await setStatuses(fx, ['conclusive', 'conclusive', 'conclusive', 'caution']);
    const preview = await http.get<Preview>(`/api/rounds/${fx.roundId}/publish-preview`, asAdmin());
    expect(preview.body).toMatchObject({
      needsAcknowledgement: false,
      reasons: [],
      statuses: { conclusive: 3, caution: 1 },
    });
    const ok = await http.post(`/api/rounds/${fx.roundId}/publish`, undefined, asAdmin());
    expect(ok.status).toBe(200);
    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'round.publish' AND entity_id = $1`,
      [fx.roundId],
    );
    expect(audit.details.acknowledgedInconclusive).toBe(false);
  });
});
