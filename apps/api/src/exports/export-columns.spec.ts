import { readFileSync } from 'fs';
import { join } from 'path';
import {
  COLUMNS,
  csvRow,
  dataDictionary,
  DATASET_COLUMNS,
  EXPORT_DATASETS,
  fileColumns,
  normaliseRow,
  parseExportFile,
  REASONS,
  STATUSES,
} from './export-columns';
import { REASON_SENTENCES } from '@apertura/metric';

describe('parseExportFile', () => {
  it.each([
    ['institutions.csv', { kind: 'data', dataset: 'institutions', format: 'csv' }],
    ['municipalities.json', { kind: 'data', dataset: 'municipalities', format: 'json' }],
    ['states.csv', { kind: 'data', dataset: 'states', format: 'csv' }],
    ['national.csv', { kind: 'data', dataset: 'national', format: 'csv' }],
    ['levels.json', { kind: 'data', dataset: 'levels', format: 'json' }],
    ['types.csv', { kind: 'data', dataset: 'types', format: 'csv' }],
    ['dictionary.json', { kind: 'dictionary' }],
  ])('%s', (file, expected) => {
    expect(parseExportFile(file)).toEqual(expected);
  });

  it.each([
    'dictionary.csv',
    'users.csv',
    'institutions.xlsx',
    'institutions',
    '../institutions.csv',
    'INSTITUTIONS.CSV',
    'institutions.csv.gz',
    '',
  ])('refuses %p', (file) => {
    expect(parseExportFile(file)).toBeNull();
  });
});

describe('columns', () => {
  const names = new Set(COLUMNS.map((c) => c.name));

  it('every dataset column is described, once', () => {
    expect(names.size).toBe(COLUMNS.length);
    for (const d of EXPORT_DATASETS) for (const col of fileColumns(d, 'csv')) expect(names).toContain(col);
  });

  it('every value row carries status, reasons in words, validated share, the needed sample and the method', () => {
    for (const d of EXPORT_DATASETS) {
      for (const col of [
        'status',
        'reasons',
        'reasons_es',
        'reasons_en',
        'validated_share',
        'needed',
        'needed_subjects',
        'needed_reports',
        'method_id',
        'method_version',
      ]) {
        expect(DATASET_COLUMNS[d]).toContain(col);
      }
      expect(fileColumns(d, 'csv').slice(-2)).toEqual(['notice_es', 'notice_en']);
      expect(fileColumns(d, 'json')).not.toContain('notice_es');
    }
  });

  it('the reason vocabulary covers every status rule once', () => {
    const codes = REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of Object.keys(REASON_SENTENCES)) expect(codes).toContain(code);
  });

  it('no column can carry personal data of validators', () => {
    for (const n of names) expect(n).not.toMatch(/email|pseudonym|validator|user|display_name|password/i);
  });

  it('docs/open-data.md documents every column and status', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'open-data.md'), 'utf8');
    for (const n of names) expect(doc).toContain(`\`${n}\``);
    for (const s of STATUSES) expect(doc).toContain(`\`${s.code}\``);
    for (const r of REASONS) expect(doc).toContain(`\`${r.code}\``);
    for (const d of EXPORT_DATASETS) expect(doc).toContain(`${d}.csv`);
  });

  it('the dictionary is plain JSON with bilingual texts', () => {
    const d = dataDictionary();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    for (const c of d.columns) {
      expect(c.description.es.length).toBeGreaterThan(3);
      expect(c.description.en.length).toBeGreaterThan(3);
    }
    expect(d.notices.volunteerSample.es).toMatch(/voluntaria/);
    expect(d.datasets.map((x) => x.name)).toEqual([...EXPORT_DATASETS]);
  });
});

describe('normaliseRow', () => {
  it('writes timestamps as ISO UTC and the bigint watermark as a number', () => {
    const row = normaliseRow({
      computed_at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      watermark: '12345',
      estimate: 0.5,
      lo: null,
    });
    expect(row).toEqual({ computed_at: '2026-01-02T03:04:05.000Z', watermark: 12345, estimate: 0.5, lo: null });
  });

  it('turns stored reason codes (then missing codes, once) into codes and sentences', () => {
    const row = normaliseRow({
      reason_codes: ['no_citizen_data'],
      missing_codes: ['no_self_report', 'no_citizen_data'],
    });
    expect(row.reasons).toEqual(['no_citizen_data', 'no_self_report']);
    expect(row.reasons_es).toEqual([
      REASON_SENTENCES.no_citizen_data.es,
      'La institución no ha enviado su autodiagnóstico.',
    ]);
    expect(row).not.toHaveProperty('reason_codes');
  });

  it('a row without stored reasons has an empty list (CSV: empty cell)', () => {
    expect(csvRow({ reason_codes: null, missing_codes: null })).toMatchObject({
      reasons: '',
      reasons_es: '',
      reasons_en: '',
    });
  });
});
