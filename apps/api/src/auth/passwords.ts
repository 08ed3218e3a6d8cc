import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended memory/time cost). */
export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, plain);
  } catch {
    // A malformed stored hash is a failed login, not a server error.
    return false;
  }
}

/** Hash used to spend the same time when the account does not exist (no user enumeration by timing). */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('apertura-timing-equaliser'));
