import { INSTITUTION_V1_ANSWERS } from '../../../libs/questionnaire/fixtures/sample-answers';

/** A complete self-report that differs between institutions, so results are not all equal. */
export function answersFor(i: number): Record<string, unknown> {
  return {
    ...INSTITUTION_V1_ANSWERS,
    tr_obligaciones_pct: (i * 37) % 101,
    seg_cumplidos_pct: (i * 53) % 101,
    tr_portal: i % 3 !== 0,
    fun_sesiones: i % 6,
  };
}
