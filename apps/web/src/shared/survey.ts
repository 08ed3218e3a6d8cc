/**
 * survey-core set-up for the browser, loaded only by the pages that render questionnaires (their
 * chunk carries survey-core). The fontless stylesheet: the default one downloads Open Sans from
 * Google, which the CSP (default-src 'self') forbids and the product avoids.
 */
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/spanish';
import { Model, type ITheme } from 'survey-core';
import { registerAperturaProperties, setAperturaDefaultLocale } from '@apertura/questionnaire-browser';
import { sanitizeDefinitionHtml } from '@apertura/sanitize-html';
import type { Lang } from './i18n';

// Before any Model exists: without the custom properties survey-core would drop component, weight, score…
registerAperturaProperties();
// Instruments write Spanish under `default`; this makes locale 'en' pick their `en` texts.
setAperturaDefaultLocale();

/** Apertura colours with AA contrast (survey-core's default green on white is ~2.5:1). */
const THEME: ITheme = {
  cssVariables: {
    '--sjs2-color-project-brand-600': '#0b4f6c',
    '--sjs2-color-project-brand-700': '#083a50',
    '--sjs2-color-fg-basic-secondary': '#4b4a50',
    '--sjs2-color-fg-basic-tertiary': '#5c5b60',
    '--sjs2-color-component-input-default-line': '#7a7a7f',
    // The questionnaire title sits under the page's own heading: keep it a step smaller.
    '--sjs2-typography-font-size-component-survey-header-title': 'clamp(1.25rem, 1.05rem + 1vw, 1.6rem)',
    // The same system fonts as the rest of the app (no web fonts are downloaded).
    '--sjs2-typography-font-family-text':
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
    '--sjs2-typography-font-family-code': "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  },
};

export function surveyLocale(lang: Lang): string {
  return lang;
}

export interface CreateSurveyOptions {
  definition: unknown;
  lang: Lang;
  readOnly?: boolean;
  data?: Record<string, unknown> | null;
  currentPage?: number | null;
}

export function createSurvey({ definition, lang, readOnly, data, currentPage }: CreateSurveyOptions): Model {
  // The API stores questionnaire HTML sanitised; sanitising again here also covers versions stored before that.
  const model = new Model(sanitizeDefinitionHtml(definition));
  model.applyTheme(THEME);
  model.locale = surveyLocale(lang);
  // Our own confirmation page replaces survey-core's completion screen.
  model.showCompletePage = false;
  model.autoFocusFirstQuestion = false;
  if (data) model.data = data;
  if (readOnly) model.readOnly = true;
  if (currentPage != null && currentPage >= 0 && currentPage < model.visiblePageCount)
    model.currentPageNo = currentPage;
  return model;
}

export { Model };
