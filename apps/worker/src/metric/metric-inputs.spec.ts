import { scoreAnswers } from '@apertura/metric';
import type { ItemSpec } from '@apertura/metric';
import { evidenceFilesOf, InputCollector, QuestionnaireScoring } from './metric-inputs';

const INSTITUTION_ITEMS: ItemSpec[] = [
  { name: 'ai_unidad', component: 'TG.AI', weight: 1, verifiable: true, scoring: { kind: 'boolean' } },
  { name: 'tr_pct', component: 'TG.TR', weight: 2, verifiable: false, scoring: { kind: 'range', min: 0, max: 100 } },
];
const INSTITUTION: QuestionnaireScoring = {
  items: INSTITUTION_ITEMS,
  evidence: [{ item: 'ai_unidad', question: 'ai_unidad_evidencia' }],
  score: (data) => scoreAnswers(INSTITUTION_ITEMS, data),
};
const CITIZEN_ITEMS: ItemSpec[] = [
  {
    name: 'tc_respuesta',
    component: 'TC.Disp',
    weight: 1,
    verifiable: false,
    scoring: { kind: 'choices', scores: { si: 1, no: 0, en_plazo: null } },
  },
];
const CITIZEN: QuestionnaireScoring = {
  items: CITIZEN_ITEMS,
  evidence: [],
  score: (data) => scoreAnswers(CITIZEN_ITEMS, data),
};
const scoring = (id: string): QuestionnaireScoring => (id === 'qi' ? INSTITUTION : CITIZEN);

describe('InputCollector', () => {
  it('scores the submission, reports and verdict counts of each institution', () => {
    const c = new InputCollector(scoring);
    c.addResponse({
      id: 'resp',
      institutionId: 'A',
      questionnaireId: 'qi',
      version: 3,
      submittedAt: '2025-01-02T03:04:05.000Z',
      submitted: { ai_unidad: true, tr_pct: 50, ai_unidad_evidencia: 'https://a.example/ut' },
    });
    c.addEvidence({
      responseId: 'resp',
      evidence: [
        { id: 'f2', filename: 'b.pdf', mimeType: 'application/pdf', size: 9, sha256: 'x', questionName: 'ai_unidad' },
        { bogus: true },
      ],
    });
    c.addEvidence({ responseId: 'unknown', evidence: [{ id: 'f9', filename: 'z.pdf' }] });
    c.addVerdictCounts({ institutionId: 'A', questionName: 'ai_unidad', confirmed: 2, refuted: 1, unverifiable: 4 });
    c.addReport({
      id: 'r2',
      institutionId: 'A',
      validatorId: 'v2',
      questionnaireId: 'qc',
      data: { tc_respuesta: 'no' },
    });
    c.addReport({
      id: 'r1',
      institutionId: 'A',
      validatorId: 'v1',
      questionnaireId: 'qc',
      data: { tc_respuesta: 'en_plazo' },
    });
    c.addValidatorCount({ institutionId: 'A', validators: 3 });

    const { input, provenance } = c.institution('A');
    expect(input).toEqual({
      institutionId: 'A',
      selfReport: [
        { name: 'ai_unidad', component: 'TG.AI', weight: 1, verifiable: true, score: 1 },
        { name: 'tr_pct', component: 'TG.TR', weight: 2, verifiable: false, score: 0.5 },
      ],
      verifications: { ai_unidad: { confirmed: 2, refuted: 1 } },
      citizenReports: [
        {
          reportId: 'r2',
          validatorId: 'v2',
          answers: [{ name: 'tc_respuesta', component: 'TC.Disp', weight: 1, verifiable: false, score: 0 }],
        },
        // "en_plazo" is not applicable: no answer, never a silent 0.
        { reportId: 'r1', validatorId: 'v1', answers: [] },
      ],
    });
    expect(provenance).toEqual({
      selfReport: { responseId: 'resp', version: 3, submittedAt: '2025-01-02T03:04:05.000Z', questionnaireId: 'qi' },
      evidenceFiles: [
        { id: 'f2', questionName: 'ai_unidad', filename: 'b.pdf', mimeType: 'application/pdf', size: 9, sha256: 'x' },
      ],
      verdicts: { confirmed: 2, refuted: 1, unverifiable: 4 },
      citizenReports: 2,
      citizenQuestionnaireIds: ['qc'],
      validators: 3,
    });
  });

  it('reads stored scores exactly as it scores the JSON, and records only what it scored from JSON', () => {
    const submitted = { ai_unidad: true, tr_pct: 50, ai_unidad_evidencia: 'https://a.example/ut' };
    const head = { id: 'resp', institutionId: 'A', questionnaireId: 'qi', version: 2, submittedAt: null };
    const report = { id: 'r1', institutionId: 'A', validatorId: 'v1', questionnaireId: 'qc' };
    const fromJson = new InputCollector(scoring);
    fromJson.addResponse({ ...head, submitted, digest: 'd1' });
    fromJson.addReport({ ...report, data: { tc_respuesta: 'si' }, digest: 'd2' });
    const fresh = fromJson.takeFreshlyScored();
    expect(fresh.map((f) => [f.kind, f.sourceId, f.digest, f.answers.length])).toEqual([
      ['response', 'resp', 'd1', 2],
      ['citizen_report', 'r1', 'd2', 1],
    ]);
    // The evidence URLs are stored with the scores (scored_source), not carried in the provenance.
    expect(fresh[0].evidenceUrls).toEqual([
      { item: 'ai_unidad', question: 'ai_unidad_evidencia', url: 'https://a.example/ut' },
    ]);
    expect(fromJson.takeFreshlyScored()).toEqual([]);

    const fromColumns = new InputCollector(scoring);
    fromColumns.addResponse({ ...head, stored: { answers: '0:1 1:0.5' } });
    fromColumns.addReport({ ...report, stored: { answers: '0:1' } });
    expect(fromColumns.takeFreshlyScored()).toEqual([]);
    expect(fromColumns.institution('A')).toEqual(fromJson.institution('A'));
  });

  it('forgets a released institution (a full rebuild frees its inputs once computed)', () => {
    const c = new InputCollector(scoring);
    c.addResponse({
      id: 'resp',
      institutionId: 'A',
      questionnaireId: 'qi',
      version: 1,
      submittedAt: null,
      submitted: { ai_unidad: true },
    });
    expect(c.institution('A').input.selfReport).toHaveLength(1);
    c.release('A');
    expect(c.institution('A').input).toEqual({
      institutionId: 'A',
      selfReport: null,
      verifications: {},
      citizenReports: [],
    });
  });

  it('gives an institution without any input an empty input', () => {
    const { input, provenance } = new InputCollector(scoring).institution('B');
    expect(input).toEqual({ institutionId: 'B', selfReport: null, verifications: {}, citizenReports: [] });
    expect(provenance).toMatchObject({ selfReport: null, evidenceFiles: [], citizenReports: 0, validators: 0 });
  });
});

describe('evidenceFilesOf', () => {
  it('keeps well-formed entries, sorted by id', () => {
    expect(evidenceFilesOf([{ id: 'b', filename: 'b' }, { id: 'a', filename: 'a', size: 3 }, 5, null])).toEqual([
      { id: 'a', questionName: null, filename: 'a', mimeType: 'application/octet-stream', size: 3, sha256: '' },
      { id: 'b', questionName: null, filename: 'b', mimeType: 'application/octet-stream', size: 0, sha256: '' },
    ]);
    expect(evidenceFilesOf({})).toEqual([]);
  });
});
