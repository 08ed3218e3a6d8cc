import { Readable } from 'stream';
import { csvShaper, csvWriter, excelSafe, jsonWriter } from './export-writers';

async function collect(rows: Array<Record<string, unknown>>, writer: NodeJS.ReadWriteStream): Promise<string> {
  const chunks: Buffer[] = [];
  const out = Readable.from(rows).pipe(writer);
  for await (const chunk of out) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

const columns = ['name', 'flag', 'estimate', 'n', 'computed_at', 'watermark'];
const at = new Date(Date.UTC(2026, 5, 1));
const rows = [
  {
    name: 'Ayuntamiento de "Tenango", Edo. Méx.',
    flag: true,
    estimate: 0.4375,
    n: 3,
    computed_at: at,
    watermark: '17',
  },
  { name: '=HYPERLINK("x")', flag: false, estimate: null, n: 0, computed_at: at, watermark: '17' },
];

describe('csvWriter', () => {
  it('writes a header, quotes as RFC 4180, empty cells for null', async () => {
    const text = await collect(rows, csvWriter(columns, { bom: false }));
    expect(text.split('\r\n')).toEqual([
      'name,flag,estimate,n,computed_at,watermark',
      '"Ayuntamiento de ""Tenango"", Edo. Méx.",true,0.4375,3,2026-06-01T00:00:00.000Z,17',
      `"'=HYPERLINK(""x"")",false,,0,2026-06-01T00:00:00.000Z,17`,
      '',
    ]);
  });

  it('Excel mode: BOM first, formula-like text neutralised as in the default', async () => {
    const text = await collect(rows, csvWriter(columns, { bom: true }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('numbers keep their sign; only text is neutralised', async () => {
    const text = await collect(
      [{ name: '-1+1', flag: true, estimate: -0.25, n: 0, computed_at: at, watermark: '1' }],
      csvWriter(columns, { bom: false }),
    );
    expect(text.split('\r\n')[1]).toBe(`'-1+1,true,-0.25,0,2026-06-01T00:00:00.000Z,1`);
  });

  it('a header only when there are no rows', async () => {
    expect(await collect([], csvWriter(columns, { bom: false }))).toBe(
      'name,flag,estimate,n,computed_at,watermark\r\n',
    );
  });
});

describe('excelSafe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+52', "'+52"],
    ['-x', "'-x"],
    ['@SUM', "'@SUM"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', "'\r=1"],
    ['Toluca =1', 'Toluca =1'],
    ['Toluca', 'Toluca'],
    ['', ''],
  ])('%p → %p', (input, output) => {
    expect(excelSafe(input)).toBe(output);
  });
});

describe('jsonWriter', () => {
  it('streams {meta, rows} with only the listed columns, in order, normalised', async () => {
    const text = await collect(
      rows.map((r) => ({ ...r, secret: 'x' })),
      jsonWriter({ dataset: 'x' }, columns),
    );
    const parsed = JSON.parse(text) as { meta: unknown; rows: Array<Record<string, unknown>> };
    expect(parsed.meta).toEqual({ dataset: 'x' });
    expect(parsed.rows).toHaveLength(2);
    expect(Object.keys(parsed.rows[0])).toEqual(columns);
    expect(parsed.rows[1]).toEqual({
      name: '=HYPERLINK("x")',
      flag: false,
      estimate: null,
      n: 0,
      computed_at: '2026-06-01T00:00:00.000Z',
      watermark: 17,
    });
  });

  it('an empty array when there are no rows', async () => {
    expect(JSON.parse(await collect([], jsonWriter({ a: 1 }, columns)))).toEqual({ meta: { a: 1 }, rows: [] });
  });
});

describe('csvShaper', () => {
  it('joins the reasons, adds their sentences and the notice on every row', async () => {
    const cols = ['status', 'reasons', 'reasons_es', 'reasons_en', 'notice_es', 'notice_en'];
    const out = Readable.from([
      { status: 'inconclusive', reason_codes: ['below_minimum', 'cv_inconclusive'], missing_codes: null },
    ])
      .pipe(csvShaper())
      .pipe(csvWriter(cols, { bom: false }));
    const chunks: string[] = [];
    for await (const c of out) chunks.push(String(c));
    const [header, line] = chunks.join('').split('\r\n');
    expect(header).toBe(cols.join(','));
    expect(line).toContain('inconclusive,below_minimum;cv_inconclusive,"La muestra está por debajo del mínimo');
    expect(line).toContain('The standard error is 30 % of the value or more.');
    expect(line).toContain('muestra no probabilística');
    expect(line).toContain('non-probability sample');
  });
});
