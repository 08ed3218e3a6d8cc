import { LintCode } from './issues';
import { LINT_LIMITS, lintQuestionnaire } from './lint';
import type { QuestionnaireKind } from './types';

type Json = Record<string, unknown>;
const page = (...elements: Json[]): Json => ({ pages: [{ name: 'p1', elements }] });
const yesNo = (name: string, extra: Json = {}): Json => ({ type: 'boolean', name, component: 'TG.AI', ...extra });
const radio = (name: string, choices: unknown[], extra: Json = {}): Json => ({
  type: 'radiogroup',
  name,
  component: 'TG.TR',
  choices,
  ...extra,
});

/** [title, input, expected code, kind (default institution), expected question] */
const cases: Array<[string, unknown, string, QuestionnaireKind?, string?]> = [
  ['malformed JSON text', '{"pages": [}', LintCode.MALFORMED_JSON],
  ['oversize text', ' '.repeat(LINT_LIMITS.maxBytes + 1), LintCode.TOO_LARGE],
  [
    'too deeply nested JSON',
    page(yesNo('a', { description: JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown })),
    LintCode.TOO_DEEP,
  ],
  [
    'more than 500 questions',
    page(...Array.from({ length: 501 }, (_, i) => ({ type: 'text', name: `q${i}` }))),
    LintCode.TOO_MANY_QUESTIONS,
  ],
  ['not an object', [], LintCode.NOT_OBJECT],
  ['no pages', { elements: [yesNo('a')] }, LintCode.NO_PAGES],
  ['only display elements', page({ type: 'html', name: 'h', html: '<p>hola</p>' }), LintCode.NO_QUESTIONS],
  ['element without type', page({ name: 'a' }), LintCode.INVALID_ELEMENT, 'institution', 'a'],
  ['unknown question type', page({ type: 'bogus', name: 'a' }), LintCode.UNKNOWN_TYPE, 'institution', 'a'],
  [
    'SurveyJS type the server cannot validate',
    page({ type: 'matrix', name: 'm', columns: ['a'], rows: ['b'] }),
    LintCode.UNSUPPORTED_TYPE,
    'institution',
    'm',
  ],
  ['valueName', page(yesNo('a', { valueName: 'b' })), LintCode.UNSUPPORTED_PROPERTY, 'institution', 'a'],
  [
    'value-changing trigger',
    {
      ...page(yesNo('a')),
      triggers: [{ type: 'setvalue', expression: '{a} = true', setToName: 'a', setValue: false }],
    },
    LintCode.UNSUPPORTED_PROPERTY,
  ],
  [
    'typo in a property name',
    page(yesNo('a'), { type: 'text', name: 'b', visibelIf: '{a} = true' }),
    LintCode.UNKNOWN_PROPERTY,
    'institution',
    'b',
  ],
  [
    'validator of unknown type',
    page(yesNo('a'), { type: 'text', name: 'b', validators: [{ type: 'bogus' }] }),
    LintCode.SURVEYJS_ERROR,
  ],
  ['question without name', page({ type: 'text', title: 'x' }), LintCode.MISSING_NAME],
  [
    'prototype-polluting name',
    page({ type: 'text', name: '__proto__' }),
    LintCode.FORBIDDEN_NAME,
    'institution',
    '__proto__',
  ],
  [
    'prototype-polluting key anywhere',
    '{"pages":[{"name":"p","elements":[{"type":"text","name":"a","__proto__":{"x":1}}]}]}',
    LintCode.FORBIDDEN_NAME,
  ],
  ['duplicate names (case-insensitive)', page(yesNo('a'), yesNo('A')), LintCode.DUPLICATE_NAME, 'institution', 'A'],
  ['malformed choice', page(radio('r', [{ text: 'sin valor' }])), LintCode.INVALID_CHOICE, 'institution', 'r'],
  [
    'duplicate choice',
    page(
      radio('r', [
        { value: 'x', score: 1 },
        { value: 'x', score: 0 },
      ]),
    ),
    LintCode.DUPLICATE_CHOICE,
    'institution',
    'r',
  ],
  [
    'scoring metadata without component',
    page({ type: 'boolean', name: 'a', weight: 2 }),
    LintCode.MISSING_COMPONENT,
    'institution',
    'a',
  ],
  [
    'choice scores without component',
    page({ type: 'radiogroup', name: 'r', choices: [{ value: 'x', score: 1 }] }),
    LintCode.MISSING_COMPONENT,
    'institution',
    'r',
  ],
  [
    'citizen component in a self-report',
    page(yesNo('a', { component: 'TC.Disp' })),
    LintCode.INVALID_COMPONENT,
    'institution',
    'a',
  ],
  ['government component in a citizen report', page(yesNo('a')), LintCode.INVALID_COMPONENT, 'citizen', 'a'],
  [
    'scored free text',
    page({ type: 'comment', name: 'c', component: 'TG.AI' }),
    LintCode.UNSCORABLE_TYPE,
    'institution',
    'c',
  ],
  [
    'choice without score',
    page(radio('r', [{ value: 'x', score: 1 }, 'y'])),
    LintCode.MISSING_SCORE,
    'institution',
    'r',
  ],
  [
    'numeric without scoreRange',
    page({ type: 'text', inputType: 'number', name: 'n', component: 'TG.DA' }),
    LintCode.MISSING_SCORE,
    'institution',
    'n',
  ],
  ['score above 1', page(radio('r', [{ value: 'x', score: 1.5 }])), LintCode.BAD_SCORE, 'institution', 'r'],
  [
    'score on a not-applicable choice',
    page(radio('r', [{ value: 'x', score: 0, notApplicable: true }])),
    LintCode.BAD_SCORE,
    'institution',
    'r',
  ],
  [
    'degenerate scoreRange',
    page({ type: 'text', inputType: 'number', name: 'n', component: 'TG.DA', scoreRange: [5, 5] }),
    LintCode.BAD_SCORE_RANGE,
    'institution',
    'n',
  ],
  ['zero weight', page(yesNo('a', { weight: 0 })), LintCode.BAD_WEIGHT, 'institution', 'a'],
  ['non-boolean verifiable', page(yesNo('a', { verifiable: 'yes' })), LintCode.BAD_PROPERTY, 'institution', 'a'],
  [
    '"None" item on a scored question',
    page(radio('r', [{ value: 'x', score: 1 }], { showNoneItem: true })),
    LintCode.SPECIAL_ITEM_ON_SCORED,
    'institution',
    'r',
  ],
  [
    'verifiable claim in a citizen report',
    page(yesNo('a', { component: 'TC.Disp', verifiable: true })),
    LintCode.VERIFIABLE_NOT_ALLOWED,
    'citizen',
    'a',
  ],
  [
    'broken visibleIf',
    page(yesNo('a'), { type: 'text', name: 'b', visibleIf: '{a} = ' }),
    LintCode.BAD_EXPRESSION,
    'institution',
    'b',
  ],
  [
    'broken validator expression',
    page(yesNo('a'), { type: 'text', name: 'b', validators: [{ type: 'expression', expression: '{b} >' }] }),
    LintCode.BAD_EXPRESSION,
    'institution',
    'b',
  ],
  [
    'expression naming an unknown question',
    page(yesNo('a'), { type: 'text', name: 'b', enableIf: '{nope} = true' }),
    LintCode.UNKNOWN_REFERENCE,
    'institution',
    'b',
  ],
  [
    'expression calling an unknown function',
    page(yesNo('a'), { type: 'text', name: 'b', requiredIf: 'foo({a})' }),
    LintCode.UNKNOWN_FUNCTION,
    'institution',
    'b',
  ],
  [
    'evidenceFor pointing nowhere',
    page(yesNo('a', { verifiable: true }), { type: 'text', inputType: 'url', name: 'e', evidenceFor: 'zzz' }),
    LintCode.BAD_EVIDENCE_FOR,
    'institution',
    'e',
  ],
  [
    'scoreIfHidden above 1',
    page(yesNo('a'), yesNo('b', { visibleIf: '{a} = true', scoreIfHidden: 2 })),
    LintCode.BAD_SCORE_IF_HIDDEN,
    'institution',
    'b',
  ],
  [
    'scoreIfHidden that is not a number',
    page(yesNo('a'), yesNo('b', { visibleIf: '{a} = true', scoreIfHidden: '0' })),
    LintCode.BAD_SCORE_IF_HIDDEN,
    'institution',
    'b',
  ],
  [
    'scoreIfHidden without visibleIf',
    page(yesNo('a', { scoreIfHidden: 0 })),
    LintCode.SCORE_IF_HIDDEN_WITHOUT_GATE,
    'institution',
    'a',
  ],
  [
    'scoreIfHidden gated by an unscored question',
    page({ type: 'text', name: 't' }, yesNo('b', { visibleIf: "{t} = 'x'", scoreIfHidden: 0 })),
    LintCode.SCORE_IF_HIDDEN_WITHOUT_GATE,
    'institution',
    'b',
  ],
  [
    'evidenceFor a non-verifiable question',
    page(yesNo('a'), { type: 'text', inputType: 'url', name: 'e', evidenceFor: 'a' }),
    LintCode.BAD_EVIDENCE_FOR,
    'institution',
    'e',
  ],
];

