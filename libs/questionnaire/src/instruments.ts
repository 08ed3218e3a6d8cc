/**
 * Apertura's default instruments (METHOD.md §8) as SurveyJS JSON. The JSON files are the source
 * of truth (editable in SurveyJS Creator); this module only types and freezes them so a caller
 * cannot change the shared default by accident. A changed instrument is a new file and version.
 */
import citizenV1 from '../instruments/citizen.v1.json';
import citizenV2 from '../instruments/citizen.v2.json';
import institutionV1 from '../instruments/institution.v1.json';
import institutionV2 from '../instruments/institution.v2.json';
import type { QuestionnaireKind, SurveyJson } from './types';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface InstrumentInfo {
  kind: QuestionnaireKind;
  /** Version label stored with every response and metric value. */
  version: string;
  json: SurveyJson;
}

export const INSTITUTION_V1: SurveyJson = deepFreeze(institutionV1);
/**
 * Version 2 (issue #16 item 2): the same questions, choices, conditions and scoring as v1, with
 * validation messages written for each question (no survey-core stock wording such as "La
 * estimación…") and without descriptions that told respondents how answers score.
 */
export const INSTITUTION_V2: SurveyJson = deepFreeze(institutionV2);
export const CITIZEN_V1: SurveyJson = deepFreeze(citizenV1);
/** Version 2: gated failures (`scoreIfHidden: 0`) and the scored ranges stated (METHOD.md §8). */
export const CITIZEN_V2: SurveyJson = deepFreeze(citizenV2);

/** All bundled instruments, newest last per kind. */
export const DEFAULT_INSTRUMENTS: readonly InstrumentInfo[] = Object.freeze([
  Object.freeze({ kind: 'institution' as const, version: 'institution.v1', json: INSTITUTION_V1 }),
  Object.freeze({ kind: 'institution' as const, version: 'institution.v2', json: INSTITUTION_V2 }),
  Object.freeze({ kind: 'citizen' as const, version: 'citizen.v1', json: CITIZEN_V1 }),
  Object.freeze({ kind: 'citizen' as const, version: 'citizen.v2', json: CITIZEN_V2 }),
]);

/** The newest bundled instrument of a kind (what a new round uses unless the guarantor uploads one). */
export function defaultInstrument(kind: QuestionnaireKind): InstrumentInfo {
  const found = DEFAULT_INSTRUMENTS.filter((i) => i.kind === kind);
  const last = found[found.length - 1];
  if (!last) throw new RangeError(`No default instrument for kind ${String(kind)}`);
  return last;
}

/** Same JSON value: object key order is ignored (jsonb reorders keys), array order is not. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return (
    ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameJson(ra[k], rb[k]))
  );
}

/**
 * Bundled versions whose reports are scored with a newer version's scoring map (METHOD.md §8):
 * citizen.v1 left the items of an answer that never came unscored; its questions, choices and
 * conditions are those of citizen.v2, which scores them as gated failures.
 */
const RESCORED_WITH: ReadonlyArray<readonly [old: SurveyJson, current: SurveyJson]> = [[CITIZEN_V1, CITIZEN_V2]];

/**
 * The definition whose scoring map applies to answers given to `definition`: citizen.v2 for the
 * bundled citizen.v1, the definition itself otherwise. Identified by content (the questionnaire
 * checksum is a hash of the same canonical JSON), so it holds whatever slug the version was stored under.
 */
export function scoringDefinitionFor(definition: unknown): unknown {
  for (const [old, current] of RESCORED_WITH) if (sameJson(definition, old)) return current;
  return definition;
}
