import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Names people read (rounds, institutions, questionnaires, display names) must show what they store:
 * the same name in one form (NFC), no invisible characters that make two names look equal or a name
 * look empty, and no bidirectional overrides that display text in another order than it is stored
 * ("Trojan Source"-style spoofing).
 */

import { NameProblem, nameProblem, normalizeName } from '@apertura/geo';

export { normalizeName, nameProblem };
export type { NameProblem };

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
        defaultMessage: (args) =>
          `${args?.property ?? 'name'} ${MESSAGES[typeof args?.value === 'string' ? (nameProblem(args.value) ?? 'blank') : 'blank']}`,
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
