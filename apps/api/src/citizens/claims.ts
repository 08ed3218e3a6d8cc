import { verifiableItems } from '@apertura/questionnaire';
import type { VerifiableItem } from '@apertura/questionnaire';
import type { JsonObject } from '@apertura/db';

/** Questionnaire versions are immutable, so their verifiable claims can be cached by id. */
const cache = new Map<string, readonly VerifiableItem[]>();
const CACHE_LIMIT = 200;

export function claimsOf(questionnaireId: string, definition: JsonObject): readonly VerifiableItem[] {
  const hit = cache.get(questionnaireId);
  if (hit) return hit;
  const items = Object.freeze(verifiableItems(definition));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(questionnaireId, items);
  return items;
}

/** An answer counts as a claim to check when the institution actually gave one. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Names of the claims the institution answered in its submitted self-report (what must get a verdict). */
export function claimsToCheck(claims: readonly VerifiableItem[], submitted: JsonObject | null): string[] {
  if (!submitted) return [];
  return claims.filter((c) => isAnswered(submitted[c.name])).map((c) => c.name);
}

/** Evidence URLs the institution gave for a claim (the evidence question may hold one or several). */
export function evidenceUrls(claim: VerifiableItem, submitted: JsonObject | null): string[] {
  if (!submitted || !claim.evidenceQuestion) return [];
  const v = submitted[claim.evidenceQuestion];
  const values = Array.isArray(v) ? v : [v];
  return values
    .filter((x): x is string => typeof x === 'string' && /^https?:\/\//i.test(x.trim()))
    .map((x) => x.trim());
}
