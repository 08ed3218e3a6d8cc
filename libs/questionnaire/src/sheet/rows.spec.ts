import * as fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CITIZEN_V1_ANSWERS, INSTITUTION_V1_ANSWERS } from '../../fixtures/sample-answers';
import { citizenReportAnswers } from '../../fixtures/citizen-answers';
import { compileScoring } from '../gates';
import { CITIZEN_V1, CITIZEN_V2, INSTITUTION_V1, INSTITUTION_V2 } from '../instruments';
import { lintQuestionnaire } from '../lint';
import { isRecord } from '../types';
import type { QuestionnaireKind, SurveyJson } from '../types';
import { csvToRows, jsonToRows, rowsToCsv, rowsToJson, rowsToXlsx, xlsxToRows } from './files';
import {
  cellToChoices,
  cellToValidator,
  choiceDraftsFromCell,
  choiceDraftsToCell,
  choicesToCell,
  definitionToRows,
  emptyRow,
  lintSheet,
  rowsToDefinition,
  SHEET_COLUMNS,
  URL_PATTERN,
  validatorsToCells,
} from './rows';
import type { SheetRow } from './rows';

const INSTRUMENTS: ReadonlyArray<readonly [string, QuestionnaireKind, SurveyJson]> = [
  ['institution.v1', 'institution', INSTITUTION_V1],
  ['institution.v2', 'institution', INSTITUTION_V2],
  ['citizen.v1', 'citizen', CITIZEN_V1],
  ['citizen.v2', 'citizen', CITIZEN_V2],
];

/** Every question of a definition (pages, panels), with its JSON. */
function questions(def: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (els: unknown): void => {
    if (!Array.isArray(els)) return;
    for (const e of els) {
      if (!isRecord(e)) continue;
      if (e.type === 'panel') walk(e.elements);
      else out.push(e);
    }
  };
  if (isRecord(def) && Array.isArray(def.pages)) for (const p of def.pages) if (isRecord(p)) walk(p.elements);
  return out;
}

const choiceValues = (q: Record<string, unknown>): unknown[] =>
  Array.isArray(q.choices) ? q.choices.map((c: unknown) => (isRecord(c) ? c.value : c)) : [];

/** Arbitrary answer sets for a definition: any subset of its questions, answered with values of their type. */
function answersArb(def: unknown): fc.Arbitrary<Record<string, unknown>> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of questions(def)) {
    const name = String(q.name);
    const values = choiceValues(q);
    let arb: fc.Arbitrary<unknown>;
    if (q.type === 'boolean') arb = fc.boolean();
    else if (q.type === 'checkbox' || q.type === 'tagbox') arb = fc.subarray(values, { minLength: 1 });
    else if (values.length) arb = fc.constantFrom(...values);
    else if (q.type === 'rating') arb = fc.integer({ min: 1, max: 5 });
    else if (q.inputType === 'number') arb = fc.integer({ min: -5, max: 120 });
    else arb = fc.string();
    parts[name] = arb;
  }
  return fc.record(parts, { requiredKeys: [] });
}

