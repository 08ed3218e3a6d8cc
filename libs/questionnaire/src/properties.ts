/**
 * Apertura's custom SurveyJS properties (METHOD.md §2). Registered on survey-core's global
 * Serializer so that `new Model(json)` keeps them, `toJSON()` writes them back and SurveyJS
 * Creator can show them. Only survey-core is imported: the browser app calls the same function.
 */
import { Serializer, surveyLocalization } from 'survey-core';
import type { IJsonPropertyInfo } from 'survey-core';

/** Category under which the properties appear in SurveyJS Creator's property grid. */
export const APERTURA_PROPERTY_CATEGORY = 'apertura';

/** Property definitions, exported so the README and tests describe exactly what is registered. */
export const APERTURA_PROPERTIES: ReadonlyArray<{
  readonly className: string;
  readonly info: Readonly<IJsonPropertyInfo>;
}> = Object.freeze([
  // Which metric component the item feeds (e.g. `TG.AI`); absent = unscored question.
  { className: 'question', info: { name: 'component', type: 'string', category: APERTURA_PROPERTY_CATEGORY } },
  // Weight inside its component; METHOD.md says > 0, default 1.
  { className: 'question', info: { name: 'weight', type: 'number', default: 1, category: APERTURA_PROPERTY_CATEGORY } },
  // Citizens can confirm or refute the claim online (METHOD.md §2, verification).
  {
    className: 'question',
    info: { name: 'verifiable', type: 'boolean', default: false, category: APERTURA_PROPERTY_CATEGORY },
  },
  // [min, max] mapped linearly onto [0,1] for numeric answers; min > max = lower is better.
  // A custom type name: survey-core stores the array as is and there is no built-in editor for it.
  { className: 'question', info: { name: 'scoreRange', type: 'scorerange', category: APERTURA_PROPERTY_CATEGORY } },
  // Score in [0,1] of a gated failure: the question is hidden by its own visibleIf while its gate
  // questions are visible and scored (METHOD.md §3.2), e.g. clarity of an answer that never came.
  { className: 'question', info: { name: 'scoreIfHidden', type: 'number', category: APERTURA_PROPERTY_CATEGORY } },
  // Marks an evidence question (usually a URL) and names the verifiable question it supports.
  { className: 'question', info: { name: 'evidenceFor', type: 'string', category: APERTURA_PROPERTY_CATEGORY } },
  // Score in [0,1] of a choice (also inherited by checkbox and rating items).
  { className: 'itemvalue', info: { name: 'score', type: 'number', category: APERTURA_PROPERTY_CATEGORY } },
  // The choice means "does not apply": the item is left out of its component, never scored 0.
  {
    className: 'itemvalue',
    info: { name: 'notApplicable', type: 'boolean', default: false, category: APERTURA_PROPERTY_CATEGORY },
  },
]);

/**
 * Registers the properties on survey-core's Serializer. Idempotent: a property that already
 * exists is left alone, so calling it from several modules (or after hot reload) is harmless.
 * Returns the names that were added by this call (useful in tests and logs).
 */
export function registerAperturaProperties(): string[] {
  const added: string[] = [];
  for (const { className, info } of APERTURA_PROPERTIES) {
    if (Serializer.findProperty(className, info.name)) continue;
    // Copy: survey-core may keep a reference to the info object and must not see our frozen one.
    Serializer.addProperty(className, { ...info });
    added.push(`${className}.${info.name}`);
  }
  return added;
}

/** Locale of the `default` entry of every localizable string in Apertura's instruments. */
export const APERTURA_DEFAULT_LOCALE = 'es';

/**
 * Instruments write Spanish under `default` and English under `en`. survey-core's own default
 * locale is `en`, and for its default locale it reads the `default` entry, so English users would
 * see Spanish. Declaring `es` as the default makes `locale: 'en'` pick the `en` entry.
 * Separate from registerAperturaProperties because it changes UI strings globally (browser only
 * needs it; the server never renders).
 */
export function setAperturaDefaultLocale(): void {
  if (surveyLocalization.defaultLocale !== APERTURA_DEFAULT_LOCALE) {
    surveyLocalization.defaultLocale = APERTURA_DEFAULT_LOCALE;
  }
}
