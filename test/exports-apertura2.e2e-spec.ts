import { parse } from 'csv-parse/sync';
import { REASON_SENTENCES, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import { DATASET_COLUMNS, EXPORT_DATASETS, fileColumns } from '../apps/api/src/exports/export-columns';
import { startTestApp, TestApp } from './support/app';
import {
  APERTURA_1,
  APERTURA_2,
  EXPORT_INDICATORS,
  exportRound,
  ExportRoundFixture,
  HOSTILE_NAMES,
  HOSTILE_TYPE,
} from './support/export-round';
import { guarantorWithAdmin } from './support/fixtures';
import { client, Client } from './support/http';

/**
 * Downloads under method apertura-2 (METHOD.md §9, issue #12 item 4): every row says its status, its
 * reasons in words, validated share, needed sample and method; the volunteer-sample notice travels
 * with every file; text a spreadsheet would run is neutralised in every CSV; national, level and
 * type datasets exist.
 */
type Row = Record<string, string>;

const FORMULA_START = /^[=+\-@\t\r]/;

describe('open-data exports (apertura-2 columns)', () => {
  let t: TestApp;
  let http: Client;
  let fx: ExportRoundFixture;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    const staff = await guarantorWithAdmin(t.ds, http);
    fx = await exportRound(t.ds, staff.guarantorId, { filler: 30 });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const url = (file: string): string => `/api/public/rounds/${fx.roundId}/export/${file}`;

  async function csv(file: string): Promise<{ header: string[]; rows: Row[]; text: string }> {
    const res = await fetch(`${t.url}${url(file)}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const records = parse(text, { bom: true, relax_column_count: false }) as string[][];
    const [header, ...body] = records;
    return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), text };
  }

  it('every CSV row carries status, reasons in words, validated share, needed sample, method and the notice', async () => {
    const { header, rows } = await csv('institutions.csv');
    expect(header).toEqual([...fileColumns('institutions', 'csv')]);
    expect(rows).toHaveLength(fx.institutions * EXPORT_INDICATORS.length);
    for (const row of rows) {
      expect(row.status).toMatch(/^(conclusive|caution|inconclusive|not_validated)$/);
      expect(row.notice_es).toBe(VOLUNTEER_SAMPLE_NOTICE.es);
      expect(row.notice_en).toBe(VOLUNTEER_SAMPLE_NOTICE.en);
      expect(row.method_id).toMatch(/^mga-2017\/apertura-[12]$/);
      const codes = row.reasons === '' ? [] : row.reasons.split(';');
      if (row.status !== 'conclusive') expect(codes.length).toBeGreaterThan(0);
      if (codes.includes('below_minimum')) expect(row.reasons_es).toContain(REASON_SENTENCES.below_minimum.es);
      if (codes.includes('not_estimable')) expect(row.reasons_en).toContain(REASON_SENTENCES.not_estimable.en);
      // Institutions have no validated share nor subjects to add; a non-conclusive value never says 0.
      expect(row.validated_share).toBe('');
      expect(row.needed_subjects).toBe('');
      if (row.status !== 'conclusive') expect(row.needed).not.toBe('0');
    }
    const blank = rows.find((r) => r.status === 'not_validated' && r.indicator === 'I');
    expect(blank).toBeDefined();
    expect(blank!.reasons).toBe('no_citizen_data;no_self_report');
    expect(blank!.reasons_es).toBe(
      `${REASON_SENTENCES.no_citizen_data.es} La institución no ha enviado su autodiagnóstico.`,
    );
    expect(blank!.needed).toBe('');
  });

  it('area files carry validated share and needed subjects / reports', async () => {
    const { rows } = await csv('municipalities.csv');
    const toluca = rows.filter((r) => r.cvegeo === '15106');
    expect(toluca).toHaveLength(EXPORT_INDICATORS.length);
    for (const r of toluca) {
      expect(Number(r.validated_share)).toBeGreaterThanOrEqual(0);
      expect(Number(r.validated_share)).toBeLessThanOrEqual(1);
      if (r.status === 'not_validated') expect([r.needed, r.needed_subjects, r.needed_reports]).toEqual(['', '', '']);
      else expect(Number(r.needed)).toBe(Number(r.needed_reports) + Number(r.needed_subjects));
    }
  });

  it('neutralises =HYPERLINK, +cmd, @SUM, -1+1 and a leading tab in every CSV, by default', async () => {
    const { rows, text } = await csv('institutions.csv');
    const names = new Set(rows.map((r) => r.institution_name));
    for (const hostile of HOSTILE_NAMES) {
      expect(names).toContain(`'${hostile}`);
      expect(names).not.toContain(hostile);
    }
    expect(rows.map((r) => r.institution_type)).toContain(`'${HOSTILE_TYPE}`);
    // No text cell of the file starts like a formula; negative numbers stay numbers.
    for (const row of rows)
      for (const [col, cell] of Object.entries(row))
        if (FORMULA_START.test(cell)) expect({ col, cell }).toMatchObject({ col: 'estimate' });
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const types = await csv('types.csv');
    expect(types.rows.map((r) => r.institution_type)).toContain(`'${HOSTILE_TYPE}`);
  });

  it('?bom=1: UTF-8 BOM for Excel, the same neutralised cells', async () => {
    const res = await fetch(`${t.url}${url('institutions.csv')}?bom=1`);
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    expect(text).toContain(`"'${HOSTILE_NAMES[0].replace(/"/g, '""')}"`);
    expect(text).toContain(",'-1+1,");
    const plain = await fetch(`${t.url}${url('institutions.csv')}`);
    expect(Buffer.from(await plain.arrayBuffer())[0]).not.toBe(0xef);
  });

  it('JSON: reasons as lists, the notice as a field, each row its own method (apertura-1 rows stay labelled)', async () => {
    const res = await http.get(url('institutions.json'));
    expect(res.status).toBe(200);
    const { meta, rows } = res.body as {
      meta: {
        columns: string[];
        method: { id: string };
        methods: Array<{ id: string; version: string }>;
        notices: { volunteerSample: { es: string; en: string } };
      };
      rows: Array<Record<string, unknown>>;
    };
    expect(meta.columns).toEqual([...DATASET_COLUMNS.institutions]);
    expect(meta.notices.volunteerSample).toEqual({ ...VOLUNTEER_SAMPLE_NOTICE });
    expect(meta.methods).toEqual([APERTURA_1, APERTURA_2]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...DATASET_COLUMNS.institutions]);
      expect(Array.isArray(row.reasons)).toBe(true);
      expect((row.reasons_es as string[]).length).toBe((row.reasons as string[]).length);
      const legacy = row.institution_id === fx.legacyInstitutionId;
      expect({ id: row.method_id, version: row.method_version }).toEqual(legacy ? APERTURA_1 : APERTURA_2);
    }
    expect(rows.filter((r) => r.institution_id === fx.legacyInstitutionId)).toHaveLength(EXPORT_INDICATORS.length);
    // JSON is never evaluated: names as imported.
    expect(rows.map((r) => r.institution_name)).toContain(HOSTILE_NAMES[0]);
    const unverified = rows.find((r) => r.indicator === 'DELTA_G' && r.estimate === null);
    expect(unverified).toMatchObject({
      status: 'not_validated',
      reasons: ['not_estimable'],
      reasons_en: [REASON_SENTENCES.not_estimable.en],
    });
  });

  it('national, levels and types datasets, with names', async () => {
    const national = await csv('national.csv');
    expect(national.header).toEqual([...fileColumns('national', 'csv')]);
    expect(national.rows).toHaveLength(3 * EXPORT_INDICATORS.length);
    // A one-state round is named after its state, never "Nacional".
    for (const r of national.rows) expect(r).toMatchObject({ area_name: 'México', states_in_universe: '1' });
    expect(national.rows.map((r) => r.aggregation).slice(0, EXPORT_INDICATORS.length)).toEqual(
      EXPORT_INDICATORS.map(() => 'unweighted'),
    );

    const levels = await http.get(url('levels.json'));
    expect(levels.status).toBe(200);
    const byLevel = new Map(
      (levels.body.rows as Array<Record<string, unknown>>).map((r) => [r.institution_level, r.level_name]),
    );
    expect([...byLevel.entries()]).toEqual([
      ['estatal', 'Estatal'],
      ['municipal', 'Municipal'],
    ]);
    expect(levels.body.meta.dataset).toBe('levels');

    const types = await http.get(url('types.json'));
    const typeNames = new Set((types.body.rows as Array<Record<string, unknown>>).map((r) => r.institution_type));
    expect([...typeNames].sort()).toEqual([HOSTILE_TYPE, 'ayuntamiento', 'dif municipal'].sort());
  });

  it('the dictionary lists every dataset, the reasons and the neutralisation rule', async () => {
    const d = await http.get(url('dictionary.json'));
    expect(d.body.datasets.map((x: { name: string }) => x.name)).toEqual([...EXPORT_DATASETS]);
    expect(d.body.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(Object.keys(REASON_SENTENCES)),
    );
    expect(d.body.neutralisation.es).toMatch(/apóstrofo/);
    expect(d.body.method.specification).toBe('docs/method.md');
  });
});
