import { readFileSync } from 'fs';
import { join } from 'path';
import { COLUMNS, dataDictionary, DATASET_COLUMNS, EXPORT_DATASETS, normaliseRow, parseExportFile, STATUSES } from './export-columns';

describe('parseExportFile', () => {
  it.each([
    ['institutions.csv', { kind: 'data', dataset: 'institutions', format: 'csv' }],
    ['municipalities.json', { kind: 'data', dataset: 'municipalities', format: 'json' }],
    ['states.csv', { kind: 'data', dataset: 'states', format: 'csv' }],
    ['dictionary.json', { kind: 'dictionary' }],
  ])('%s', (file, expected) => {
    expect(parseExportFile(file)).toEqual(expected);
  });

  it.each(['dictionary.csv', 'users.csv', 'institutions.xlsx', 'institutions', '../institutions.csv', 'INSTITUTIONS.CSV', 'institutions.csv.gz', ''])(
    'refuses %p',
    (file) => {
      expect(parseExportFile(file)).toBeNull();
    },
  );
});

describe('columns', () => {
  const names = new Set(COLUMNS.map((c) => c.name));

  it('every dataset column is described, once', () => {
    expect(names.size).toBe(COLUMNS.length);
    for (const d of EXPORT_DATASETS) for (const col of DATASET_COLUMNS[d]) expect(names).toContain(col);
  });

  it('no column can carry personal data of validators', () => {
    for (const n of names) expect(n).not.toMatch(/email|pseudonym|validator|user|display_name|password/i);
  });

  it('docs/open-data.md documents every column and status', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'open-data.md'), 'utf8');
    for (const n of names) expect(doc).toContain(`\`${n}\``);
    for (const s of STATUSES) expect(doc).toContain(`\`${s.code}\``);
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
    const row = normaliseRow({ computed_at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), watermark: '12345', estimate: 0.5, lo: null });
    expect(row).toEqual({ computed_at: '2026-01-02T03:04:05.000Z', watermark: 12345, estimate: 0.5, lo: null });
  });
});
