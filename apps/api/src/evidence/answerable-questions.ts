import { Model } from 'survey-core';
import { registerAperturaProperties } from '@apertura/questionnaire';
import type { JsonObject } from '@apertura/db';

const DISPLAY_ONLY = new Set(['html', 'image', 'expression']);

/** Names of the questions a respondent can answer (evidence is attached to one of them). */
export function answerableQuestionNames(definition: JsonObject): Set<string> {
  registerAperturaProperties();
  const model = new Model(definition);
  try {
    return new Set(
      model
        .getAllQuestions(false, false, true)
        .filter((q) => !DISPLAY_ONLY.has(q.getType()))
        .map((q) => q.name),
    );
  } finally {
    model.dispose();
  }
}
