import type { Pool } from 'pg';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DATASET_COLUMNS, fileColumns } from '../apps/api/src/exports/export-columns';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken } from './support/fixtures';
import { client, Client } from './support/http';

/**
 * Open-data exports against a generated round of 10,000 institutions (results written directly in
 * SQL, no worker): streaming with a heap ceiling, completeness, no personal data, access rules.
 */
const INSTITUTIONS = 10_000;
const INDICATORS = ['I', 'T', 'P', 'TG', 'TC', 'PG', 'PC', 'I_G', 'DELTA_G'];
const VALIDATOR_EMAIL = 'persona.validadora@correo.example';
const VALIDATOR_PSEUDONYM = 'V-SECRT9';

// A full collection before every heap sample, so the samples measure live objects, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Streamed {
  status: number;
  headers: Headers;
  bytes: number;
  lines: number;
  firstLine: string;
  /** Forbidden strings found anywhere in the body. */
  found: string[];
  peakHeapGrowth: number;
}

/** Reads a response body chunk by chunk without keeping it, sampling the process heap meanwhile. */
async function streamWithHeap(url: string, token: string | undefined, forbidden: string[]): Promise<Streamed> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sample = (): void => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let lines = 0;
  let firstLine = '';
  let tail = '';
  let chunks = 0;
  const found = new Set<string>();
  const overlap = Math.max(...forbidden.map((f) => f.length));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const text = decoder.decode(value, { stream: true });
    if (!firstLine) firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    const window = tail + text;
    for (const f of forbidden) if (window.includes(f)) found.add(f);
    tail = window.slice(-overlap);
    if (++chunks % 64 === 0) sample();
  }
  sample();
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    lines,
    firstLine,
    found: [...found],
    peakHeapGrowth: peak - baseline,
  };
}

