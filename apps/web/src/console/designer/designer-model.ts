import type { SheetRow } from '@apertura/questionnaire-designer';
import type { MessageKey } from '../../shared/i18n';
import type { QuestionnaireKind } from './designer-api';

export const QUESTION_TYPES = [
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'boolean',
  'rating',
  'text',
  'comment',
  'html',
] as const;
export const CONTAINER_TYPES = new Set(['survey', 'page', 'panel']);
export const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox']);
export const INPUT_TYPES = ['', 'number', 'url', 'email', 'date', 'tel'] as const;
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

export interface Draft {
  kind: QuestionnaireKind;
  slug: string;
  rows: SheetRow[];
}

/** A message kept as its key and values, so it follows a language switch made after it appeared. */
export interface Notice {
  key: MessageKey;
  vars: Record<string, string | number>;
}

export const nextName = (rows: readonly SheetRow[], prefix: string): string => {
  const taken = new Set(rows.map((r) => r.name.toLowerCase()));
  let n = rows.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};
