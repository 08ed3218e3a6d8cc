import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads back the XLSX files Apertura writes, strictly: every part must be well-formed XML (a small
 * checking parser — the project has no XML dependency), and cells come back with their stored type,
 * so tests can tell a numeric 3 from the text "3" and an inline string from a formula.
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const XML_INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decodeEntities(raw: string, where: string): string {
  if (XML_INVALID_CHAR.test(raw)) throw new Error(`invalid XML character in ${where}`);
  if (/[<]/.test(raw)) throw new Error(`raw < in ${where}`);
  return raw.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new Error(`unterminated entity in ${where}: ${m}`);
    switch (body) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (!num) throw new Error(`unknown entity &${body}; in ${where}`);
    return String.fromCodePoint(num[1].startsWith('x') ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10));
  });
}

/** Parses a document strictly (throws on anything not well-formed); returns the root element. */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0) {
      if (text.trim() !== '') throw new Error('text outside the root element');
    } else stack[stack.length - 1].text += decodeEntities(text, stack[stack.length - 1].name);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      const close = m ? xml.indexOf('>', i) : -1;
      if (!m || close < 0 || xml.slice(i + 2 + m[0].length, close).trim() !== '')
        throw new Error(`bad closing tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== m[0]) throw new Error(`</${m[0]}> closes <${open?.name ?? 'nothing'}>`);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(xml.slice(i + 1));
    if (!m) throw new Error(`bad tag at ${i}: ${xml.slice(i, i + 20)}`);
    const node: XmlNode = { name: m[0], attrs: {}, children: [], text: '' };
    i += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))?.[0] ?? '';
      i += ws.length;
      if (xml.startsWith('/>', i) || xml.startsWith('>', i)) break;
      if (ws === '') throw new Error(`attributes of <${node.name}> need white space between them`);
      const a = /^([A-Za-z_:][-A-Za-z0-9_.:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!a) throw new Error(`bad attribute in <${node.name}> at ${i}: ${xml.slice(i, i + 30)}`);
      if (a[1] in node.attrs) throw new Error(`duplicate attribute ${a[1]} in <${node.name}>`);
      node.attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '', `${node.name}@${a[1]}`);
      i += a[0].length;
    }
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else if (root) throw new Error('two root elements');
    else root = node;
    if (xml.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      stack.push(node);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export type ReadCell =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'formula'; value: string };

export interface ReadWorkbook {
  parts: string[];
  /** Sheet name → rows (header first); empty cells are null. */
  sheets: Map<string, Array<Array<ReadCell | null>>>;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const child = (n: XmlNode, name: string): XmlNode | undefined => n.children.find((c) => c.name === name);

/** Unzips and parses every XML part (throws when one is not well-formed) and reads the sheets' cells. */
export function readXlsx(data: Uint8Array): ReadWorkbook {
  const files = unzipSync(data);
  const parts = Object.keys(files).sort();
  const xml = new Map<string, XmlNode>();
  for (const p of parts) if (p.endsWith('.xml') || p.endsWith('.rels')) xml.set(p, parseXml(strFromU8(files[p])));
  const wb = xml.get('xl/workbook.xml');
  const rels = xml.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels || !xml.has('[Content_Types].xml') || !xml.has('_rels/.rels'))
    throw new Error(`missing workbook parts: ${parts.join(', ')}`);
  const targets = new Map(rels.children.map((r) => [r.attrs.Id, r.attrs.Target]));
  const sheets = new Map<string, Array<Array<ReadCell | null>>>();
  for (const s of child(wb, 'sheets')?.children ?? []) {
    const target = targets.get(s.attrs['r:id']);
    const sheet = target ? xml.get(`xl/${target}`) : undefined;
    if (!sheet) throw new Error(`sheet ${s.attrs.name} has no part`);
    const rows: Array<Array<ReadCell | null>> = [];
    for (const row of child(sheet, 'sheetData')?.children ?? []) {
      const cells: Array<ReadCell | null> = [];
      for (const c of row.children) {
        const at = columnIndex(c.attrs.r ?? '');
        while (cells.length < at) cells.push(null);
        const f = child(c, 'f');
        const v = child(c, 'v')?.text;
        let cell: ReadCell;
        if (f) cell = { type: 'formula', value: f.text };
        else if (c.attrs.t === 'inlineStr')
          cell = {
            type: 'string',
            value:
              child(c, 'is')
                ?.children.filter((n) => n.name === 't')
                .map((n) => n.text)
                .join('') ?? '',
          };
        else if (c.attrs.t === 'b') cell = { type: 'boolean', value: v === '1' };
        else if (c.attrs.t === 's' || c.attrs.t === 'str') throw new Error('unexpected shared/formula string cell');
        else cell = { type: 'number', value: Number(v) };
        cells.push(cell);
      }
      rows.push(cells);
    }
    sheets.set(s.attrs.name, rows);
  }
  return { parts, sheets };
}

/** Rows of a sheet as plain values keyed by the header. */
export function sheetRecords(wb: ReadWorkbook, name: string): Array<Record<string, string | number | boolean | null>> {
  const rows = wb.sheets.get(name);
  if (!rows) throw new Error(`no sheet ${name}`);
  const [header, ...body] = rows;
  const names = header.map((c) => (c && c.type === 'string' ? c.value : ''));
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]?.value ?? null])));
}