/** Writes the round, its universe and its results set-based: seconds, not minutes. */
async function generateRound(t: TestApp, guarantorId: string, status: 'published' | 'closed'): Promise<string> {
  const [qi] = await t.ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, 'institution', $2, 1, 'Cuestionario institucional', '{"pages":[]}', repeat('a', 64)) RETURNING id`,
    [guarantorId, `inst-${status}`],
  );
  const [qc] = await t.ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, 'citizen', $2, 1, 'Cuestionario ciudadano', '{"pages":[]}', repeat('b', 64)) RETURNING id`,
    [guarantorId, `cit-${status}`],
  );
  const [round] = await t.ds.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id,
                        synthetic, opened_at, closed_at, published_at)
     VALUES ($1, $2, $3::varchar, now() - interval '60 days', now() - interval '10 days', $4, $5, true,
             now() - interval '60 days', now() - interval '10 days', CASE WHEN $3::varchar = 'published' THEN now() END)
     RETURNING id`,
    [guarantorId, `Ronda generada (${status})`, status, qi.id, qc.id],
  );
  await t.ds.query(
    `INSERT INTO round_institution (round_id, institution_id)
     SELECT $1, id FROM institution WHERE guarantor_id = $2`,
    [round.id, guarantorId],
  );
  const values = `abs(hashtext(k || ind)) % 1000 / 1000.0`;
  const common = `$1::uuid, ind, CASE WHEN ind IN ('I','T','P','TC','PC') AND abs(hashtext(k)) % 3 = 0 THEN NULL ELSE ${values} END,
      0.05, greatest(0, ${values} - 0.1), least(1, ${values} + 0.1), 0.05 / greatest(${values}, 0.01),
      abs(hashtext(k)) % 12, CASE WHEN abs(hashtext(k)) % 3 = 0 THEN 'not_validated' ELSE 'caution' END, abs(hashtext(k)) % 9,
      'I', 'mga-2017/apertura-1', '1.0.0', 42, now()`;
  const cols = `round_id, indicator, estimate, se, lo, hi, cv, n, status, needed, formula, method_id, method_version, watermark, computed_at`;
  await t.ds.query(
    `INSERT INTO metric_result (${cols}, scope, scope_key, aggregation, population_size)
     SELECT ${common}, 'institution', k, 'unweighted', NULL
     FROM (SELECT id::text AS k FROM institution WHERE guarantor_id = $2) i CROSS JOIN unnest($3::text[]) ind`,
    [round.id, guarantorId, INDICATORS],
  );
  await t.ds.query(
    `INSERT INTO metric_result (${cols}, scope, scope_key, aggregation, population_size)
     SELECT ${common}, 'municipality', k, 'unweighted', 80
     FROM (SELECT DISTINCT cvegeo::text AS k FROM institution WHERE guarantor_id = $2) i CROSS JOIN unnest($3::text[]) ind`,
    [round.id, guarantorId, INDICATORS],
  );
  await t.ds.query(
    `INSERT INTO metric_result (${cols}, scope, scope_key, aggregation, population_size)
     SELECT ${common}, 'state', '15', a, 10000
     FROM (SELECT '15'::text AS k WHERE $2::uuid IS NOT NULL) i CROSS JOIN unnest($3::text[]) ind CROSS JOIN unnest(ARRAY['unweighted','mean_of_municipalities','population_weighted']) a`,
    [round.id, guarantorId, INDICATORS],
  );
  return round.id;
}

describe('open-data exports (10,000-institution round)', () => {
  let t: TestApp;
  let http: Client;
  let adminToken: string;
  let analystToken: string;
  let otherAdminToken: string;
  let published: string;
  let closed: string;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    const staff = await guarantorWithAdmin(t.ds, http);
    adminToken = staff.adminToken;
    analystToken = await staffToken(http, adminToken, 'analyst');
    otherAdminToken = (await guarantorWithAdmin(t.ds, http)).adminToken;
    // Names with quotes, commas and accents exercise CSV quoting; every institution has a contact e-mail
    // (never exported) and there is a validator with personal data that must never appear.
    await t.ds.query(
      `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
       SELECT $1, 'inst-' || g, 'Institución "' || g || '", sintética de Xonacatlán', CASE WHEN g % 2 = 0 THEN 'ayuntamiento' ELSE 'dif municipal' END,
              'municipal', '15', '15' || lpad(((g % 125) + 1)::text, 3, '0'), 'contacto-' || g || '@institucion.example'
       FROM generate_series(1, $2::int) g`,
      [staff.guarantorId, INSTITUTIONS],
    );
    const [user] = await t.ds.query(
      `INSERT INTO app_user (email, role, display_name, email_verified_at) VALUES ($1, 'citizen_validator', 'Persona Validadora', now()) RETURNING id`,
      [VALIDATOR_EMAIL],
    );
    await t.ds.query(
      `INSERT INTO validator_profile (user_id, pseudonym, cvegeo, consent_at, privacy_notice_version) VALUES ($1, $2, '15106', now(), 'v1')`,
      [user.id, VALIDATOR_PSEUDONYM],
    );
    published = await generateRound(t, staff.guarantorId, 'published');
    closed = await generateRound(t, staff.guarantorId, 'closed');
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  const pool = (): Pool => (t.ds.driver as PostgresDriver).master as Pool;

  it('streams the institutions CSV: every row, flat memory, no personal data', async () => {
    const r = await streamWithHeap(`${t.url}/api/public/rounds/${published}/export/institutions.csv`, undefined, [
      '@',
      VALIDATOR_PSEUDONYM,
      'Persona Validadora',
    ]);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="apertura-${published}-institutions.csv"`);
    expect(r.headers.get('x-apertura-synthetic')).toBe('true');
    expect(r.firstLine.trim()).toBe(fileColumns('institutions', 'csv').join(','));
    expect(r.lines).toBe(1 + INSTITUTIONS * INDICATORS.length);
    expect(r.found).toEqual([]);
    // The whole file is ~30 MB; holding its rows would cost several times that in heap.
    expect(r.bytes).toBeGreaterThan(20_000_000);
    expect(r.peakHeapGrowth).toBeLessThan(0.25 * r.bytes);
  }, 120_000);

  it('the JSON export parses, carries meta and as many rows as the table', async () => {
    const res = await fetch(`${t.url}/api/public/rounds/${published}/export/institutions.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as {
      meta: {
        round: unknown;
        method: unknown;
        columns: string[];
        notices: { volunteerSample: { es: string }; synthetic: { es: string } };
      };
      rows: Array<Record<string, unknown>>;
    };
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope = 'institution'`,
      [published],
    );
    expect(body.rows).toHaveLength(n);
    expect(n).toBe(INSTITUTIONS * INDICATORS.length);
    expect(body.meta.round).toMatchObject({ id: published, status: 'published', synthetic: true });
    expect(body.meta.method).toEqual({ id: 'mga-2017/apertura-1', version: '1.0.0' });
    expect(body.meta.notices.volunteerSample.es).toMatch(/voluntaria/);
    expect(body.meta.notices.synthetic.es).toMatch(/sintéticos/);
    expect(body.meta.columns).toEqual(DATASET_COLUMNS.institutions);
    const row = body.rows[0];
    expect(Object.keys(row)).toEqual(DATASET_COLUMNS.institutions);
    expect(row).toMatchObject({
      round_id: published,
      synthetic: true,
      method_id: 'mga-2017/apertura-1',
      watermark: 42,
      indicator: 'I',
      aggregation: 'unweighted',
    });
    expect(typeof row.computed_at).toBe('string');
    expect(row.institution_name).toMatch(/^Institución "\d+", sintética de Xonacatlán$/);
    expect(row.municipality_name).toEqual(expect.any(String));
    expect(row.state_name).toBe('México');
    // Long format, fixed indicator order inside each institution.
    expect(body.rows.slice(0, INDICATORS.length).map((x) => x.indicator)).toEqual(INDICATORS);
  }, 120_000);

  it('municipality and state files: names from the catalogue, all aggregations', async () => {
    const m = await http.get(`/api/public/rounds/${published}/export/municipalities.json`);
    expect(m.status).toBe(200);
    expect(m.body.rows).toHaveLength(125 * INDICATORS.length);
    const toluca = m.body.rows.find((r: Record<string, unknown>) => r.cvegeo === '15106' && r.indicator === 'I');
    expect(toluca).toMatchObject({ municipality_name: 'Toluca', cve_ent: '15', state_name: 'México', N_universe: 80 });

    const s = await http.get(`/api/public/rounds/${published}/export/states.csv`);
    expect(s.status).toBe(200);
    const lines = (s.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(fileColumns('states', 'csv').join(','));
    expect(lines).toHaveLength(1 + 3 * INDICATORS.length);
    expect(lines[1]).toContain(',15,México,unweighted,I,');
  });

  it('?bom=1 starts with a UTF-8 BOM for spreadsheet users', async () => {
    const res = await fetch(`${t.url}/api/public/rounds/${published}/export/states.csv?bom=1`);
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await http.get(`/api/public/rounds/${published}/export/states.csv?bom=maybe`)).status).toBe(400);
  });

  it('a client that hangs up mid-download gives its connection back', async () => {
    const controller = new AbortController();
    const res = await fetch(`${t.url}/api/public/rounds/${published}/export/institutions.csv`, {
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    for (let i = 0; i < 100 && pool().totalCount !== pool().idleCount; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pool().totalCount).toBe(pool().idleCount);
    // And the API keeps serving exports afterwards.
    expect((await http.get(`/api/public/rounds/${published}/export/states.json`)).status).toBe(200);
  }, 60_000);

  it('public access only to published rounds; staff of the guarantor see any status', async () => {
    expect((await http.get(`/api/public/rounds/${published}/export/states.csv`)).status).toBe(200);
    const hidden = await http.get(`/api/public/rounds/${closed}/export/states.csv`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await http.get(`/api/public/rounds/${closed}/export/dictionary.json`)).status).toBe(404);
    expect((await http.get(`/api/public/rounds/00000000-0000-4000-8000-000000000000/export/states.csv`)).status).toBe(
      404,
    );
    expect((await http.get(`/api/public/rounds/not-a-uuid/export/states.csv`)).status).toBe(400);
    expect((await http.get(`/api/public/rounds/${published}/export/users.csv`)).status).toBe(404);

    expect((await http.get(`/api/rounds/${closed}/export/states.csv`)).status).toBe(401);
    const admin = await http.get(`/api/rounds/${closed}/export/states.csv`, { token: adminToken });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('cache-control')).toBe('private, no-store');
    expect((await http.get(`/api/rounds/${closed}/export/municipalities.json`, { token: analystToken })).status).toBe(
      200,
    );
    expect((await http.get(`/api/rounds/${closed}/export/states.csv`, { token: otherAdminToken })).status).toBe(404);
  });

  it('serves the machine-readable dictionary', async () => {
    const d = await http.get(`/api/public/rounds/${published}/export/dictionary.json`);
    expect(d.status).toBe(200);
    const names = d.body.columns.map((c: { name: string }) => c.name);
    for (const col of DATASET_COLUMNS.institutions) expect(names).toContain(col);
    expect(d.body.statuses.map((s: { code: string }) => s.code)).toEqual([
      'conclusive',
      'caution',
      'inconclusive',
      'not_validated',
      'no_response',
      'not_computed',
    ]);
    expect(d.body.sources[0].name).toBe('CONAPO 2020');
  });
});
