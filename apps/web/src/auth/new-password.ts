/** The rule both "choose a password" forms apply before asking the API (which checks it again). */
export const MIN_PASSWORD = 12;

export interface NewPasswordProblems {
  /** Shorter than MIN_PASSWORD characters. */
  short: boolean;
  /** The confirmation differs from the password. */
  mismatch: boolean;
}

export function newPasswordProblems(password: string, repeat: string): NewPasswordProblems {
  return { short: password.length < MIN_PASSWORD, mismatch: repeat !== password };
}
