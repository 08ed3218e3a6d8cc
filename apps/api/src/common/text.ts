import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Names people read (rounds, institutions, questionnaires, display names) must show what they store:
 * the same name in one form (NFC), no invisible characters that make two names look equal or a name
 * look empty, and no bidirectional overrides that display text in another order than it is stored
 * ("Trojan Source"-style spoofing).
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
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/[ \u00A0\u3000]+/g, ' ').trim();
}

/** Why a normalised name is refused, or undefined. "Blank" is checked after removing the invisible characters. */
export function nameProblem(normalized: string): NameProblem | undefined {
  if (BIDI_CONTROL.test(normalized)) return 'bidi-control';
  if (LINE_BREAK_OR_TAB.test(normalized)) return 'line-break';
  if (!/[^\s]/u.test(normalized)) return 'blank';
  return undefined;
}

const MESSAGES: Record<NameProblem, string> = {
  'bidi-control': 'must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)',
  'line-break': 'must be a single line',
  blank: 'must not be blank',
};

function IsCleanName(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCleanName',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || nameProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property ?? 'name'} ${MESSAGES[typeof args?.value === 'string' ? nameProblem(args.value) ?? 'blank' : 'blank']}`,
      },
    });
}

/**
 * A human-readable name: a string, normalised (NFC, invisible characters removed, spaces trimmed), then
 * refused when it holds bidi overrides or line breaks or is blank, then limited to `max` characters.
 * Use on every DTO field that stores a name or title.
 */
export function CleanName(max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeName(value) : value)),
    IsString(),
    IsCleanName(),
    MaxLength(max),
  );
}
