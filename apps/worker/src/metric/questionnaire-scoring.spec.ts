import { CITIZEN_V1, CITIZEN_V2, INSTITUTION_V1 } from '@apertura/questionnaire';
import { PermanentMetricError } from './metric-errors';
import { InputCollector } from './metric-inputs';
import { scoringOf } from './questionnaire-scoring';

/** As read back from a jsonb column: same content, keys in another order. */
const stored = (json: unknown): unknown =>
  JSON.parse(JSON.stringify(json), (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
  );

const noAnswer = { tipo_gestion: ['solicitud', 'propuesta'], folio: 'ABC-123', tc_respuesta: 'no', pc_medio: 'no' };

describe('scoringOf', () => {
  it("scores version-1 citizen reports with version 2's map (METHOD.md §8)", () => {
    const v1 = scoringOf('q1', stored(CITIZEN_V1));
    const v2 = scoringOf('q2', CITIZEN_V2);
    const byName = Object.fromEntries(v1.score(noAnswer).map((a) => [a.name, a.score]));
    expect(byName).toEqual({
      tc_respuesta: 0,
      tc_claridad: 0,
      tc_completitud: 0,
      tc_dias: 0,
      pc_medio: 0,
      pc_acuse: 0,
      pc_respuesta: 0,
      pc_dias: 0,
    });
    expect(v1.score(noAnswer)).toEqual(v2.score(noAnswer));
    expect(v1.items).toEqual(v2.items);
  });

  it('a pending request ("not yet") gives the report no TC component', () => {
    const s = scoringOf('q1', CITIZEN_V1);
    const c = new InputCollector(() => s);
    c.addReport({
      id: 'r1',
      institutionId: 'A',
      validatorId: 'v1',
      questionnaireId: 'q1',
      data: { tipo_gestion: ['solicitud'], folio: 'ABC-123', tc_respuesta: 'en_plazo' },
    });
    c.addReport({
      id: 'r2',
      institutionId: 'A',
      validatorId: 'v2',
      questionnaireId: 'q1',
      data: { tipo_gestion: ['solicitud'], folio: 'ABC-124', tc_respuesta: 'no' },
    });
    const reports = c.institution('A').input.citizenReports;
    expect(reports.map((r) => r.answers.length)).toEqual([0, 4]);
  });

  it('keeps the institution evidence questions and scores stored answers as they stand', () => {
    const s = scoringOf('qi', INSTITUTION_V1);
    expect(s.evidence.length).toBeGreaterThan(0);
    expect(s.score({ ai_unidad: true }).map((a) => a.name)).toEqual(['ai_unidad']);
    // Validated data never holds answers of hidden questions; the worker does not second-guess it.
    expect(s.score({ mec_existe: false, seg_respuesta: true }).map((a) => a.name)).toEqual([
      'mec_existe',
      'seg_respuesta',
    ]);
  });

  it('a broken definition is a permanent error', () => {
    expect(() => scoringOf('bad', { pages: [] })).toThrow(PermanentMetricError);
  });
});
