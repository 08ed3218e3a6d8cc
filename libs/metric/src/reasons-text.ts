/**
 * Words for every code a reader meets beside a number (METHOD.md §9): statuses, the reasons a status
 * rule fired, indicators, sub-indices and components, in Spanish (es-MX, first) and English. One table
 * for the API, the exports and the web app (which imports this file through the
 * `@apertura/reasons-text` alias), so a reason reads the same everywhere. Pure data and functions: no
 * imports at run time, safe in the browser.
 */
import type { Status, StatusReason } from './status';

export type Lang = 'es' | 'en';

export interface Words {
  es: string;
  en: string;
}

export const STATUS_LABELS: Readonly<Record<Status, Words>> = {
  not_validated: { es: 'Sin validación ciudadana', en: 'Not validated by citizens' },
  inconclusive: { es: 'No concluyente', en: 'Inconclusive' },
  caution: { es: 'Con cautela', en: 'Use with caution' },
  conclusive: { es: 'Concluyente', en: 'Conclusive' },
};

/** What each status means, in one sentence (docs/method.md says the same at length). */
export const STATUS_MEANINGS: Readonly<Record<Status, Words>> = {
  not_validated: {
    es: 'El valor necesita datos ciudadanos que no tiene, o se apoya en autodiagnósticos que casi nadie ha verificado.',
    en: 'The value needs citizen data it does not have, or rests on self-reports that almost nobody has verified.',
  },
  inconclusive: {
    es: 'Con los datos reunidos, el valor no es estadísticamente concluyente: su margen de error es demasiado amplio o la muestra demasiado pequeña.',
    en: 'With the data collected the value is not statistically conclusive: its margin of error is too wide or its sample too small.',
  },
  caution: {
    es: 'El valor es informativo, pero su precisión o su cobertura son limitadas: úselo con cautela.',
    en: 'The value is informative, but its precision or coverage is limited: use it with caution.',
  },
  conclusive: {
    es: 'El valor cumple los mínimos de muestra, cobertura y precisión del método.',
    en: "The value meets the method's minimums of sample, coverage and precision.",
  },
};

export const REASON_SENTENCES: Readonly<Record<StatusReason, Words>> = {
  no_citizen_data: {
    es: 'No hay reportes ciudadanos: el valor necesita la perspectiva ciudadana.',
    en: 'There are no citizen reports: the value needs the citizen perspective.',
  },
  insufficient_validation: {
    es: 'Muy pocos de los sujetos que lo componen fueron validados por la ciudadanía: es sobre todo autodiagnóstico.',
    en: 'Too few of its subjects were validated by citizens: it is mostly self-reported.',
  },
  below_minimum: {
    es: 'La muestra está por debajo del mínimo del método (reportes, sujetos o municipios con datos ciudadanos).',
    en: "The sample is below the method's minimum (reports, subjects or municipalities with citizen data).",
  },
  not_estimable: {
    es: 'No se puede calcular un margen de error con los datos disponibles.',
    en: 'No margin of error can be computed from the data available.',
  },
  cv_inconclusive: {
    es: 'El error estándar es de 30 % o más del valor.',
    en: 'The standard error is 30 % of the value or more.',
  },
  half_width_inconclusive: {
    es: 'El margen de error es de ±0.15 o más.',
    en: 'The margin of error is ±0.15 or more.',
  },
  cv_caution: {
    es: 'El error estándar está entre 15 % y 30 % del valor.',
    en: 'The standard error is between 15 % and 30 % of the value.',
  },
  half_width_caution: {
    es: 'El margen de error es mayor que ±0.10.',
    en: 'The margin of error is wider than ±0.10.',
  },
  low_response_share: {
    es: 'Menos de la mitad de los sujetos obligados del área aportan a este valor.',
    en: 'Fewer than half of the obliged subjects of the area contribute to this value.',
  },
  low_validated_share: {
    es: 'Menos de la mitad de los sujetos que lo componen tienen validación ciudadana.',
    en: 'Fewer than half of its subjects have citizen validation.',
  },
  pending_refutations: {
    es: 'Hay refutaciones ciudadanas pendientes de respuesta de la institución: el valor es provisional.',
    en: 'Citizen refutations await the institution’s reply: the value is provisional.',
  },
  not_reachable_by_sampling: {
    es: 'Más reportes ciudadanos no bastarían: faltan autodiagnósticos de los sujetos obligados.',
    en: 'More citizen reports would not be enough: self-reports from obliged subjects are missing.',
  },
};

