/**
 * Question titles of a questionnaire version, by question name, in both languages: what a results
 * page shows instead of item names like `act_sectores` (METHOD.md §9). Tolerant: a broken structure
 * gives the titles it can read.
 */
import { titleOf } from './extract';
import type { LocalizedText } from './types';
import { questionsOf, walkQuestionnaire } from './walk';

export function questionTitles(json: unknown): Map<string, LocalizedText> {
  const titles = new Map<string, LocalizedText>();
  for (const el of questionsOf(walkQuestionnaire(json))) {
    if (el.name !== undefined && !titles.has(el.name)) titles.set(el.name, titleOf(el.json, el.name));
  }
  return titles;
}
