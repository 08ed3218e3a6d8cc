import {
  compileScoring,
  csvToRows,
  definitionToRows,
  INSTITUTION_V1,
  INSTITUTION_V2,
  rowsToCsv,
  rowsToXlsx,
  xlsxToRows,
} from '@apertura/questionnaire';
import type { SheetRow } from '@apertura/questionnaire';
import { INSTITUTION_V1_ANSWERS } from '../libs/questionnaire/fixtures/sample-answers';
import { client, Client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';

/** Issue #16: the questionnaire as a spreadsheet (export, import as a new version) and copy from a round. */
describe('questionnaire spreadsheets: export, import as a new version, copy from a round', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let other: Staff;
  let analyst: string;
  let answeredId: string;
  let roundId: string;

  const download = async (
    id: string,
    format: string,
    token = staff.adminToken,
  ): Promise<{ status: number; type: string; bytes: Uint8Array; disposition: string }> => {
    const res = await fetch(`${t.url}/api/questionnaires/${id}/sheet?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      disposition: res.headers.get('content-disposition') ?? '',
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ tag: 'designer' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');
    const installed = await http.post('/api/questionnaires/defaults', {}, { token: staff.adminToken });
    expect(installed.status).toBe(200);
    const inst = installed.body.items.find((i: { kind: string }) => i.kind === 'institution');
    const cit = installed.body.items.find((i: { kind: string }) => i.kind === 'citizen');
    answeredId = inst.id;
    // An open round whose institution questionnaire already has an answer.
    const [round] = await t.ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at)
       VALUES ($1, 'Diagnóstico 2026', 'open', now() - interval '1 day', now() + interval '30 days', $2, $3, now()) RETURNING id`,
      [staff.guarantorId, inst.id, cit.id],
    );
    roundId = round.id;
    const [institution] = await t.ds.query(
      `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
       VALUES ($1, 'k1', 'Municipio de prueba', 'ayuntamiento', 'municipal', '15', '15057', 'ut@example.org') RETURNING id`,
      [staff.guarantorId],
    );
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [
      roundId,
      institution.id,
    ]);
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
       VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
      [roundId, institution.id, inst.id, JSON.stringify(INSTITUTION_V1_ANSWERS)],
    );
  });
  afterAll(() => t.close());

  it('exports a version as CSV, XLSX and JSON rows, one row per question; analysts may export', async () => {
    // A new guarantor's defaults install the newest bundled institution instrument as its version 1.
    const expected = definitionToRows(INSTITUTION_V2);
    const csv = await download(answeredId, 'csv', analyst);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toBe('attachment; filename="apertura-institucional-v1.csv"');
    expect(csvToRows(new TextDecoder().decode(csv.bytes)).rows).toEqual(expected);
    const xlsx = await download(answeredId, 'xlsx');
    expect(xlsx.type).toMatch(/spreadsheetml/);
    expect(xlsxToRows(xlsx.bytes).rows).toEqual(expected);
    const json = await download(answeredId, 'json');
    expect(JSON.parse(new TextDecoder().decode(json.bytes))).toHaveLength(expected.length);
    expect((await download(answeredId, 'pdf')).status).toBe(400);
  });

  it('imports an edited spreadsheet as a NEW version; the answered version is unchanged and scores as before', async () => {
    const before = await http.get(`/api/questionnaires/${answeredId}`, { token: staff.adminToken });
    const rows: SheetRow[] = definitionToRows(before.body.definition);
    const seg = rows.find((r) => r.name === 'seg_acuerdos') as SheetRow;
    seg.weight = '3';
    seg.title_en = 'Does it publish the follow-up of its agreements?';
    const xlsx = Buffer.from(rowsToXlsx(rows)).toString('base64');
    const r = await http.post(
      '/api/questionnaires/sheet',
      { kind: 'institution', slug: 'apertura-institucional', format: 'xlsx', content: xlsx },
      { token: staff.adminToken },
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ slug: 'apertura-institucional', version: 2, latest: true });
    expect(r.body.id).not.toBe(answeredId);
    const segNew = r.body.definition.pages
      .flatMap((p: { elements: Array<Record<string, unknown>> }) => p.elements)
      .find((e: Record<string, unknown>) => e.name === 'seg_acuerdos');
    expect(segNew).toMatchObject({ weight: 3, title: { en: 'Does it publish the follow-up of its agreements?' } });

    const after = await http.get(`/api/questionnaires/${answeredId}`, { token: staff.adminToken });
    expect(after.body).toMatchObject({ version: 1, checksum: before.body.checksum, latest: false });
    expect(after.body.definition).toEqual(before.body.definition);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM response WHERE questionnaire_id = $1', [
      answeredId,
    ]);
    expect(n).toBe(1);

    // The same sheet again: nothing new (200 with the latest version).
    const again = await http.post(
      '/api/questionnaires/sheet',
      { kind: 'institution', slug: 'apertura-institucional', format: 'xlsx', content: xlsx },
      { token: staff.adminToken },
    );
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
  });

  it('the default instrument rebuilt from its CSV scores a fixed answer set exactly like the shipped one', async () => {
    const r = await http.post(
      '/api/questionnaires/sheet',
      {
        kind: 'institution',
        slug: 'desde-hoja',
        title: 'Desde hoja',
        format: 'csv',
        content: rowsToCsv(definitionToRows(INSTITUTION_V1)),
      },
      { token: staff.adminToken },
    );
    expect(r.status).toBe(201);
    expect(compileScoring(r.body.definition).score(INSTITUTION_V1_ANSWERS)).toEqual(
      compileScoring(INSTITUTION_V1).score(INSTITUTION_V1_ANSWERS),
    );
  });

  it('refuses a sheet with problems: 422 QUESTIONNAIRE_SHEET_INVALID, each issue on its row with the question and es/en messages; nothing stored', async () => {
    const rows = [
      'type,name,title_es,title_en,choices,component,weight,visibleIf',
      'radiogroup,q1,¿A?,A?,si=Sí|Yes=1;no=No|No,TG.AI,,',
      'boolean,q2,¿B?,B?,,TG.ZZ,,',
      'boolean,q3,¿C?,C?,,TG.AI,dos,',
      'text,q4,¿D?,D?,,,,{nada} = 1',
    ].join('\n');
    const bad = await http.post(
      '/api/questionnaires/sheet',
      { kind: 'institution', slug: 'con-errores', format: 'csv', content: rows },
      { token: staff.adminToken },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('QUESTIONNAIRE_SHEET_INVALID');
    // Sheet problems first (the weight), then nothing else: lint waits for a readable sheet.
    expect(bad.body.details.issues).toEqual([
      expect.objectContaining({ code: 'SHEET_BAD_NUMBER', row: 2, line: 4, column: 'weight', question: 'q3' }),
    ]);
    expect(bad.body.messages.es).toMatch(/^Línea 4 \(q3\): /);

    const lintBad = await http.post(
      '/api/questionnaires/sheet',
      { kind: 'institution', slug: 'con-errores', format: 'csv', content: rows.replace('TG.AI,dos,', 'TG.AI,2,') },
      { token: staff.adminToken },
    );
    expect(lintBad.status).toBe(422);
    const issues = lintBad.body.details.issues.map((i: { line: number; question: string; code: string }) => [
      i.line,
      i.question,
      i.code,
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [2, 'q1', 'Q_MISSING_SCORE'],
        [3, 'q2', 'Q_INVALID_COMPONENT'],
        [5, 'q4', 'Q_UNKNOWN_REFERENCE'],
      ]),
    );
    for (const i of lintBad.body.details.issues)
      expect(i.message).toEqual({ es: expect.any(String), en: expect.any(String) });

    const unreadable = await http.post(
      '/api/questionnaires/sheet',
      {
        kind: 'institution',
        slug: 'con-errores',
        format: 'xlsx',
        content: Buffer.from('no es un zip').toString('base64'),
      },
      { token: staff.adminToken },
    );
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.details.issues[0]).toMatchObject({
      code: 'SHEET_UNREADABLE_FILE',
      message: { en: expect.stringContaining('Not an XLSX') },
    });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM questionnaire WHERE slug = 'con-errores'`);
    expect(n).toBe(0);
  });

  it('copies a round instrument as a new version of another slug', async () => {
    const copy = await http.post(
      '/api/questionnaires/copy',
      { roundId, kind: 'citizen', slug: 'ciudadano-2027', title: 'Ciudadano 2027' },
      { token: staff.adminToken },
    );
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ kind: 'citizen', slug: 'ciudadano-2027', version: 1, title: 'Ciudadano 2027' });
    const again = await http.post(
      '/api/questionnaires/copy',
      { roundId, kind: 'citizen', slug: 'ciudadano-2027' },
      { token: staff.adminToken },
    );
    expect(again.status).toBe(200);
    const mismatch = await http.post(
      '/api/questionnaires/copy',
      { roundId, kind: 'institution', slug: 'ciudadano-2027' },
      { token: staff.adminToken },
    );
    expect(mismatch.body.code).toBe('QUESTIONNAIRE_KIND_MISMATCH');
  });

  it('documents the routes and the per-row issues in OpenAPI', async () => {
    const doc = await http.get('/docs/openapi.json');
    expect(doc.body.paths['/api/questionnaires/sheet'].post).toBeDefined();
    expect(doc.body.paths['/api/questionnaires/copy'].post).toBeDefined();
    expect(doc.body.paths['/api/questionnaires/{id}/sheet'].get).toBeDefined();
    expect(doc.body.components.schemas.SheetIssueDto.properties.line).toBeDefined();
    expect(JSON.stringify(doc.body.paths['/api/questionnaires/sheet'])).toContain('QUESTIONNAIRE_SHEET_INVALID');
  });

  it("is scoped to the guarantor: another guarantor's versions and rounds are 404; analysts cannot import or copy", async () => {
    expect((await download(answeredId, 'csv', other.adminToken)).status).toBe(404);
    const copy = await http.post(
      '/api/questionnaires/copy',
      { roundId, kind: 'institution', slug: 'robada' },
      { token: other.adminToken },
    );
    expect(copy.status).toBe(404);
    expect(copy.body.code).toBe('NOT_FOUND');
    const theirs = await http.post(
      '/api/questionnaires/sheet',
      {
        kind: 'institution',
        slug: 'apertura-institucional',
        format: 'json',
        content: [{ type: 'boolean', name: 'a', component: 'TG.AI' }],
      },
      { token: other.adminToken },
    );
    // Same slug, other guarantor: their own version 1, ours untouched.
    expect(theirs.status).toBe(201);
    expect(theirs.body.version).toBe(1);
    const ours = await http.get('/api/questionnaires?slug=apertura-institucional', { token: staff.adminToken });
    expect(ours.body.items.map((i: { version: number }) => i.version)).toEqual([2, 1]);

    const denied = await http.post(
      '/api/questionnaires/sheet',
      { kind: 'institution', slug: 'x', format: 'json', content: [] },
      { token: analyst },
    );
    expect(denied.status).toBe(403);
    expect(
      (await http.post('/api/questionnaires/copy', { roundId, kind: 'institution', slug: 'x' }, { token: analyst }))
        .status,
    ).toBe(403);
  });
});
