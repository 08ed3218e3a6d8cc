/**
 * The worked example of docs/method.md, computed with @apertura/metric (the library the worker runs).
 * `node -r ./test/support/swc-register.js scripts/method-example.ts` prints the two tables the
 * document quotes (Spanish, then English); libs/metric/src/method-doc.spec.ts checks the document
 * still says what this prints. Kept small on purpose: if the library's API changes, fix it here.
 */
import { aggregateArea, computeInstitution, Estimate, InstitutionInput, ScoredAnswer } from '@apertura/metric';

const a = (name: string, component: string, score: number, verifiable = false): ScoredAnswer => ({
  name,
  component,
  score,
  verifiable,
  weight: 1,
});

/** One citizen's attempt: request answered or not (Clar/Comp/Cel are gated failures when it was not). */
const report = (id: string, tc: [number, number, number, number], pc: [number, number, number, number]) => ({
  reportId: id,
  validatorId: `v-${id}`,
  answers: [
    a('disp', 'TC.Disp', tc[0]),
    a('clar', 'TC.Clar', tc[1]),
    a('comp', 'TC.Comp', tc[2]),
    a('cel_t', 'TC.Cel', tc[3]),
    a('met', 'PC.Met', pc[0]),
    a('recep', 'PC.Recep', pc[1]),
    a('act', 'PC.Act', pc[2]),
    a('cel_p', 'PC.Cel', pc[3]),
  ],
});

/** Ayuntamiento A: a self-report with two verifiable claims (one confirmed, one refuted) and 3 citizen reports. */
export const INSTITUTION_A: InstitutionInput = {
  institutionId: 'A',
  selfReport: [
    a('unidad_transparencia', 'TG.AI', 1, true),
    a('estadisticas', 'TG.AI', 0.5),
    a('obligaciones', 'TG.TR', 1),
    a('proactiva', 'TG.TP', 0.5),
    a('datos_abiertos', 'TG.DA', 0),
    a('mecanismos', 'PG.Mec', 1),
    a('actores', 'PG.Act', 0.5),
    a('sesiones', 'PG.Fun', 1),
    a('forma', 'PG.Form', 0.5),
    a('seguimiento', 'PG.Seg', 1, true),
  ],
  // unidad_transparencia: confirmed twice; seguimiento: refuted, the refutation final (not disputed in time).
  verifications: { unidad_transparencia: { confirmed: 2, refuted: 0 }, seguimiento: { confirmed: 0, refuted: 1 } },
  citizenReports: [
    report('1', [1, 1, 1, 0.75], [1, 1, 1, 0.5]),
    report('2', [1, 0.5, 0.5, 0.5], [1, 1, 0, 0]),
    // No answer came: clarity, completeness and timeliness are measured failures (0), not missing.
    report('3', [0, 0, 0, 0], [1, 0, 0, 0]),
  ],
};

const f3 = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(3));
const range = (e: Estimate | null): string => (e === null ? '—' : `[${f3(e.lo)}, ${f3(e.hi)}]`);

export interface ExampleLine {
  key: string;
  es: string;
  en: string;
  value: string;
}

