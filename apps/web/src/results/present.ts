/**
 * Presentation rules of METHOD.md §9 as pure functions (no React, no d3), so each rule is unit-tested
 * once and every page says the same thing: rank intervals in words, the round-comparison rule,
 * plural-correct "needed" messages, scope-aware titles, the round design, and which mark a value gets.
 */
import { indicatorLabel, reasonSentence, statusLabel, type Lang } from '@apertura/reasons-text';
import type { Schema } from '../shared/api';

export type { Lang };

const LOCALE: Record<Lang, string> = { es: 'es-MX', en: 'en-US' };

// ---------- plurals ----------

/** Forms of one phrase by CLDR plural category; `other` is required, `one` covers "1". */
export interface PluralForms {
  one?: string;
  other: string;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The phrase for `n` with `{n}` replaced, chosen by Intl.PluralRules (never "faltan 1 sujetos"). */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE[lang]);
    pluralRules.set(lang, rules);
  }
  const category = rules.select(n);
  const template = (category === 'one' ? forms.one : undefined) ?? forms.other;
  return template.replace(/\{n\}/g, formatCount(lang, n));
}

/** Integers with the locale's grouping ("1,234" in both es-MX and en-US). */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

// ---------- ranks ----------

export type Rank = Schema<'RankDto'>;

/** Above this many ranked values the rank interval is shown as a percentile band (§9). */
export const PERCENTILE_BAND_ABOVE = 200;