/** Same JSON value, object key order ignored; `{default: x}` and `x` are the same text. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'default' && typeof v.default === 'string') return v.default;
    return Object.fromEntries(keys.sort().map((k) => [k, normalise(v[k])]));
  }
  return v;
}

describe('sheet rows ⇄ definition', () => {
  it.each(INSTRUMENTS)('%s: definition → rows → definition is the same JSON and lints clean', (_v, kind, def) => {
    const rows = definitionToRows(def);
    expect(rows.length).toBeGreaterThan(questions(def).length);
    const { definition, issues } = lintSheet(rows, kind);
    expect(issues).toEqual([]);
    expect(normalise(definition)).toEqual(normalise(def));
    expect(lintQuestionnaire(definition, kind).errors).toEqual([]);
  });

  it.each(INSTRUMENTS)('%s: one row per question, scoring metadata in its own columns', (_v, _k, def) => {
    const rows = definitionToRows(def);
    const names = rows.filter((r) => !['survey', 'page', 'panel'].includes(r.type)).map((r) => r.name);
    expect(names).toEqual(questions(def).map((q) => q.name));
    // Nothing the designer edits hides in `extra`.
    for (const r of rows) {
      if (!r.extra) continue;
      const extra = JSON.parse(r.extra) as Record<string, unknown>;
      for (const k of [
        'title',
        'choices',
        'component',
        'weight',
        'verifiable',
        'evidenceFor',
        'visibleIf',
        'scoreIfHidden',
        'scoreRange',
        'isRequired',
        'min',
        'max',
        'rateMin',
        'rateMax',
        'rateValues',
        'maxLength',
        'placeholder',
        'validators',
      ]) {
        expect([r.name, k, extra[k]]).toEqual([r.name, k, undefined]);
      }
    }
  });

  it('institution.v1 rows read like the spreadsheet a guarantor would write', () => {
    const rows = definitionToRows(INSTITUTION_V1);
    const seg = rows.find((r) => r.name === 'seg_acuerdos') as SheetRow;
    expect(seg).toMatchObject({ type: 'radiogroup', component: 'PG.Seg', weight: '2', required: 'true' });
    expect(seg.choices).toContain('todos=Sí, de todos|Yes, for all of them=1;algunos=Sí, de algunos|Yes, for some=0.5');
    expect(seg.choices).toMatch(/sin_acuerdos=[^;]*=na$/);
    expect(rows.find((r) => r.name === 'fun_sesiones')?.scoreRange).toBe('0..4');
    expect(rows.find((r) => r.name === 'da_licencia')?.panel).toBe('da_detalle');
    const evid = rows.find((r) => r.evidence !== '') as SheetRow;
    expect(rows.find((r) => r.name === evid.evidence)?.verifiable).toBe('true');
  });

  it.each(INSTRUMENTS)(
    '%s: round-tripped definition scores every answer set exactly like the shipped one (property)',
    (_v, _k, def) => {
      const original = compileScoring(def);
      const rebuilt = compileScoring(lintSheet(definitionToRows(def), _k).definition);
      fc.assert(
        fc.property(answersArb(def), (data) => {
          expect(rebuilt.score(data)).toEqual(original.score(data));
        }),
        { numRuns: 150 },
      );
    },
  );

  it('the fixed answer sets score identically after CSV, XLSX and JSON round trips', () => {
    const fixed: ReadonlyArray<readonly [QuestionnaireKind, SurveyJson, Readonly<Record<string, unknown>>]> = [
      ['institution', INSTITUTION_V1, INSTITUTION_V1_ANSWERS],
      ['citizen', CITIZEN_V2, CITIZEN_V1_ANSWERS],
      ...Array.from({ length: 20 }, (_, i) => {
        let seed = i + 1;
        const rng = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
        return ['citizen', CITIZEN_V2, citizenReportAnswers(rng)] as const;
      }),
    ];
    let scored = 0;
    for (const [kind, def, data] of fixed) {
      const expected = compileScoring(def).score(data);
      scored += expected.length;
      const rows = definitionToRows(def);
      for (const parsed of [
        csvToRows(rowsToCsv(rows)),
        xlsxToRows(rowsToXlsx(rows)),
        jsonToRows(JSON.parse(rowsToJson(rows))),
      ]) {
        expect(parsed.issues).toEqual([]);
        expect(parsed.rows).toEqual(rows);
        const built = lintSheet(parsed.rows, kind);
        expect(built.issues).toEqual([]);
        expect(compileScoring(built.definition).score(data)).toEqual(expected);
      }
    }
    expect(scored).toBeGreaterThan(100);
  });

  it('the institution instrument built from its shipped spreadsheet (fixtures/institution.v1.csv) scores like the shipped JSON', () => {
    const csv = readFileSync(join(__dirname, '../../fixtures/institution.v1.csv'), 'utf8');
    const parsed = csvToRows(csv);
    expect(parsed.issues).toEqual([]);
    const built = lintSheet(parsed.rows, 'institution');
    expect(built.issues).toEqual([]);
    expect(compileScoring(built.definition).score(INSTITUTION_V1_ANSWERS)).toEqual(
      compileScoring(INSTITUTION_V1).score(INSTITUTION_V1_ANSWERS),
    );
  });
});

describe('rows → definition → rows (property, arbitrary sheets)', () => {
  const text = fc.string({ maxLength: 12 }).map((x) => x.trim());
  const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
  const num01 = fc.double({ min: 0, max: 1, noNaN: true }).map(String);
  const choice = fc.record({
    value: name,
    es: text,
    en: text,
    score: fc.oneof(num01, fc.constant(''), fc.constant('na')),
    exclusive: fc.boolean(),
  });
  const question = fc.record({
    type: fc.constantFrom('radiogroup', 'checkbox', 'boolean', 'text', 'rating', 'dropdown'),
    name,
    title_es: text,
    title_en: text,
    description_es: text,
    choices: fc.array(choice, { maxLength: 4 }).map((cs) =>
      cs
        .map((c) =>
          choiceDraftsToCell([
            {
              value: c.value,
              es: c.es,
              en: c.en,
              score: c.score === 'na' ? '' : c.score,
              notApplicable: c.score === 'na',
              exclusive: c.exclusive,
            },
          ]),
        )
        .filter(Boolean)
        .join(';'),
    ),
    component: fc.constantFrom('', 'TG.AI', 'PG.Seg'),
    weight: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 5 }).map(String)),
    verifiable: fc.constantFrom('', 'true', 'false'),
    visibleIf: fc.constantFrom('', '{a} = 1', "{b} contains 'x'"),
    scoreIfHidden: fc.oneof(fc.constant(''), num01),
    scoreRange: fc.constantFrom('', '0..4', '40..0'),
    required: fc.constantFrom('', 'true'),
    inputType: fc.constantFrom('', 'number', 'url'),
    min: fc.oneof(fc.constant(''), fc.integer({ min: -5, max: 5 }).map(String)),
    max: fc.oneof(fc.constant(''), fc.integer({ min: 5, max: 500 }).map(String)),
    maxLength: fc.constantFrom('', '40', '5000'),
    placeholder_es: text,
    placeholder_en: text,
    validation: fc.constantFrom('', 'email', 'url', 'regex:^[0-9]{4}$', 'numeric:0..100', 'numeric:..5', 'length:3..'),
    validationMessage_es: text,
    validationMessage_en: text,
    extra: fc.constantFrom('', '{"maxLength":10}', '{"validators":[{"type":"email"}]}', '{"minErrorText":"x"}'),
  });
  const sheet = fc
    .array(fc.tuple(name, text, fc.array(question, { maxLength: 5 })), { minLength: 1, maxLength: 3 })
    .map((pages) => {
      const rows: SheetRow[] = [];
      const pageNames = new Set<string>();
      for (const [pname, ptitle, qs] of pages) {
        const pn = `p_${pname}`;
        if (pageNames.has(pn)) continue;
        pageNames.add(pn);
        rows.push(emptyRow({ type: 'page', name: pn, title_es: ptitle }));
        for (const q of qs)
          rows.push(
            emptyRow({
              ...q,
              // A message needs a validation, and validators are given in one place only.
              ...(q.validation === '' ? { validationMessage_es: '', validationMessage_en: '' } : {}),
              ...(q.validation !== '' && q.extra.includes('validators') ? { extra: '' } : {}),
              page: pn,
            }),
          );
      }
      return rows;
    });

  it('a sheet read once is a fixed point: rows → definition → rows → definition gives the same definition', () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const first = rowsToDefinition(rows);
        expect(first.issues).toEqual([]);
        const again = rowsToDefinition(definitionToRows(first.definition));
        expect(again.issues).toEqual([]);
        expect(again.definition).toEqual(first.definition);
        // …and through the files as well.
        const viaCsv = csvToRows(rowsToCsv(definitionToRows(first.definition)));
        expect(rowsToDefinition(viaCsv.rows).definition).toEqual(first.definition);
      }),
      { numRuns: 200 },
    );
  });
});

describe('choices cell', () => {
  it('reads the documented grammar', () => {
    const parsed = cellToChoices(
      'si=Sí|Yes=1; no=No=0 ;na=No aplica|Not applicable=na;ninguno=Ninguno|None=0=exclusive;3',
    );
    expect(parsed).toEqual({
      choices: [
        { value: 'si', text: { default: 'Sí', en: 'Yes' }, score: 1 },
        { value: 'no', text: 'No', score: 0 },
        { value: 'na', text: { default: 'No aplica', en: 'Not applicable' }, notApplicable: true },
        { value: 'ninguno', text: { default: 'Ninguno', en: 'None' }, score: 0, isExclusive: true },
        3,
      ],
    });
    expect(cellToChoices('a=A=x')).toMatchObject({ error: { en: expect.stringContaining('Non-numeric score') } });
    expect(cellToChoices('=A')).toMatchObject({ error: { en: expect.stringContaining('without a value') } });
  });

  it('round-trips arbitrary labels, escaping ; = | and backslashes (property)', () => {
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== '');
    const value = text.filter((s) => !/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(s));
    const choice = fc.record(
      {
        value,
        text: fc.oneof(text, fc.record({ default: text, en: text })),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        isExclusive: fc.constant(true as const),
      },
      { requiredKeys: ['value'] },
    );
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 6 }), (choices) => {
        const cell = choicesToCell(choices);
        expect(cell).not.toBeNull();
        const back = cellToChoices(cell as string);
        expect(back).toEqual({ choices: choices.map((c) => (Object.keys(c).length === 1 ? { value: c.value } : c)) });
      }),
    );
  });

  it('choice drafts (the designer form) round-trip through the cell', () => {
    const cell = 'si=Sí\\; de verdad|Yes=1;na=No aplica|N/A=na;ninguno=Ninguno=0=exclusive;7=Siete';
    const drafts = choiceDraftsFromCell(cell);
    expect(drafts[0]).toEqual({
      value: 'si',
      es: 'Sí; de verdad',
      en: 'Yes',
      score: '1',
      notApplicable: false,
      exclusive: false,
    });
    expect(choiceDraftsToCell(drafts)).toBe(cell);
    expect(
      choiceDraftsToCell([
        ...drafts,
        { value: ' ', es: 'a medias', en: '', score: '', notApplicable: false, exclusive: false },
      ]),
    ).toBe(choiceDraftsToCell(drafts));
  });

  it('leaves choice lists it cannot express to `extra`', () => {
    expect(choicesToCell([{ value: 'a', visibleIf: '{x} = 1' }])).toBeNull();
    expect(choicesToCell(['10'])).toBeNull();
    const def = {
      pages: [
        { name: 'p', elements: [{ type: 'radiogroup', name: 'q', choices: [{ value: 'a', visibleIf: '{q} = 1' }] }] },
      ],
    };
    const rows = definitionToRows(def);
    expect(JSON.parse(rows[1].extra)).toEqual({ choices: def.pages[0].elements[0].choices });
    expect(rowsToDefinition(rows).definition).toEqual(def);
  });
});

describe('answer limits and validation cells', () => {
  it('v2 reads its limits, placeholders and validators from columns; a rating keeps its scale there', () => {
    const rows = definitionToRows(INSTITUTION_V2);
    expect(rows.find((r) => r.name === 'tr_obligaciones_pct')).toMatchObject({ min: '0', max: '100' });
    expect(rows.find((r) => r.name === 'resp_cargo')?.maxLength).toBe('200');
    expect(rows.find((r) => r.name === 'ai_procedimiento_evidencia')).toMatchObject({
      placeholder_es: 'https://',
      validation: 'url',
      validationMessage_en: expect.stringContaining('full web address'),
    });
    expect(rows.find((r) => r.name === 'resp_correo')).toMatchObject({ validation: 'email', extra: '' });
    const rating = definitionToRows(CITIZEN_V1).find((r) => r.type === 'rating') as SheetRow;
    expect(rating).toMatchObject({ min: '1', max: '5' });
    expect(JSON.parse(rating.extra)).not.toHaveProperty('rateMin');
    const scored = rowsToDefinition([
      emptyRow({ type: 'rating', name: 'r', min: '1', max: '3', choices: '1=Mal=0;2=Regular=0.5;3=Bien=1' }),
    ]).definition;
    expect(scored.pages).toEqual([
      {
        name: 'page1',
        elements: [
          {
            type: 'rating',
            name: 'r',
            rateMin: 1,
            rateMax: 3,
            rateValues: [
              { value: 1, text: 'Mal', score: 0 },
              { value: 2, text: 'Regular', score: 0.5 },
              { value: 3, text: 'Bien', score: 1 },
            ],
          },
        ],
      },
    ]);
  });

  it('reads every validation form and refuses what it cannot read, on the row', () => {
    expect(cellToValidator('url', 'Dirección completa', 'Full address')).toEqual({
      validator: { type: 'regex', regex: URL_PATTERN, text: { default: 'Dirección completa', en: 'Full address' } },
    });
    expect(cellToValidator('numeric:0..100', '', '')).toEqual({
      validator: { type: 'numeric', minValue: 0, maxValue: 100 },
    });
    expect(cellToValidator('length:..20', 'Máximo 20', '')).toEqual({
      validator: { type: 'text', maxLength: 20, text: 'Máximo 20' },
    });
    expect(cellToValidator('regex:^[0-9]{5}$', '', '')).toEqual({ validator: { type: 'regex', regex: '^[0-9]{5}$' } });
    expect(cellToValidator('regex:([', '', '')).toMatchObject({ error: { en: expect.stringContaining('regular') } });
    expect(cellToValidator('numeric:a..b', '', '')).toMatchObject({
      error: { en: expect.stringContaining('min..max') },
    });
    expect(cellToValidator('telefono', '', '')).toMatchObject({
      error: { es: expect.stringContaining('desconocida') },
    });
    for (const v of [
      [{ type: 'email' }],
      [{ type: 'regex', regex: '^x+$', text: { default: 'Solo x', en: 'Only x' } }],
      [{ type: 'numeric', maxValue: 5 }],
      [{ type: 'text', minLength: 2, maxLength: 9 }],
    ]) {
      const cells = validatorsToCells(v);
      expect(cells).not.toBeNull();
      const { validation, es, en } = cells as { validation: string; es: string; en: string };
      expect(cellToValidator(validation, es, en)).toEqual({ validator: v[0] });
    }
    // Two validators, or properties the cell has no place for, stay in `extra`.
    expect(validatorsToCells([{ type: 'email' }, { type: 'email' }])).toBeNull();
    expect(validatorsToCells([{ type: 'regex', regex: 'x', caseInsensitive: true }])).toBeNull();

    const res = lintSheet(
      [
        emptyRow({ type: 'text', name: 'a', validation: 'numeric:x..' }),
        emptyRow({ type: 'text', name: 'b', validationMessage_es: 'Mal' }),
        emptyRow({ type: 'text', name: 'c', validation: 'email', extra: '{"validators":[{"type":"email"}]}' }),
        emptyRow({ type: 'text', name: 'd', inputType: 'number', min: 'cero' }),
      ],
      'institution',
    );
    expect(res.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [0, 'SHEET_BAD_VALIDATION', 'validation'],
      [1, 'SHEET_BAD_VALIDATION', 'validationMessage_es'],
      [2, 'SHEET_BAD_VALIDATION', 'validation'],
      [3, 'SHEET_BAD_NUMBER', 'min'],
    ]);
  });
});

describe('files', () => {
  const cell = fc
    .string({ unit: 'binary' })
    .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]|[\uD800-\uDFFF]/g, ''));
  // Plus the edge cases a random string rarely hits: formula starts, apostrophes before them, quotes, line breaks, padding.
  const tricky = fc.oneof(
    cell,
    fc.constantFrom("'-x", "''=1", '=SUM(A1)', '+52 55', '@x', ' lead', 'trail ', 'a\nb', '"q"', 'a,b;c', "'", '\t=x'),
  );
  const rowArb = fc.record(
    Object.fromEntries(SHEET_COLUMNS.map((c) => [c, tricky])) as Record<keyof SheetRow, fc.Arbitrary<string>>,
  );

  it('CSV and XLSX keep every cell, formula-like text and line breaks included (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 5 }), (rows) => {
        const nonBlank = rows.filter((r) => SHEET_COLUMNS.some((c) => r[c].trim() !== ''));
        const trimmed = rows.slice(0, rows.length - [...rows].reverse().findIndex((r) => nonBlank.includes(r)) || 0);
        const expected = nonBlank.length ? trimmed : [];
        expect(csvToRows(rowsToCsv(rows)).rows).toEqual(expected);
        expect(xlsxToRows(rowsToXlsx(rows)).rows).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a Spanish-Excel CSV (semicolons) and refuses unknown columns', () => {
    expect(csvToRows('type;name;title_es\nboolean;q1;¿Sí?\n').rows[0]).toEqual(
      emptyRow({ type: 'boolean', name: 'q1', title_es: '¿Sí?' }),
    );
    expect(csvToRows('type,name,visibelIf\n').issues[0]).toMatchObject({
      code: 'SHEET_BAD_HEADER',
      message: { en: expect.stringContaining('visibelIf') },
    });
    expect(csvToRows('type,title_es\n').issues[0]).toMatchObject({
      code: 'SHEET_BAD_HEADER',
      message: { en: 'Missing columns: name.' },
    });
    expect(csvToRows('type,name\n"boolean,q').issues[0]).toMatchObject({ code: 'SHEET_UNREADABLE_FILE' });
  });

  it('XLSX: reads shared strings, numbers and booleans as Excel writes them; refuses what it cannot read', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const book = (sheet: string, shared = ''): Uint8Array =>
      zipSync({
        'xl/workbook.xml': strToU8(
          `<workbook xmlns="${ns}" xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/sharedStrings.xml': strToU8(`<sst xmlns="${ns}">${shared}</sst>`),
        'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${ns}"><sheetData>${sheet}</sheetData></worksheet>`),
      });
    const ok = xlsxToRows(
      book(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
          '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3"><v>2.5</v></c><c r="D3" t="b"><v>1</v></c></row>',
        '<si><t>type</t></si><si><t>name</t></si><si><t>weight</t></si><si><t>required</t></si><si><r><t>bool</t></r><r><t>ean</t></r></si><si><t>q&amp;1</t></si>',
      ),
    );
    expect(ok.issues).toEqual([]);
    expect(ok.rows).toEqual([emptyRow(), emptyRow({ type: 'boolean', name: 'q&1', weight: '2.5', required: 'true' })]);
    expect(xlsxToRows(book('<row r="1"><c r="A1" t="e"><v>#REF!</v></c></row>')).issues[0]).toMatchObject({
      code: 'SHEET_UNREADABLE_FILE',
      message: { en: expect.stringContaining('(e)') },
    });
    expect(xlsxToRows(strToU8('type,name\n')).issues[0]).toMatchObject({
      code: 'SHEET_UNREADABLE_FILE',
      message: { en: expect.stringContaining('Not an XLSX') },
    });
    expect(xlsxToRows(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])).issues[0]).toMatchObject({
      code: 'SHEET_UNREADABLE_FILE',
    });
  });
});

describe('lintSheet', () => {
  it('puts sheet problems and lint issues on their rows', () => {
    const rows = [
      emptyRow({ type: 'page', name: 'p1', title_es: 'Página', title_en: 'Page' }),
      emptyRow({
        type: 'radiogroup',
        name: 'q1',
        page: 'p1',
        title_es: '¿A?',
        component: 'TG.AI',
        choices: 'si=Sí=1;no=No',
      }),
      emptyRow({ type: 'boolean', name: 'q2', page: 'p1', component: 'TG.XX' }),
      emptyRow({ type: 'boolean', name: 'q3', page: 'p1', component: 'TG.AI', visibleIf: '{nada} = 1' }),
    ];
    const res = lintSheet(rows, 'institution');
    expect(res.ok).toBe(false);
    const by = res.issues.map((i) => [i.row, i.question, i.code]);
    expect(by).toEqual(
      expect.arrayContaining([
        [1, 'q1', 'Q_MISSING_SCORE'],
        [2, 'q2', 'Q_INVALID_COMPONENT'],
        [3, 'q3', 'Q_UNKNOWN_REFERENCE'],
      ]),
    );
    expect(res.issues.every((i) => i.message.es && i.message.en)).toBe(true);

    const sheet = lintSheet(
      [
        emptyRow({ type: 'boolean', name: 'a', weight: 'dos' }),
        emptyRow({ type: 'boolean', name: 'b', panel: 'nope' }),
      ],
      'institution',
    );
    expect(sheet.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [0, 'SHEET_BAD_NUMBER', 'weight'],
      [1, 'SHEET_UNKNOWN_PANEL', 'panel'],
    ]);
  });

  it('builds a small instrument from scratch', () => {
    const rows = [
      emptyRow({ type: 'survey', title_es: 'Prueba', title_en: 'Test' }),
      emptyRow({
        type: 'boolean',
        name: 'portal',
        title_es: '¿Tiene portal?',
        title_en: 'Has a portal?',
        component: 'TG.TR',
        verifiable: 'sí',
        required: 'true',
      }),
      emptyRow({
        type: 'text',
        name: 'portal_url',
        inputType: 'url',
        evidence: 'portal',
        visibleIf: '{portal} = true',
        title_es: 'Dirección',
      }),
    ];
    const res = lintSheet(rows, 'institution');
    expect(res.issues).toEqual([]);
    expect(res.definition).toEqual({
      title: { default: 'Prueba', en: 'Test' },
      pages: [
        {
          name: 'page1',
          elements: [
            {
              type: 'boolean',
              name: 'portal',
              title: { default: '¿Tiene portal?', en: 'Has a portal?' },
              component: 'TG.TR',
              verifiable: true,
              isRequired: true,
            },
            {
              type: 'text',
              name: 'portal_url',
              title: 'Dirección',
              visibleIf: '{portal} = true',
              evidenceFor: 'portal',
              inputType: 'url',
            },
          ],
        },
      ],
    });
    expect(compileScoring(res.definition).score({ portal: true })).toMatchObject([
      { name: 'portal', component: 'TG.TR', score: 1 },
    ]);
  });
});
