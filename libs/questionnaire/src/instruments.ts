/**
 * Apertura's default instruments (METHOD.md §8) as SurveyJS JSON. The JSON files are the source
 * of truth (editable in SurveyJS Creator); this module only types and freezes them so a caller
 * cannot change the shared default by accident. A changed instrument is a new file and version.
 */
import citizenV1 from '../instruments/citizen.v1.json';
import institutionV1 from '../instruments/institution.v1.json';
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
export const CITIZEN_V1: SurveyJson = deepFreeze(citizenV1);

/** All bundled instruments, newest last per kind. */
export const DEFAULT_INSTRUMENTS: readonly InstrumentInfo[] = Object.freeze([
  Object.freeze({ kind: 'institution' as const, version: 'institution.v1', json: INSTITUTION_V1 }),
  Object.freeze({ kind: 'citizen' as const, version: 'citizen.v1', json: CITIZEN_V1 }),
]);

/** The newest bundled instrument of a kind (what a new round uses unless the guarantor uploads one). */
export function defaultInstrument(kind: QuestionnaireKind): InstrumentInfo {
  const found = DEFAULT_INSTRUMENTS.filter((i) => i.kind === kind);
  const last = found[found.length - 1];
  if (!last) throw new RangeError(`No default instrument for kind ${String(kind)}`);
  return last;
}