describe('lintQuestionnaire rejects', () => {
  it.each(cases)('%s', (_title, input, code, kind = 'institution', question) => {
    const res = lintQuestionnaire(input, kind);
    expect(res.ok).toBe(false);
    const found = res.errors.find((e) => e.code === code);
    expect(found).toBeDefined();
    if (question !== undefined) expect(found?.question).toBe(question);
    expect(found?.message.es).toBeTruthy();
    expect(found?.message.en).toBeTruthy();
    expect(found?.message.es).not.toBe(found?.message.en);
  });

  it('covers every lint code', () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(Object.values(LintCode)));
  });
});

describe('lintQuestionnaire details', () => {
  it('gives line, column and offset of a JSON syntax error', () => {
    const res = lintQuestionnaire('{\n  "pages": [1,,2]\n}', 'institution');
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]?.at).toEqual({ offset: 16, line: 2, column: 15 });
    expect(res.errors[0]?.message.en).toContain('line 2, column 15');
  });

  it('reports a broken expression with its question, property and path', () => {
    const res = lintQuestionnaire(page(yesNo('a'), { type: 'text', name: 'b', visibleIf: '{a} = ' }), 'institution');
    expect(res.errors).toEqual([
      expect.objectContaining({ code: 'Q_BAD_EXPRESSION', question: 'b', path: '$.pages[0].elements[1].visibleIf' }),
    ]);
    expect(res.errors[0]?.message.en).toMatch(/question "b", property visibleIf/);
  });

  it('accepts a minimal valid questionnaire with a not-applicable choice and {item} filters', () => {
    const json = page(
      radio(
        'r',
        [
          { value: 'x', score: 1 },
          { value: 'na', notApplicable: true },
        ],
        { choicesVisibleIf: "{item} != 'na' or {a} = true" },
      ),
      yesNo('a'),
    );
    expect(lintQuestionnaire(json, 'institution')).toEqual({ ok: true, errors: [] });
  });

  it('accepts scoreIfHidden behind a scored gate, also chained and case-insensitive', () => {
    const json = page(
      yesNo('a'),
      yesNo('b', { visibleIf: '{A} = true', scoreIfHidden: 0 }),
      yesNo('c', { visibleIf: '{b} = true and {a} = true', scoreIfHidden: 0.25 }),
    );
    expect(lintQuestionnaire(json, 'institution')).toEqual({ ok: true, errors: [] });
  });

  it('reports scoreIfHidden on an unscored question as missing component and gives the property path', () => {
    const res = lintQuestionnaire(
      page(yesNo('a'), { type: 'boolean', name: 'b', visibleIf: '{a} = true', scoreIfHidden: 0 }),
      'institution',
    );
    expect(res.errors.map((e) => e.code)).toEqual(['Q_MISSING_COMPONENT']);
    const gate = lintQuestionnaire(page(yesNo('a', { scoreIfHidden: 0 })), 'institution');
    expect(gate.errors).toEqual([
      expect.objectContaining({ code: 'Q_SCORE_IF_HIDDEN_WITHOUT_GATE', path: '$.pages[0].elements[0].scoreIfHidden' }),
    ]);
  });

  it('throws on an unknown kind (a programming error, not bad input)', () => {
    expect(() => lintQuestionnaire(page(yesNo('a')), 'other' as QuestionnaireKind)).toThrow(RangeError);
  });
});
