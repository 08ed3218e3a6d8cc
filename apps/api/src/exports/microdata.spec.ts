import { INSTITUTION_V1, CITIZEN_V2 } from '@apertura/questionnaire';
import {
  answerCells,
  CODEBOOK_COLUMNS,
  codebookRows,
  FIXED_COLUMNS,
  microdataLayout,
  parseMicrodataFile,
  variableColumns,
} from './microdata';

const layout = microdataLayout([
  { kind: 'institution', version: 1, definition: INSTITUTION_V1 },
  { kind: 'citizen', version: 2, definition: CITIZEN_V2 },
]);

describe('microdata layout', () => {
  it('answers: the institution keys, then one column per questionnaire item; verdicts have fixed columns only', () => {
    expect(layout.columns.answers.slice(0, FIXED_COLUMNS.answers.length)).toEqual(
      FIXED_COLUMNS.answers.map((c) => c.name),
    );
    expect(layout.columns.answers).toContain('ai_estadisticas');
    expect(new Set(layout.columns.answers).size).toBe(layout.columns.answers.length);
    expect(layout.columns.verdicts).toEqual(FIXED_COLUMNS.verdicts.map((c) => c.name));
    expect(layout.columns.citizen_reports).toContain('validator');
  });

  it('a question named like a fixed column gets a q_ prefix instead of overwriting it', () => {
    const vars = variableColumns('answers', [
      {
        name: 'institution_id',
        title: { es: 'x', en: 'x' },
        type: 'text',
        multiple: false,
        component: null,
        weight: null,
        verifiable: false,
        scoring: null,
        choices: [],
        versions: [1],
        changedAcrossVersions: false,
      },
    ]);
    expect(vars.map((v) => v.column)).toEqual(['q_institution_id']);
    expect(answerCells({ institution_id: 'answer' }, vars)).toEqual({ q_institution_id: 'answer' });
  });

  it('codebook rows: every fixed column and every variable of each dataset, choices with values and scores, only known columns', () => {
    const rows = codebookRows(layout);
    for (const r of rows) for (const k of Object.keys(r)) expect(CODEBOOK_COLUMNS).toContain(k);
    const answersVars = rows.filter((r) => r.dataset === 'answers' && r.row_kind !== 'choice').map((r) => r.variable);
    expect(answersVars).toEqual(layout.columns.answers);
    const choice = rows.find(
      (r) => r.dataset === 'answers' && r.variable === 'ai_estadisticas' && r.row_kind === 'choice',
    );
    expect(choice).toMatchObject({ title_es: expect.any(String), versions: '1' });
    expect(typeof choice?.choice_score === 'number' || choice?.not_applicable === true).toBe(true);
  });

  it('file names: datasets as CSV, the workbook, the codebook; anything else is unknown', () => {
    expect(parseMicrodataFile('answers.csv')).toEqual({ kind: 'dataset', dataset: 'answers' });
    expect(parseMicrodataFile('microdata.xlsx')).toEqual({ kind: 'workbook' });
    expect(parseMicrodataFile('codebook.csv')).toEqual({ kind: 'codebook' });
    for (const bad of ['answers.json', '../answers.csv', 'answers.csv.exe', 'verdicts.xlsx', ''])
      expect(parseMicrodataFile(bad)).toBeNull();
  });
});