/** Every number the document quotes, by key, formatted as the document writes it. */
export function methodExample(): ExampleLine[] {
  const A = computeInstitution(INSTITUTION_A);
  const v = A.values;
  // Three more institutions of the same municipality, N = 4: B with 2 citizen reports, C and D with none.
  const B = computeInstitution({
    ...INSTITUTION_A,
    institutionId: 'B',
    verifications: {},
    citizenReports: [report('4', [1, 1, 1, 1], [1, 1, 1, 1]), report('5', [1, 0.75, 1, 0.75], [1, 1, 0.5, 0.5])],
  });
  const C = computeInstitution({ ...INSTITUTION_A, institutionId: 'C', verifications: {}, citizenReports: [] });
  const member = (r: typeof A) => ({
    institutionId: r.institutionId,
    municipality: '15106',
    value: r.values.I,
    validators: r.validators,
    hasCitizenData: r.values.I !== null,
    selfReported: r.selfReported,
    verified: r.verified,
  });
  const D = computeInstitution({ ...INSTITUTION_A, institutionId: 'D', verifications: {}, citizenReports: [] });
  const area = aggregateArea([member(A), member(B), member(C), member(D)], {
    scope: 'municipality',
    scopeKey: '15106',
    indicator: 'I',
    universe: 4,
    municipalitiesInUniverse: null,
  });
  const line = (key: string, es: string, en: string, value: string): ExampleLine => ({ key, es, en, value });
  return [
    line('A.TG', 'TG de A (autodiagnóstico validado)', "A's TG (validated self-report)", f3(v.TG?.estimate)),
    line('A.PG', 'PG de A (la afirmación refutada vale 0)', "A's PG (the refuted claim scores 0)", f3(v.PG?.estimate)),
    line('A.PG_raw', 'PG de A tal como se declaró', "A's PG as self-reported", f3(v.PG_raw?.estimate)),
    line(
      'A.DELTA_G',
      'ΔG de A (inflación del autodiagnóstico)',
      "A's ΔG (self-report inflation)",
      f3(v.DELTA_G?.estimate),
    ),
    line('A.TC', 'TC de A (3 reportes)', "A's TC (3 reports)", f3(v.TC?.estimate)),
    line('A.PC', 'PC de A (3 reportes)', "A's PC (3 reports)", f3(v.PC?.estimate)),
    line('A.I', 'I de A', "A's I", f3(v.I?.estimate)),
    line('A.I.se', 'Error estándar de I de A', "Standard error of A's I", f3(v.I?.se)),
    line('A.I.interval', 'Intervalo al 95 % de I de A', "95 % interval of A's I", range(v.I)),
    line('A.I.status', 'Estado de I de A', "Status of A's I", v.I?.status ?? '—'),
    line('A.I.reasons', 'Razones', 'Reasons', (v.I?.reasons ?? []).join(', ')),
    line(
      'A.I.needed',
      'Reportes adicionales necesarios para A',
      'Additional reports A needs',
      String(v.I?.needed ?? '—'),
    ),
    line('B.I', 'I de B (2 reportes)', "B's I (2 reports)", f3(B.values.I?.estimate)),
    line('C.I_G', 'I_G de C (sin reportes ciudadanos)', "C's I_G (no citizen reports)", f3(C.values.I_G?.estimate)),
    line('C.I_G.status', 'Estado de I_G de C', "Status of C's I_G", C.values.I_G?.status ?? '—'),
    line('M.I', 'I del municipio (media de A y B)', "The municipality's I (mean of A and B)", f3(area.estimate)),
    line(
      'M.I.interval',
      'Intervalo al 95 % del municipio',
      "The municipality's 95 % interval",
      area.lo === null ? '—' : `[${f3(area.lo)}, ${f3(area.hi)}]`,
    ),
    line('M.I.status', 'Estado del municipio', "The municipality's status", area.status),
    line('M.I.reasons', 'Razones', 'Reasons', area.reasons.join(', ')),
    line('M.validated_share', 'Proporción validada', 'Validated share', f3(area.validatedShare)),
    line(
      'M.needed_subjects',
      'Sujetos adicionales con datos ciudadanos',
      'Additional subjects with citizen data',
      String(area.neededSubjects ?? '—'),
    ),
    line(
      'M.needed_reports',
      'Reportes adicionales además de esos',
      'Additional reports beyond those',
      String(area.neededReports ?? '—'),
    ),
    line('M.needed', 'Reportes adicionales en total', 'Additional reports in all', String(area.needed ?? '—')),
  ];
}

/** The table lines the document quotes, one language at a time. */
export function exampleTable(lang: 'es' | 'en'): string[] {
  return methodExample().map((l) => `| ${lang === 'es' ? l.es : l.en} | ${l.value} |`);
}

if (require.main === module) {
  for (const lang of ['es', 'en'] as const) {
    console.log(lang === 'es' ? '| cantidad | valor |' : '| quantity | value |');
    console.log('| --- | --- |');
    for (const l of exampleTable(lang)) console.log(l);
    console.log('');
  }
}
