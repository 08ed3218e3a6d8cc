import { INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'crypto';
import { INSTITUTION_V1, INSTITUTION_V2 } from '@apertura/questionnaire';
import { INSTITUTION_V1_ANSWERS } from '../libs/questionnaire/fixtures/sample-answers';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin } from './support/fixtures';
import { seedInstitution, seedInvitation, seedOpenRound, seedQuestionnaire } from './support/seed';
import { client, Client } from './support/http';
import { startSmtp, TestSmtp, mailsTo } from './support/smtp';
import { until } from './support/metric-helpers';

/**
 * Issue #16 item 2 — the respondent side: a draft keeps every valid answer and reports the others by
 * question title; addresses typed without https:// are completed; a submission is confirmed by mail with
 * its folio and a printable copy; the previous round's answers are offered as a starting point.
 */

const PUBLIC_URL = 'http://apertura.test';
type Json = Record<string, unknown>;

/** The default instrument without `comentarios`: a later version in which a question was removed. */
function withoutComments(json: unknown): Json {
  const copy = JSON.parse(JSON.stringify(json)) as { pages: Array<{ elements: Array<{ name?: string }> }> };
  for (const p of copy.pages) p.elements = p.elements.filter((e) => e.name !== 'comentarios');
  return copy as unknown as Json;
}

