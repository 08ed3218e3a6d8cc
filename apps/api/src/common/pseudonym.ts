/**
 * SQL of a validator's pseudonym in one round: `V-` + 10 hex digits of sha256(round salt ':' validator
 * id). Stable within the round, different across rounds (each round has its own random salt, see
 * migration 1765000470000), never the e-mail, name or public profile pseudonym. 40 bits keep a
 * collision between two validators of one round below one in ten thousand up to ~15,000 validators.
 * `round` and `validatorId` are SQL expressions (a round row alias with pseudonym_salt, a uuid column).
 */
export function validatorPseudonymSql(round: string, validatorId: string): string {
  return `('V-' || left(encode(sha256(convert_to(${round}.pseudonym_salt::text || ':' || ${validatorId}::text, 'UTF8')), 'hex'), 10))`;
}

export const PSEUDONYM_PATTERN = /^V-[0-9a-f]{10}$/;
