import fc from 'fast-check';
import { answerCell, buildCodebook } from './codebook';
import { CITIZEN_V2, INSTITUTION_V1 } from './instruments';
import { questionTitles } from './titles';

const v1 = {
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'boolean',
          name: 'tiene_portal',
          title: { default: '¿Tiene portal?', en: 'Has a portal?' },
          component: 'TG',
          verifiable: true,
        },
        {
          type: 'radiogroup',
          name: 'frecuencia',
          title: 'Frecuencia',
          component: 'TG',
          choices: [
            { value: 'mensual', text: { default: 'Mensual', en: 'Monthly' }, score: 1 },
            { value: 'nunca', text: 'Nunca', score: 0 },
            { value: 'na', text: 'No aplica', notApplicable: true },
          ],
        },
        { type: 'text', name: 'personal', inputType: 'number', title: 'Personal' },
      ],
    },
  ],
};

const v2 = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'nuevo_primero', title: 'Nuevo' },
        {
          type: 'boolean',
          name: 'tiene_portal',
          title: { default: '¿Tiene portal web?', en: 'Has a website?' },
          component: 'TG',
          verifiable: true,
        },
        { type: 'checkbox', name: 'canales', title: 'Canales', choices: ['correo|Correo', 'tel|Teléfono'] },
        { type: 'text', name: 'personal', inputType: 'number', title: 'Personal' },
      ],
    },
  ],
};

describe('buildCodebook', () => {
  it('lists every question of every version once, newest titles, with the versions that have it', () => {
    const book = buildCodebook([
      { version: 2, definition: v2 },
      { version: 1, definition: v1 },
    ]);
    expect(book.map((v) => [v.name, v.versions, v.changedAcrossVersions])).toEqual([
      ['nuevo_primero', [2], false],
      ['tiene_portal', [1, 2], true],
      ['frecuencia', [1], false],
      ['canales', [2], false],
      ['personal', [1, 2], false],
    ]);
    const portal = book[1];
    expect(portal).toMatchObject({
      title: { es: '¿Tiene portal web?', en: 'Has a website?' },
      type: 'boolean',
      component: 'TG',
      verifiable: true,
      scoring: 'true=1, false=0',
    });
    expect(portal.choices).toEqual([
      { value: true, label: { es: 'Sí', en: 'Yes' }, score: 1, notApplicable: false },
      { value: false, label: { es: 'No', en: 'No' }, score: 0, notApplicable: false },
    ]);
    expect(book.find((v) => v.name === 'frecuencia')?.choices).toEqual([
      { value: 'mensual', label: { es: 'Mensual', en: 'Monthly' }, score: 1, notApplicable: false },
      { value: 'nunca', label: { es: 'Nunca', en: 'Nunca' }, score: 0, notApplicable: false },
      { value: 'na', label: { es: 'No aplica', en: 'No aplica' }, score: null, notApplicable: true },
    ]);
    expect(book.find((v) => v.name === 'canales')).toMatchObject({
      multiple: true,
      component: null,
      scoring: null,
      choices: [
        { value: 'correo', label: { es: 'Correo', en: 'Correo' }, score: null },
        { value: 'tel', label: { es: 'Teléfono', en: 'Teléfono' }, score: null },
      ],
    });
    expect(book.find((v) => v.name === 'personal')?.type).toBe('text:number');
  });

  it('the default instruments: one variable per question, titles as questionTitles gives them, scored choices carry scores', () => {
    for (const def of [INSTITUTION_V1, CITIZEN_V2]) {
      const book = buildCodebook([{ version: 1, definition: def }]);
      const titles = questionTitles(def);
      expect(book.map((v) => v.name)).toEqual([...titles.keys()]);
      for (const v of book) expect(v.title).toEqual(titles.get(v.name));
      for (const v of book.filter((x) => x.component !== null && x.choices.length > 0)) {
        expect(v.choices.every((c) => c.notApplicable || typeof c.score === 'number')).toBe(true);
      }
    }
  });

  it('property: whatever the versions, names are unique and each lists only versions that contain it', () => {
    const names = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 4 }), (versions) => {
        const sources = versions.map((ns, i) => ({
          version: i + 1,
          definition: { pages: [{ name: 'p', elements: ns.map((name) => ({ type: 'text', name })) }] },
        }));
        const book = buildCodebook(sources);
        expect(new Set(book.map((v) => v.name)).size).toBe(book.length);
        expect(new Set(book.map((v) => v.name))).toEqual(new Set(versions.flat()));
        for (const v of book)
          expect(v.versions).toEqual(sources.filter((s, i) => versions[i].includes(v.name)).map((s) => s.version));
        // Within the newest version, its questions keep their relative order.
        const last = versions[versions.length - 1];
        const positions = last.map((n) => book.findIndex((v) => v.name === n));
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }),
    );
  });

  it('tolerates a broken definition (no variables rather than a failed download)', () => {
    expect(buildCodebook([{ version: 1, definition: 'not json' }])).toEqual([]);
  });
});

describe('answerCell', () => {
  it('keeps numbers, text and booleans; joins multi-select values; JSON for anything else', () => {
    expect([
      answerCell(3),
      answerCell('x'),
      answerCell(false),
      answerCell(['a', 'b']),
      answerCell({ k: 1 }),
      answerCell(null),
      answerCell(undefined),
    ]).toEqual([3, 'x', false, 'a;b', '{"k":1}', null, null]);
  });
});
