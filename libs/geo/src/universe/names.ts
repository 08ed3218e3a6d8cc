/**
 * Names people read (rounds, institutions, questionnaires, display names) must show what they store:
 * the same name in one form (NFC), no invisible characters that make two names look equal or a name
 * look empty, and no bidirectional overrides that display text in another order than it is stored
 * ("Trojan Source"-style spoofing). Pure, here so the API's DTOs and the universe CSV validator (API
 * and worker) apply one rule.
 */

/** Zero-width and invisible formatting characters, removed: ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, invisible operators, BOM, Mongolian vowel separator, soft hyphen. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u180E\u00AD]/g;
/** Bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI): refused. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Line breaks and tabs have no place in a one-line name (other controls are refused for every text: request-shape.ts). */
const LINE_BREAK_OR_TAB = /[\t\n\r\u0085\u2028\u2029]/;

export type NameProblem = 'bidi-control' | 'line-break' | 'blank';

/** The stored form of a name: NFC, invisible characters removed, surrounding spaces trimmed and runs of spaces collapsed. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[ \u00A0\u3000]+/g, ' ')
    .trim();
}

/** Why a normalised name is refused, or undefined. "Blank" is checked after removing the invisible characters. */
export function nameProblem(normalized: string): NameProblem | undefined {
  if (BIDI_CONTROL.test(normalized)) return 'bidi-control';
  if (LINE_BREAK_OR_TAB.test(normalized)) return 'line-break';
  if (!/[^\s]/u.test(normalized)) return 'blank';
  return undefined;
}