/** "3.º" in Spanish; "1st", "2nd", "3rd", "11th", "22nd" in English. */
export function ordinal(n: number, lang: Lang): string {
  if (lang === 'es') return `${formatCount('es', n)}.º`;
  const mod100 = n % 100;
  const mod10 = n % 10;
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${formatCount('en', n)}${suffix}`;
}

/** Whether a ranking of `of` values shows its rank intervals as percentile bands. */
export const usesPercentileBand = (of: number): boolean => of > PERCENTILE_BAND_ABOVE;

/**
 * The share of the ranked values at or above a position, as a whole percentage in [1, 100]:
 * position 1 of 1,000 is in the top 1 %, position 1,000 in the top 100 %.
 */
export function topPercent(position: number, of: number): number {
  if (of <= 0) return 100;
  return Math.min(100, Math.max(1, Math.ceil((100 * position) / of)));
}

/**
 * The rank with its 95 % interval: "3.º (2.º–7.º)" / "3rd (2nd–7th)". When the interval is a single
 * rank it is said once ("1.º (1.º–1.º)" would read as a typo). Above 200 values, the interval as a
 * percentile band: "812.º · entre el 3 % y el 9 % más alto" / "812th · in the top 3–9 %".
 */
export function rankText(rank: Rank, lang: Lang): string {
  const pos = ordinal(rank.position, lang);
  if (usesPercentileBand(rank.of)) {
    const a = topPercent(rank.lo, rank.of);
    const b = topPercent(rank.hi, rank.of);
    if (lang === 'es')
      return a === b ? `${pos} · en el ${a} % más alto` : `${pos} · entre el ${a} % y el ${b} % más alto`;
    return a === b ? `${pos} · in the top ${a} %` : `${pos} · in the top ${a}–${b} %`;
  }
  if (rank.lo === rank.hi) return `${pos} (${ordinal(rank.lo, lang)})`;
  return `${pos} (${ordinal(rank.lo, lang)}–${ordinal(rank.hi, lang)})`;
}

/** The rank interval in a full sentence, for screen readers and tooltips. */
export function rankSentence(rank: Rank, lang: Lang): string {
  const of = formatCount(lang, rank.of);
  if (lang === 'es') {
    return `Lugar ${ordinal(rank.position, 'es')} de ${of}; con 95 % de confianza, entre el ${ordinal(rank.lo, 'es')} y el ${ordinal(rank.hi, 'es')}.`;
  }
  return `Ranked ${ordinal(rank.position, 'en')} of ${of}; with 95 % confidence, between ${ordinal(rank.lo, 'en')} and ${ordinal(rank.hi, 'en')}.`;
}

// ---------- values ----------

export type Status = Schema<'ResultValueDto'>['status'];
export type RankingGroup = Schema<'InstitutionResultItemDto'>['group'];

/** Indicators from the government perspective only (a self-report, verified or not). */
export const GOVERNMENT_INDICATORS: ReadonlySet<string> = new Set([
  'I_G',
  'TG',
  'PG',
  'I_G_raw',
  'TG_raw',
  'PG_raw',
  'DELTA_G',
]);

export const isGovernmentIndicator = (indicator: string): boolean =>
  GOVERNMENT_INDICATORS.has(indicator) || indicator.startsWith('TG.') || indicator.startsWith('PG.');

/** The fields of a result value these rules read. */
export interface ValueLike {
  indicator: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  status: Status;
  reasons: readonly string[];
  needed?: number | null;
  neededSubjects?: number | null;
  neededReports?: number | null;
  methodId?: string | null;
  methodVersion?: string | null;
}

/**
 * How a value is drawn: `solid` (a conclusive or caution value with an interval: a point you may read
 * as such), `hollow` (not conclusive: an open circle, never a solid dot), `self_report` (an
 * unverified self-report: a distinct hollow diamond and the words "autodiagnóstico sin verificar",
 * never a precise point) or `none` (no estimate).
 */
export type Mark = 'solid' | 'hollow' | 'self_report' | 'none';

export function markOf(v: Pick<ValueLike, 'estimate' | 'status' | 'indicator'>, group?: RankingGroup | null): Mark {
  if (v.estimate === null) return 'none';
  if (group === 'unverified_self_report') return 'self_report';
  // The raw self-report (scores as declared, before any verdict) is unverified by definition.
  if (v.indicator.endsWith('_raw')) return 'self_report';
  if (v.status === 'not_validated' && isGovernmentIndicator(v.indicator)) return 'self_report';
  return v.status === 'conclusive' || v.status === 'caution' ? 'solid' : 'hollow';
}

/**
 * The 95 % interval to print, or null: none without bounds, and none for an unverified self-report
 * (its zero-width "[0.95, 0.95]" would claim a precision nobody checked).
 */
export function shownInterval(
  v: Pick<ValueLike, 'estimate' | 'lo' | 'hi' | 'status' | 'indicator'>,
  group?: RankingGroup | null,
): [number, number] | null {
  if (v.lo === null || v.hi === null || v.estimate === null) return null;
  if (markOf(v, group) === 'self_report') return null;
  // Self-report parts are a census of the institution's own answers (SE 0): "[0.60, 0.60]" would read as
  // a measured precision, so a zero-width government-perspective interval is not printed.
  if (v.lo === v.hi && isGovernmentIndicator(v.indicator)) return null;
  return [v.lo, v.hi];
}

/** The value's reasons as sentences (reasons-text), one per fired rule, in order and without repeats. */
export function reasonSentences(reasons: readonly string[], lang: Lang): string[] {
  return [...new Set(reasons)].map((r) => reasonSentence(r, lang));
}

/** "Sin validación ciudadana" etc. (reasons-text) — one table of words for API, exports and pages. */
export const statusText = (status: Status, lang: Lang): string => statusLabel(status, lang);

/** "Índice de gobierno abierto (I)": the label first, the code after for those who know it. */
export function codeLabel(code: string, lang: Lang): string {
  const label = indicatorLabel(code, lang);
  return label === code ? code : `${label} (${code})`;
}

// ---------- needed sample ----------

/**
 * What more data would make the value conclusive, in words, or null when nothing needs saying
 * (conclusive, or nothing recorded). `needed` null means no citizen addition can help: the sentence
 * of reason `not_reachable_by_sampling`. Areas say the new subjects first ("faltan 3 sujetos con datos
 * ciudadanos y 4 reportes más"), institutions the reports ("falta 1 reporte ciudadano").
 */
export function neededText(
  v: Pick<ValueLike, 'status' | 'needed' | 'neededSubjects' | 'neededReports'>,
  lang: Lang,
): string | null {
  if (v.status === 'conclusive' || v.needed === undefined) return null;
  if (v.needed === null) return reasonSentence('not_reachable_by_sampling', lang);
  const subjects = v.neededSubjects ?? 0;
  const reports = subjects > 0 ? (v.neededReports ?? 0) : v.needed;
  if (subjects <= 0 && reports <= 0) return null;
  if (lang === 'es') {
    const subj = plural('es', subjects, {
      one: '{n} sujeto con datos ciudadanos',
      other: '{n} sujetos con datos ciudadanos',
    });
    if (subjects > 0 && reports > 0) {
      const more = plural('es', reports, { one: '{n} reporte más', other: '{n} reportes más' });
      // Verb before a coordinated subject agrees with the nearest noun (RAE): "falta 1 sujeto … y 2 reportes más".
      return `${plural('es', subjects, { one: 'falta', other: 'faltan' })} ${subj} y ${more} (${plural('es', v.needed, { one: '{n} reporte', other: '{n} reportes' })} en total)`;
    }
    if (subjects > 0) return `${plural('es', subjects, { one: 'falta', other: 'faltan' })} ${subj}`;
    return plural('es', reports, { one: 'falta {n} reporte ciudadano', other: 'faltan {n} reportes ciudadanos' });
  }
  const subj = plural('en', subjects, {
    one: '{n} more subject with citizen data',
    other: '{n} more subjects with citizen data',
  });
  if (subjects > 0 && reports > 0) {
    const more = plural('en', reports, { one: '{n} more report', other: '{n} more reports' });
    return `${subj} and ${more} needed (${plural('en', v.needed, { one: '{n} report', other: '{n} reports' })} in all)`;
  }
  if (subjects > 0) return `${subj} needed`;
  return plural('en', reports, { one: '{n} more citizen report needed', other: '{n} more citizen reports needed' });
}

// ---------- scope, title and design ----------

export type StateRef = Schema<'ResultStateRefDto'>;

/** Mexico has 32 states; a universe covering all of them is national. */
export const STATES_IN_MEXICO = 32;

/**
 * The area a round covers, from its universe's states: one state → its name; a few → listed; all 32
 * (or unknown) → national. Never "nacional" for a one-state round.
 */
/** INEGI's key of the state whose official name, "México", is also the country's. */
const ESTADO_DE_MEXICO = '15';

/**
 * A state named as the scope of a round. INEGI's catalogue calls state 15 "México"; alone, as a
 * round's area ("Ámbito: México", "Índice de apertura — México"), that reads as the whole country and
 * makes one state's value look national, so it goes by its common name.
 */
function stateScopeName(state: StateRef, lang: Lang): string {
  if (state.cveEnt === ESTADO_DE_MEXICO) return lang === 'es' ? 'Estado de México' : 'State of Mexico';
  return state.name;
}

export function scopeName(
  states: readonly StateRef[] | null | undefined,
  lang: Lang,
): { national: boolean; name: string } {
  const list = states ?? [];
  if (list.length === 0 || list.length >= STATES_IN_MEXICO)
    return { national: true, name: lang === 'es' ? 'Nacional' : 'National' };
  if (list.length === 1) return { national: false, name: stateScopeName(list[0], lang) };
  if (list.length <= 3) {
    const names = list.map((s) => stateScopeName(s, lang));
    const and = lang === 'es' ? ' y ' : ' and ';
    return { national: false, name: `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}` };
  }
  return {
    national: false,
    name: plural(lang, list.length, {
      one: lang === 'es' ? '{n} estado' : '{n} state',
      other: lang === 'es' ? '{n} estados' : '{n} states',
    }),
  };
}

/** "Índice de apertura — Estado de México" / "Índice de apertura nacional". */
export function indexTitle(states: readonly StateRef[] | null | undefined, lang: Lang): string {
  const scope = scopeName(states, lang);
  if (scope.national) return lang === 'es' ? 'Índice de apertura nacional' : 'National openness index';
  return lang === 'es' ? `Índice de apertura — ${scope.name}` : `Openness index — ${scope.name}`;
}

/** A round's design: census, or a sample with its strata (METHOD.md §4). */
export type Design = Schema<'ResultRoundDto'>['design'];

/** The round's design in one line, with the declared population for a sample. */
export function designText(design: Design | null | undefined, lang: Lang): string {
  if (!design || design.kind === 'census') {
    return lang === 'es'
      ? 'Diseño: censo (todos los sujetos obligados del área)'
      : 'Design: census (every obliged subject of the area)';
  }
  const population = design.states.reduce((sum, s) => sum + s.population, 0);
  const strata = plural(lang, design.states.length, {
    one: lang === 'es' ? '{n} estado' : '{n} state',
    other: lang === 'es' ? '{n} estados' : '{n} states',
  });
  const munis = design.municipalities?.length ?? 0;
  const muniText =
    munis > 0
      ? plural(lang, munis, {
          one: lang === 'es' ? ' y {n} municipio' : ' and {n} municipality',
          other: lang === 'es' ? ' y {n} municipios' : ' and {n} municipalities',
        })
      : '';
  const pop = plural(lang, population, {
    one: lang === 'es' ? '{n} sujeto obligado' : '{n} obliged subject',
    other: lang === 'es' ? '{n} sujetos obligados' : '{n} obliged subjects',
  });
  return lang === 'es'
    ? `Diseño: muestra estratificada (${strata}${muniText}; población declarada de ${pop})`
    : `Design: stratified sample (${strata}${muniText}; declared population of ${pop})`;
}

/** "mga-2017/apertura-2 v2.0.0", or a plain "not computed yet". */
export function methodText(
  methodId: string | null | undefined,
  methodVersion: string | null | undefined,
  lang: Lang,
): string {
  if (!methodId) return lang === 'es' ? 'Método: aún sin resultados calculados' : 'Method: no results computed yet';
  const label = `${methodId}${methodVersion ? ` v${methodVersion}` : ''}`;
  const previous = methodId.endsWith('/apertura-1');
  return lang === 'es'
    ? `Método: ${label}${previous ? ' (versión anterior del método)' : ''}`
    : `Method: ${label}${previous ? ' (previous method version)' : ''}`;
}

// ---------- one institution's validation badges ----------

export interface InstitutionNumbers {
  values: ReadonlyArray<Pick<ValueLike, 'indicator' | 'estimate'>>;
  citizenReports: number;
  validators: number;
  /** Counted verdicts (confirmed + refuted). */
  countedVerdicts: number;
  selfReported: boolean;
}

export interface InstitutionBadges {
  /** Citizen-validated: both TC and PC have a value (I is computable). */
  citizenValidated: boolean;
  /** At least one counted verdict on the self-report. */
  verified: boolean;
  /** Citizen reports exist but cover only one of TC / PC. */
  partialCitizen: 'TC' | 'PC' | null;
  citizenReports: number;
  validators: number;
  selfReported: boolean;
}

/** The badges derive from the numbers shown beside them, so they cannot contradict each other. */
export function institutionBadges(d: InstitutionNumbers): InstitutionBadges {
  const has = (code: string) => d.values.some((v) => v.indicator === code && v.estimate !== null);
  const tc = has('TC');
  const pc = has('PC');
  return {
    citizenValidated: tc && pc,
    verified: d.countedVerdicts > 0,
    partialCitizen: tc && !pc ? 'TC' : pc && !tc ? 'PC' : null,
    citizenReports: d.citizenReports,
    validators: d.validators,
    selfReported: d.selfReported,
  };
}

/**
 * The status word beside a government-perspective value of a citizen-validated institution: its
 * stored `not_validated` means "this indicator has no citizen perspective", not "nobody validated the
 * institution", so it reads "perspectiva gubernamental" there — never "Sin validación ciudadana" next
 * to a validated institution.
 */
export function institutionStatusText(
  v: Pick<ValueLike, 'status' | 'indicator'>,
  citizenValidated: boolean,
  lang: Lang,
): string {
  if (citizenValidated && v.status === 'not_validated' && isGovernmentIndicator(v.indicator)) {
    return lang === 'es' ? 'Perspectiva gubernamental' : 'Government perspective';
  }
  return statusLabel(v.status, lang);
}
