import { describe, expect, it } from '@jest/globals';
import { MIN_PASSWORD, newPasswordProblems } from './new-password';

describe('newPasswordProblems', () => {
  it('accepts a long enough password typed twice', () => {
    const p = 'x'.repeat(MIN_PASSWORD);
    expect(newPasswordProblems(p, p)).toEqual({ short: false, mismatch: false });
  });

  it('flags a password one character short', () => {
    const p = 'x'.repeat(MIN_PASSWORD - 1);
    expect(newPasswordProblems(p, p)).toEqual({ short: true, mismatch: false });
  });

  it('flags a confirmation that differs, independently of the length', () => {
    expect(newPasswordProblems('x'.repeat(MIN_PASSWORD), 'y')).toEqual({ short: false, mismatch: true });
    expect(newPasswordProblems('', 'y')).toEqual({ short: true, mismatch: true });
  });
});
