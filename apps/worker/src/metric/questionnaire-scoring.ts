import { QuestionnaireError } from '@apertura/questionnaire';
import { storedScoringOf } from '@apertura/db';
import { PermanentMetricError } from './metric-errors';
import type { QuestionnaireScoring } from './metric-inputs';

/**
 * Derives the scoring of a questionnaire version (libs/db storedScoringOf: the one scorer of stored
 * documents, shared with the scored-answer backfill); a broken definition is a permanent error (no
 * retry fixes it).
 */
export function scoringOf(id: string, definition: unknown): QuestionnaireScoring {
  try {
    return storedScoringOf(definition);
  } catch (err) {
    if (err instanceof QuestionnaireError)
      throw new PermanentMetricError(`questionnaire ${id} cannot be scored: ${err.message}`);
    throw err;
  }
}

/**
 * Questionnaire versions are immutable (a change is a new version with a new checksum), so their
 * scoring is derived once per process. Bounded: oldest entries go first.
 */
export class QuestionnaireScoringCache {
  private readonly entries = new Map<string, QuestionnaireScoring>();

  constructor(private readonly capacity = 64) {}

  key(id: string, checksum: string): string {
    return `${id}:${checksum}`;
  }

  get(id: string, checksum: string): QuestionnaireScoring | undefined {
    return this.entries.get(this.key(id, checksum));
  }

  set(id: string, checksum: string, scoring: QuestionnaireScoring): void {
    const k = this.key(id, checksum);
    this.entries.delete(k);
    this.entries.set(k, scoring);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
