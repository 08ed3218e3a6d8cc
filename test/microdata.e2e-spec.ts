import { readXlsx, sheetRecords } from './support/xlsx-read';
import { startTestApp, TestApp } from './support/app';
import { buildWorld, SAMPLE_ANSWERS, World } from './security/support/world';

/**
 * Staff responses detail and microdata (issue #15, item 3) against real PostgreSQL: titles, version
 * diffs, verdicts per claim, and downloads with no personal data of citizens, per-round pseudonyms,
 * tenant isolation, a workbook that reads back, and an audit record per download.
 */
describe('responses detail and microdata', () => {
  let t: TestApp;
  let w: World;

  const fetchText = async (
    path: string,
    token: string,
  ): Promise<{ status: number; body: string; headers: Headers }> => {
    const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };
  const fetchBytes = async (
    path: string,
    token: string,
  ): Promise<{ status: number; body: Uint8Array; headers: Headers }> => {
    const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
  };
  const csv = (text: string): string[][] =>
    text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));

  beforeAll(async () => {
    t = await startTestApp({ tag: 'microdata' });
    w = await buildWorld(t);
    // A second version of X changes two answers.
    const second = await w.http.post(
      '/api/respond/submit',
      { data: { ...SAMPLE_ANSWERS, tr_obligaciones_pct: 60, da_conjuntos: 7 }, idempotencyKey: 'microdata-v2' },
      { invitation: w.tokenX },
    );
    if (second.status !== 201) throw new Error(`second submit failed: ${JSON.stringify(second.body)}`);
    // Verdicts and citizen reports of both validators in both rounds (SQL: the citizen flow has its own suites).
    for (const round of [w.roundId, w.round2Id]) {
      for (const [v, verdict] of [
        [w.v1, 'confirmed'],
        [w.v2, 'refuted'],
      ] as const) {
        await t.ds.query(
          `INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict, evidence_url, comment) VALUES ($1, $2, $3, 'ai_procedimiento', $4, 'https://municipio.gob.mx/x', '=HYPERLINK("x")')`,
          [round, w.instX, v.id, verdict],
        );
        await t.ds.query(
          `INSERT INTO citizen_report (round_id, institution_id, validator_id, questionnaire_id, data) VALUES ($1, $2, $3, $4, '{"cr_respuesta": true}'::jsonb)`,
          [round, w.instX, v.id, w.cq],
        );
      }
    }
  });
  afterAll(() => t?.close());

  it('the detail labels answers with the titles of the version answered, diffs every version and lists verdicts per claim under pseudonyms', async () => {
    const r = await w.http.get(`/api/rounds/${w.roundId}/responses/${w.instX}`, { token: w.a.analyst });
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.questionnaireVersion).toBe(1);
    const stats = d.answers.find((a: { name: string }) => a.name === 'ai_estadisticas');
    expect(stats.value).toBe('anual');
    expect(stats.title.es).not.toBe('ai_estadisticas');
    expect(stats.label).not.toBeNull();
    expect(d.versions).toHaveLength(2);
    expect(d.versions[0].changes.every((c: { change: string }) => c.change === 'added')).toBe(true);
    expect(d.versions[1].changes.map((c: { name: string; change: string }) => [c.name, c.change])).toEqual(
      expect.arrayContaining([
        ['tr_obligaciones_pct', 'changed'],
        ['da_conjuntos', 'changed'],
      ]),
    );
    expect(d.versions[1].changes).toHaveLength(2);
    expect(d.versions[1].href).toBe(`/api/rounds/${w.roundId}/responses/${w.instX}/versions/2`);
    const claim = d.claims.find((c: { questionName: string }) => c.questionName === 'ai_procedimiento');
    expect(claim.claimed).toBe(true);
    expect(claim.verdicts).toHaveLength(2);
    for (const v of claim.verdicts) expect(v.validator).toMatch(/^V-[0-9a-f]{10}$/);
    const text = JSON.stringify(d);
    for (const v of [w.v1, w.v2])
      for (const secret of [v.email, v.displayName, v.id]) expect(text).not.toContain(secret);
  });

  it('microdata: no e-mail, name, account id or public pseudonym of any citizen; pseudonyms stable within a round and different across rounds', async () => {
    const profile: string[] = (await t.ds.query('SELECT pseudonym FROM validator_profile')).map(
      (r: { pseudonym: string }) => r.pseudonym,
    );
    const secrets = [w.v1, w.v2].flatMap((v) => [v.email, v.displayName, v.id]).concat(profile);
    const pseudonymsOf = async (roundId: string): Promise<Map<string, string>> => {
      const verdicts = csv((await fetchText(`/api/rounds/${roundId}/microdata/verdicts.csv`, w.a.analyst)).body);
      const at = (name: string) => verdicts[0].indexOf(name);
      return new Map(verdicts.slice(1).map((row) => [row[at('verdict')], row[at('validator')]]));
    };
    for (const file of ['answers.csv', 'verdicts.csv', 'citizen_reports.csv', 'codebook.csv', 'microdata.xlsx']) {
      for (const round of [w.roundId, w.round2Id]) {
        const res = await fetchBytes(`/api/rounds/${round}/microdata/${file}`, w.a.admin);
        expect({ file, status: res.status }).toEqual({ file, status: 200 });
        const text = file.endsWith('.xlsx')
          ? [...readXlsx(res.body).sheets.values()]
              .flat(2)
              .map((c) => String(c?.value ?? ''))
              .join('\n')
          : Buffer.from(res.body).toString('utf8');
        for (const s of secrets)
          if (text.includes(s)) throw new Error(`${file} of ${round} contains citizen data: ${s}`);
      }
    }
    const a = await pseudonymsOf(w.roundId);
    const b = await pseudonymsOf(w.round2Id);
    expect(new Set(a.values()).size).toBe(2);
    expect(a).toEqual(await pseudonymsOf(w.roundId));
    for (const p of a.values()) expect([...b.values()]).not.toContain(p);
    // The same pseudonym in the verdicts, the citizen reports and the detail page of the round.
    const reports = csv((await fetchText(`/api/rounds/${w.roundId}/microdata/citizen_reports.csv`, w.a.analyst)).body);
    expect(new Set(reports.slice(1).map((r) => r[reports[0].indexOf('validator')]))).toEqual(new Set(a.values()));
    const detail = (await w.http.get(`/api/rounds/${w.roundId}/responses/${w.instX}`, { token: w.a.analyst })).body;
    const claim = detail.claims.find((c: { questionName: string }) => c.questionName === 'ai_procedimiento');
    expect(new Set(claim.verdicts.map((v: { validator: string }) => v.validator))).toEqual(new Set(a.values()));
  });

  it('CSV: one column per item plus institution keys, formula-looking text neutralised, optional BOM; codebook from the questionnaire', async () => {
    const res = await fetchBytes(`/api/rounds/${w.roundId}/microdata/answers.csv?bom=1`, w.a.analyst);
    expect(res.headers.get('content-type')).toContain('text/csv');
    // fetch's text() would swallow the BOM: check the bytes.
    expect([...res.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv(Buffer.from(res.body).toString('utf8'));
    expect(rows[0].slice(0, 4)).toEqual(['round_id', 'institution_id', 'institution_key', 'institution_name']);
    expect(rows[0]).toEqual(expect.arrayContaining(['ai_estadisticas', 'tr_obligaciones_pct', 'response_version']));
    expect(rows[1][rows[0].indexOf('tr_obligaciones_pct')]).toBe('60');
    expect(rows).toHaveLength(2);
    const verdicts = (await fetchText(`/api/rounds/${w.roundId}/microdata/verdicts.csv`, w.a.analyst)).body;
    expect(verdicts).toContain(`"'=HYPERLINK(""x"")"`);
    const codebook = (await fetchText(`/api/rounds/${w.roundId}/microdata/codebook.csv`, w.a.analyst)).body;
    expect(codebook.split('\r\n')[0]).toBe(
      'dataset,variable,row_kind,title_es,title_en,type,multiple,component,weight,verifiable,scoring,versions,changed_across_versions,choice_value,choice_label_es,choice_label_en,choice_score,not_applicable',
    );
    expect(codebook).toMatch(/answers,ai_estadisticas,variable,/);
    expect(codebook).toMatch(/answers,ai_estadisticas,choice,/);
  });

  it('XLSX: a sheet per dataset and the codebook, numbers as numbers, formula-looking text as plain strings', async () => {
    const res = await fetchBytes(`/api/rounds/${w.roundId}/microdata/microdata.xlsx`, w.a.analyst);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = readXlsx(res.body);
    expect([...wb.sheets.keys()]).toEqual(['answers', 'verdicts', 'citizen_reports', 'codebook']);
    const [answers] = sheetRecords(wb, 'answers');
    expect(answers).toMatchObject({
      institution_name: 'Ayuntamiento de Toluca',
      response_version: 2,
      ai_estadisticas: 'anual',
      da_conjuntos: 7,
      ai_unidad: true,
    });
    const verdicts = sheetRecords(wb, 'verdicts');
    expect(verdicts).toHaveLength(2);
    expect(verdicts[0].comment).toBe('=HYPERLINK("x")');
    expect(sheetRecords(wb, 'citizen_reports')).toHaveLength(2);
    expect(sheetRecords(wb, 'codebook').some((r) => r.dataset === 'citizen_reports' && r.row_kind === 'variable')).toBe(
      true,
    );
  });

  it("another guarantor's staff get 404; every download is audit-logged with who and what", async () => {
    for (const path of [
      `/api/rounds/${w.roundId}/microdata/answers.csv`,
      `/api/rounds/${w.roundId}/microdata/microdata.xlsx`,
      `/api/rounds/${w.roundId}/responses/${w.instX}`,
    ]) {
      const r = await w.http.get(path, { token: w.b.analyst });
      expect({ path, status: r.status, code: r.body?.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    expect((await w.http.get(`/api/rounds/${w.roundId}/microdata/passwords.csv`, { token: w.a.analyst })).status).toBe(
      404,
    );
    const before: Array<{ n: number }> = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'microdata.download'`,
    );
    await fetchText(`/api/rounds/${w.roundId}/microdata/codebook.csv`, w.a.analyst);
    const rows: Array<{
      actor_role: string;
      actor_user_id: string | null;
      details: { file: string };
      entity_id: string;
    }> = await t.ds.query(
      `SELECT actor_role, actor_user_id, details, entity_id FROM audit_log WHERE action = 'microdata.download' ORDER BY id DESC LIMIT 1`,
    );
    const after: Array<{ n: number }> = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'microdata.download'`,
    );
    expect(after[0].n).toBe(before[0].n + 1);
    expect(rows[0]).toMatchObject({ actor_role: 'analyst', entity_id: w.roundId, details: { file: 'codebook.csv' } });
    expect(rows[0].actor_user_id).not.toBeNull();
    const wrong: Array<{ n: number }> = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'microdata.download' AND guarantor_id = $1`,
      [w.b.guarantorId],
    );
    expect(wrong[0].n).toBe(0);
  });
});
