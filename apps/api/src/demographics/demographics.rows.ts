import type { DemographicQuestion } from '@apertura/geo';

/**
 * Rows the validators' profile reads (demographics.repository.ts), as PostgreSQL answers them. They
 * are already one-word / camelCase, so the repository's records keep their shape.
 */

export interface ProfileRoundRow {
  status: string;
}

/** One cell of the profile: how many of the round's validators answered `category` to `question`. */
export interface ProfileCountRow {
  /** 'validators': the row counting every validator of the round (category ''). */
  question: DemographicQuestion | 'validators';
  category: string;
  n: number;
}
