import { randomInt } from 'crypto';

/** No 0/O, 1/I/L: a pseudonym is read aloud and copied by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A public pseudonym like `V-7F3K9Q` (31⁶ ≈ 887 million values; uniqueness is enforced by an index). */
export function newPseudonym(): string {
  let s = 'V-';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