/** Reasons for a value that has none (its estimate is null), from the stored `missing` codes. */
export const MISSING_SENTENCES: Readonly<Record<'no_self_report' | 'no_citizen_data' | 'missing_components', Words>> = {
  no_self_report: {
    es: 'La institución no ha enviado su autodiagnóstico.',
    en: 'The institution has not submitted its self-report.',
  },
  no_citizen_data: {
    es: 'Aún no hay reportes ciudadanos sobre la institución.',
    en: 'There are no citizen reports on the institution yet.',
  },
  missing_components: { es: 'Faltan componentes para calcularlo.', en: 'Components needed to compute it are missing.' },
};

export const INDICATOR_LABELS: Readonly<Record<string, Words>> = {
  I: { es: 'Índice de gobierno abierto', en: 'Open government index' },
  T: { es: 'Transparencia', en: 'Transparency' },
  P: { es: 'Participación', en: 'Participation' },
  TG: { es: 'Transparencia (perspectiva gubernamental)', en: 'Transparency (government perspective)' },
  TC: { es: 'Transparencia (perspectiva ciudadana)', en: 'Transparency (citizen perspective)' },
  PG: { es: 'Participación (perspectiva gubernamental)', en: 'Participation (government perspective)' },
  PC: { es: 'Participación (perspectiva ciudadana)', en: 'Participation (citizen perspective)' },
  I_G: { es: 'Índice según el autodiagnóstico', en: 'Index from the self-report' },
  TG_raw: {
    es: 'Transparencia gubernamental declarada (sin verificar)',
    en: 'Self-reported government transparency (unverified)',
  },
  PG_raw: {
    es: 'Participación gubernamental declarada (sin verificar)',
    en: 'Self-reported government participation (unverified)',
  },
  I_G_raw: { es: 'Índice declarado (sin verificar)', en: 'Self-reported index (unverified)' },
  DELTA_G: { es: 'Sobrestimación del autodiagnóstico', en: 'Self-report inflation' },
  'TG.AI': { es: 'Acceso a la información', en: 'Access to information' },
  'TG.TR': { es: 'Transparencia reactiva y obligaciones', en: 'Legal transparency obligations' },
  'TG.TP': { es: 'Transparencia proactiva', en: 'Proactive transparency' },
  'TG.DA': { es: 'Datos abiertos', en: 'Open data' },
  'TC.Disp': { es: 'Respuesta recibida', en: 'Answer received' },
  'TC.Clar': { es: 'Claridad de la respuesta', en: 'Clarity of the answer' },
  'TC.Comp': { es: 'Completitud de la respuesta', en: 'Completeness of the answer' },
  'TC.Cel': { es: 'Celeridad de la respuesta', en: 'Timeliness of the answer' },
  'PG.Mec': { es: 'Mecanismos de participación', en: 'Participation mechanisms' },
  'PG.Act': { es: 'Diversidad de actores', en: 'Diversity of actors' },
  'PG.Fun': { es: 'Funcionamiento de los mecanismos', en: 'Mechanisms in operation' },
  'PG.Form': { es: 'Forma de la participación', en: 'Form of participation' },
  'PG.Seg': { es: 'Seguimiento de acuerdos', en: 'Follow-up of agreements' },
  'PC.Met': { es: 'Método de contacto', en: 'Contact method' },
  'PC.Recep': { es: 'Acuse de recibo', en: 'Receipt acknowledged' },
  'PC.Act': { es: 'Respuesta sustantiva', en: 'Substantive response' },
  'PC.Cel': { es: 'Celeridad de la respuesta', en: 'Timeliness of the response' },
};

/** The label of an indicator or component code; the code itself when the round defines an unknown one. */
export function indicatorLabel(code: string, lang: Lang): string {
  const words = Object.prototype.hasOwnProperty.call(INDICATOR_LABELS, code) ? INDICATOR_LABELS[code] : undefined;
  return words === undefined ? code : words[lang];
}

export function statusLabel(status: string, lang: Lang): string {
  const words = (STATUS_LABELS as Record<string, Words | undefined>)[status];
  return words === undefined ? status : words[lang];
}

/** One sentence for a reason code; an unknown code (a newer method) is shown as itself. */
export function reasonSentence(reason: string, lang: Lang): string {
  const words =
    (REASON_SENTENCES as Record<string, Words | undefined>)[reason] ??
    (MISSING_SENTENCES as Record<string, Words | undefined>)[reason];
  return words === undefined ? reason : words[lang];
}

/** The reasons of a value as one paragraph ("" when none fired). */
export function reasonsParagraph(reasons: readonly string[], lang: Lang): string {
  return reasons.map((r) => reasonSentence(r, lang)).join(' ');
}