describe('respond: partial autosave, URL completion, receipt mail, previous round', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let guarantorId: string;
  let institutionId: string;
  const email = `transparencia-${randomBytes(3).toString('hex')}@toluca.example`;
  let previous: { roundId: string; token: string };
  let current: { roundId: string; token: string };

  async function round(
    name: string,
    definition: unknown,
    opensDaysAgo: number,
  ): Promise<{ roundId: string; token: string }> {
    const iq = await seedQuestionnaire(t.ds, guarantorId, {
      kind: 'institution',
      definition,
      title: 'Autodiagnóstico',
    });
    const cq = await seedQuestionnaire(t.ds, guarantorId, {
      kind: 'citizen',
      definition: { pages: [{ name: 'c', elements: [{ type: 'boolean', name: 'ok' }] }] },
      title: 'C',
    });
    const roundId = await seedOpenRound(t.ds, guarantorId, {
      institutionQuestionnaireId: iq,
      citizenQuestionnaireId: cq,
      institutionIds: [institutionId],
      name,
      opensDaysAgo,
    });
    return { roundId, token: await seedInvitation(t.ds, t.env.TOKEN_SECRET, roundId, institutionId) };
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ tag: 'hrespond', env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    guarantorId = (await guarantorWithAdmin(t.ds, http)).guarantorId;
    institutionId = await seedInstitution(t.ds, guarantorId, { key: 'toluca', name: 'Ayuntamiento de Toluca', email });
    previous = await round('Ronda 2024', INSTITUTION_V1, 400);
    current = await round('Ronda 2025', withoutComments(INSTITUTION_V2), 1);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('a draft with a bad address on page 2 and an out-of-range percentage keeps every other answer and names the questions by title', async () => {
    const data = {
      resp_cargo: 'Titular de Transparencia',
      resp_correo: 'transparencia@toluca.gob.mx',
      ai_unidad: true,
      ai_canales: ['pnt', 'correo'],
      ai_procedimiento: true,
      ai_procedimiento_evidencia: 'el portal de transparencia',
      tr_obligaciones_pct: 140,
      tr_portal: false,
    };
    const r = await http.put('/api/respond/draft', { data, currentPage: 1 }, { invitation: current.token });
    expect(r.status).toBe(200);
    const byQuestion = new Map(
      (r.body.issues as Array<{ question: string; title: Json; message: { es: string; en: string } }>).map((i) => [
        i.question,
        i,
      ]),
    );
    expect([...byQuestion.keys()].sort()).toEqual(['ai_procedimiento_evidencia', 'tr_obligaciones_pct']);
    const url = byQuestion.get('ai_procedimiento_evidencia');
    expect(url?.title).toEqual({
      es: 'Enlace (URL) donde cualquier persona puede comprobarlo',
      en: 'Link (URL) where anyone can check it',
    });
    expect(url?.message.es).toMatch(
      /^«Enlace \(URL\) donde cualquier persona puede comprobarlo»: Escriba la dirección web completa/,
    );
    expect(url?.message.es).not.toContain('ai_procedimiento_evidencia');
    const pct = byQuestion.get('tr_obligaciones_pct');
    expect(pct?.message.es).toContain('el máximo es 100%');
    expect(pct?.message.es).not.toMatch(/estimación/);
    expect(pct?.message.en).toMatch(/^«What percentage/);

    const ctx = await http.get('/api/respond/context', { invitation: current.token });
    const { ai_procedimiento_evidencia: _bad, tr_obligaciones_pct: _pct, ...kept } = data;
    expect(ctx.body.response.draft).toEqual(kept);
    expect(ctx.body.response.currentPage).toBe(1);
  });

  it('still refuses a draft whole for structural problems (unknown question, wrong type)', async () => {
    const r = await http.put(
      '/api/respond/draft',
      { data: { resp_cargo: 'X', hacked: true }, currentPage: 0 },
      { invitation: current.token },
    );
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('SUBMISSION_INVALID');
    const ctx = await http.get('/api/respond/context', { invitation: current.token });
    expect(ctx.body.response.draft.resp_cargo).toBe('Titular de Transparencia');
  });

  it('completes www.… addresses with https:// in drafts and at submit', async () => {
    const r = await http.put(
      '/api/respond/draft',
      {
        data: { ai_procedimiento: true, ai_procedimiento_evidencia: 'www.toluca.gob.mx/transparencia' },
        currentPage: 1,
      },
      { invitation: previous.token },
    );
    expect(r.status).toBe(200);
    expect(r.body.issues).toEqual([]);
    expect(r.body.normalized).toEqual({ ai_procedimiento_evidencia: 'https://www.toluca.gob.mx/transparencia' });
    const ctx = await http.get('/api/respond/context', { invitation: previous.token });
    expect(ctx.body.response.draft.ai_procedimiento_evidencia).toBe('https://www.toluca.gob.mx/transparencia');

    const answers = { ...INSTITUTION_V1_ANSWERS, tr_portal_evidencia: ' toluca.gob.mx/transparencia ' };
    const s = await http.post(
      '/api/respond/submit',
      { data: answers, idempotencyKey: randomUUID() },
      { invitation: previous.token },
    );
    expect(s.status).toBe(201);
    const [v] = await t.ds.query('SELECT data FROM response_version WHERE response_id = $1 AND version = 1', [
      s.body.responseId,
    ]);
    expect(v.data.tr_portal_evidencia).toBe('https://toluca.gob.mx/transparencia');

    // Text that is not an address is not "completed": it stays an error.
    const bad = await http.post(
      '/api/respond/submit',
      { data: { ...answers, tr_portal_evidencia: 'portal de transparencia' }, idempotencyKey: randomUUID() },
      { invitation: previous.token },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.details.issues[0]).toMatchObject({
      question: 'tr_portal_evidencia',
      title: { es: expect.any(String) },
    });
  });

  it('mails the institution a confirmation with the folio and a link to the printable copy', async () => {
    const [response] = await t.ds.query('SELECT id FROM response WHERE round_id = $1', [previous.roundId]);
    const folio = `${String(response.id).replace(/-/g, '').slice(0, 8).toUpperCase()}-v1`;
    const [mail] = await mailsTo(smtp).waitForMails(email, 1);
    expect(mail.subject).toContain(`folio ${folio}`);
    expect(mail.subject).toContain('Ronda 2024');
    expect(mail.text).toContain(`Folio: ${folio}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/responder/${previous.token}/copia?version=1`);
    expect(mail.html).toContain(`/responder/${previous.token}/copia?version=1`);

    // The worker marks the ledger after the SMTP server has taken the message: wait for that write.
    const [delivery] = await until(
      async () =>
        t.ds.query(
          `SELECT kind, outcome, recipient, round_id, institution_id, guarantor_id FROM mail_delivery WHERE kind = 'submission-receipt'`,
        ),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'sent',
      'the receipt marked sent in the mail ledger',
      120_000,
    );
    expect(delivery).toEqual({
      kind: 'submission-receipt',
      outcome: 'sent',
      recipient: email,
      round_id: previous.roundId,
      institution_id: institutionId,
      guarantor_id: guarantorId,
    });

    const copy = await http.get('/api/respond/copy', { invitation: previous.token });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({
      folio,
      version: 1,
      roundName: 'Ronda 2024',
      institutionName: 'Ayuntamiento de Toluca',
    });
    expect(copy.body.data.tr_portal_evidencia).toBe('https://toluca.gob.mx/transparencia');
    expect((await http.get('/api/respond/copy?version=1', { invitation: previous.token })).body.folio).toBe(folio);
    expect((await http.get('/api/respond/copy?version=7', { invitation: previous.token })).body.code).toBe('NOT_FOUND');
    expect((await http.get('/api/respond/copy', { invitation: current.token })).body.code).toBe('NOT_FOUND');
  });

  it("offers the previous round's answers, limited to the questions of this round, and saves nothing", async () => {
    const before = await t.ds.query('SELECT draft FROM response WHERE round_id = $1', [current.roundId]);
    const r = await http.get('/api/respond/previous', { invitation: current.token });
    expect(r.status).toBe(200);
    expect(r.body.previous).toMatchObject({ roundId: previous.roundId, roundName: 'Ronda 2024' });
    const expected: Json = { ...INSTITUTION_V1_ANSWERS, tr_portal_evidencia: 'https://toluca.gob.mx/transparencia' };
    delete expected.comentarios; // removed from this round's questionnaire
    expect(r.body.previous.data).toEqual(expected);
    expect(await t.ds.query('SELECT draft FROM response WHERE round_id = $1', [current.roundId])).toEqual(before);
    expect(
      (
        await t.ds.query(
          'SELECT count(*)::int AS n FROM response_version v JOIN response r ON r.id = v.response_id WHERE r.round_id = $1',
          [current.roundId],
        )
      )[0].n,
    ).toBe(0);

    // The earlier round has nothing earlier still.
    expect((await http.get('/api/respond/previous', { invitation: previous.token })).body).toEqual({ previous: null });
  });
});
