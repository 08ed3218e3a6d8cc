import { readFileSync } from 'fs';
import type { INestApplicationContext } from '@nestjs/common';
import { startWorker } from '../apps/worker/src/main';
import { join } from 'path';
import { loadMunicipalities, CATALOGUE_SOURCE } from '@apertura/geo';
import { client, Client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';
import { until } from './support/metric-helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const GOOD = fixture('universe-good.csv');
const BAD = fixture('universe-bad.csv');

describe('universe of obliged subjects: CSV import, listing, catalogue', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let worker: INestApplicationContext;

  const importCsv = (csv: string, token: string, query = '') =>
    http.post(`/api/universe/import${query}`, undefined, {
      token,
      raw: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const countInstitutions = async (guarantorId: string): Promise<number> =>
    (await t.ds.query('SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1', [guarantorId]))[0].n;
  const snapshot = async (guarantorId: string): Promise<string> =>
    JSON.stringify(
      await t.ds.query(
        'SELECT key, name, type, level, cve_ent, cvegeo, email, updated_at FROM institution WHERE guarantor_id = $1 ORDER BY key',
        [guarantorId],
      ),
    );

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    // Files above 256 KB are imported by the worker (test/universe-import-jobs.e2e-spec.ts).
    worker = await startWorker(t.env);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('refuses a file with bad rows with line-numbered errors and imports nothing (empty universe)', async () => {
    const r = await importCsv(BAD, staff.adminToken);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('UNIVERSE_INVALID');
    expect(r.body.messages.es).toMatch(/no se importó nada/);
    expect(r.body.details.rowsRead).toBe(7);
    expect(r.body.details.errorCount).toBe(5);
    expect(
      r.body.details.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code]),
    ).toEqual([
      [3, 'cvegeo', 'UNKNOWN_CVEGEO'],
      [4, 'cvegeo', 'CVEGEO_NOT_IN_STATE'],
      [5, 'level', 'INVALID_LEVEL'],
      [6, 'email', 'INVALID_EMAIL'],
      [7, 'name', 'REQUIRED'],
    ]);
    for (const e of r.body.details.errors) {
      expect(e.message.es).toBeTruthy();
      expect(e.message.en).toBeTruthy();
    }
    expect(r.body.field).toBe('cvegeo');
    expect(await countInstitutions(staff.guarantorId)).toBe(0);
  });

  it('imports a good file in one go, with an audit record', async () => {
    const r = await importCsv(GOOD, staff.adminToken);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ dryRun: false, inserted: 12, updated: 0, unchanged: 0, total: 12, notInFile: 0 });
    expect(await countInstitutions(staff.guarantorId)).toBe(12);
    const audit = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'universe.import' AND guarantor_id = $1`,
      [staff.guarantorId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ inserted: 12, total: 12 });
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await snapshot(staff.guarantorId);
    const r = await importCsv(GOOD, staff.adminToken);
    expect(r.body).toEqual({ dryRun: false, inserted: 0, updated: 0, unchanged: 12, total: 12, notInFile: 0 });
    expect(await snapshot(staff.guarantorId)).toBe(before);
  });

  it('a bad file leaves an existing universe exactly as it was', async () => {
    const before = await snapshot(staff.guarantorId);
    const r = await importCsv(BAD, staff.adminToken);
    expect(r.status).toBe(422);
    expect(await snapshot(staff.guarantorId)).toBe(before);
  });

  it('a modified file updates changed rows and inserts new ones (dry run first)', async () => {
    const modified =
      GOOD.replace('transparencia@toluca.gob.mx', 'nueva.unidad@toluca.gob.mx').replace(
        'Ayuntamiento de Zapopan,ayuntamiento,municipal',
        'Ayuntamiento de Zapopan,gobierno municipal,municipal',
      ) + 'Ayuntamiento de Azcapotzalco (nuevo),ayuntamiento,municipal,9,9002,nuevo@azcapotzalco.gob.mx\n';
    const before = await snapshot(staff.guarantorId);
    const dry = await importCsv(modified, staff.adminToken, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, inserted: 1, updated: 2, unchanged: 10, total: 13, notInFile: 0 });
    expect(await snapshot(staff.guarantorId)).toBe(before);

    const r = await importCsv(modified, staff.adminToken);
    expect(r.body).toEqual({ dryRun: false, inserted: 1, updated: 2, unchanged: 10, total: 13, notInFile: 0 });
    const toluca = await http.get('/api/universe/institutions?q=toluca&type=ayuntamiento', { token: staff.adminToken });
    expect(toluca.body.items).toHaveLength(1);
    expect(toluca.body.items[0]).toMatchObject({
      email: 'nueva.unidad@toluca.gob.mx',
      cvegeo: '15106',
      municipalityName: 'Toluca',
      stateName: 'México',
    });
    // Leading zeros dropped by a spreadsheet were restored.
    const azca = await http.get('/api/universe/institutions?cvegeo=09002', { token: staff.adminToken });
    expect(azca.body.total).toBe(2);

    // The original file again: the two changed rows go back, the new one is reported as not in the file.
    const back = await importCsv(GOOD, staff.adminToken);
    expect(back.body).toEqual({ dryRun: false, inserted: 0, updated: 2, unchanged: 10, total: 12, notInFile: 1 });
  });

  it('accepts JSON { csv } and explicit keys', async () => {
    const other = await guarantorWithAdmin(t.ds, http);
    const csv =
      'key,nombre,tipo,nivel,cve_ent,cvegeo,correo\nMTY-01,Ayuntamiento de Monterrey,Ayuntamiento,Municipal,19,19039,ut@monterrey.gob.mx\n';
    const r = await http.post('/api/universe/import', { csv }, { token: other.adminToken });
    expect(r.status).toBe(200);
    expect(r.body.inserted).toBe(1);
    const renamed = csv.replace('Ayuntamiento de Monterrey', 'Gobierno Municipal de Monterrey');
    const again = await http.post('/api/universe/import', { csv: renamed }, { token: other.adminToken });
    expect(again.body).toMatchObject({ inserted: 0, updated: 1, total: 1 });
    const list = await http.get('/api/universe/institutions', { token: other.adminToken });
    expect(list.body.items[0]).toMatchObject({
      key: 'MTY-01',
      name: 'Gobierno Municipal de Monterrey',
      type: 'ayuntamiento',
      level: 'municipal',
    });
    const extra = await http.post('/api/universe/import', { csv, dryRun: true }, { token: other.adminToken });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
  });

  it('reports header problems once, empty files and unsupported bodies', async () => {
    const header = await importCsv(
      'name,type,nivel_de_gobierno,cve_ent,email\nA,b,municipal,15,a@b.mx\n',
      staff.adminToken,
    );
    expect(header.status).toBe(422);
    expect(
      header.body.details.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code]),
    ).toEqual([
      [1, 'nivel_de_gobierno', 'UNKNOWN_COLUMN'],
      [1, 'level', 'MISSING_COLUMN'],
      [1, 'cvegeo', 'MISSING_COLUMN'],
    ]);
    const empty = await importCsv('', staff.adminToken);
    expect(empty.status).toBe(422);
    expect(empty.body.details.errors[0].code).toBe('EMPTY_FILE');
    const form = await http.post('/api/universe/import', undefined, {
      token: staff.adminToken,
      raw: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    const xml = await http.post('/api/universe/import', undefined, {
      token: staff.adminToken,
      raw: '<a/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lets analysts read but not import; other guarantors see nothing', async () => {
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    const denied = await importCsv(GOOD, analyst);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const list = await http.get('/api/universe/institutions?pageSize=5&page=2', { token: analyst });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 13, page: 2, pageSize: 5 });
    expect(list.body.items).toHaveLength(5);
    const summary = await http.get('/api/universe/summary', { token: analyst });
    expect(summary.body.total).toBe(13);
    expect(summary.body.byState).toEqual([
      { cveEnt: '09', name: 'Ciudad de México', count: 4 },
      { cveEnt: '14', name: 'Jalisco', count: 3 },
      { cveEnt: '15', name: 'México', count: 5 },
      { cveEnt: '19', name: 'Nuevo León', count: 1 },
    ]);
    expect(summary.body.byLevel).toEqual([
      { level: 'autonomo', count: 2 },
      { level: 'estatal', count: 1 },
      { level: 'federal', count: 1 },
      { level: 'municipal', count: 9 },
    ]);
    expect(summary.body.byType[0]).toEqual({ type: 'ayuntamiento', count: 7 });
    const filtered = await http.get('/api/universe/institutions?cveEnt=15&level=municipal', { token: analyst });
    expect(filtered.body.total).toBe(3);

    const stranger = await guarantorWithAdmin(t.ds, http);
    const theirs = await http.get('/api/universe/institutions', { token: stranger.adminToken });
    expect(theirs.body.total).toBe(0);
    expect((await http.get('/api/universe/institutions')).status).toBe(401);
  });

  it('imports 15,000 rows set-based, and re-imports them as unchanged', async () => {
    const big = await guarantorWithAdmin(t.ds, http);
    const muns = loadMunicipalities();
    const lines = ['name,type,level,cve_ent,cvegeo,email'];
    for (let i = 0; i < 15000; i++) {
      const m = muns[i % muns.length];
      lines.push(
        `Sujeto obligado ${i},organismo,${i % 2 ? 'municipal' : 'estatal'},${m.cveEnt},${m.cvegeo},ut${i}@example.gob.mx`,
      );
    }
    const csv = lines.join('\n');
    // About 1 MB: a background import (202), whose result is the synchronous report.
    const done = async (query = ''): Promise<Record<string, unknown>> => {
      const r = await importCsv(csv, big.adminToken, query);
      expect(r.status).toBe(202);
      const job = await until(
        async () => (await http.get(`/api/universe/imports/${r.body.id}`, { token: big.adminToken })).body,
        (j: { state: string; result?: Record<string, unknown> }) => j.state === 'done' || j.state === 'failed',
        'the import',
        60_000,
      );
      return job.result ?? {};
    };
    expect(await done()).toMatchObject({ inserted: 15000, updated: 0, total: 15000 });
    expect(await done()).toMatchObject({ inserted: 0, updated: 0, unchanged: 15000 });
    expect(await countInstitutions(big.guarantorId)).toBe(15000);
  });

  it('serves the public catalogue of states and municipalities', async () => {
    const states = await http.get('/api/catalogue/states');
    expect(states.status).toBe(200);
    expect(states.body.source).toBe(CATALOGUE_SOURCE);
    expect(states.body.items).toHaveLength(32);
    expect(states.body.items.reduce((s: number, x: { municipalities: number }) => s + x.municipalities, 0)).toBe(2469);
    const edomex = await http.get('/api/catalogue/municipalities?cveEnt=15');
    expect(edomex.body.items).toHaveLength(125);
    expect(edomex.body.items.find((m: { cvegeo: string }) => m.cvegeo === '15106')).toMatchObject({
      name: 'Toluca',
      stateName: 'México',
    });
    expect((await http.get('/api/catalogue/municipalities')).body.items).toHaveLength(2469);
    const unknown = await http.get('/api/catalogue/municipalities?cveEnt=99');
    expect(unknown.status).toBe(404);
    const malformed = await http.get('/api/catalogue/municipalities?cveEnt=mx');
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cveEnt' });
  });

  it('documents its endpoints and error codes in OpenAPI', async () => {
    const doc = await http.get('/docs/openapi.json');
    for (const p of [
      '/api/universe/import',
      '/api/universe/imports',
      '/api/universe/imports/{id}',
      '/api/universe/institutions',
      '/api/universe/summary',
      '/api/catalogue/states',
      '/api/catalogue/municipalities',
    ]) {
      expect(doc.body.paths[p]).toBeDefined();
    }
    const responses = JSON.stringify(doc.body.paths['/api/universe/import'].post.responses);
    expect(responses).toContain('UNIVERSE_INVALID');
    expect(Object.keys(doc.body.paths['/api/universe/import'].post.requestBody.content)).toEqual(
      expect.arrayContaining(['text/csv', 'application/json']),
    );
  });
});
