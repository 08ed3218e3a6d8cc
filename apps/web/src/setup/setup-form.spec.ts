import { describe, expect, it } from '@jest/globals';
import { EMPTY_SETUP, setupBody, setupProblems, type SetupValues } from './setup-form';

const GOOD: SetupValues = {
  code: ' ABC-123 ',
  name: ' Observatorio ',
  slug: 'observatorio-mx',
  cveEnt: '',
  adminEmail: ' admin@example.org ',
  adminPassword: 'correct horse battery',
  confirm: 'correct horse battery',
};

describe('setupProblems', () => {
  it('accepts a complete form (the state code is optional)', () => {
    expect(setupProblems(GOOD)).toEqual({});
    expect(setupProblems({ ...GOOD, cveEnt: '09' })).toEqual({});
  });

  it('says "required" for every empty required field', () => {
    expect(setupProblems(EMPTY_SETUP)).toEqual({
      code: 'setup.required',
      name: 'setup.required',
      slug: 'setup.required',
      adminEmail: 'setup.required',
      adminPassword: 'setup.passwordShort',
    });
  });

  it('tells a malformed value from a missing one', () => {
    expect(
      setupProblems({ ...GOOD, slug: 'Con Espacios', cveEnt: '9', adminEmail: 'nadie', confirm: 'otra cosa' }),
    ).toEqual({
      slug: 'setup.slugInvalid',
      cveEnt: 'setup.cveEntInvalid',
      adminEmail: 'setup.emailInvalid',
      confirm: 'setup.mismatch',
    });
  });
});

describe('setupBody', () => {
  it('trims the texts, keeps the password as typed and sends no state code as null', () => {
    expect(setupBody({ ...GOOD, adminPassword: ' spaced ' })).toEqual({
      code: 'ABC-123',
      name: 'Observatorio',
      slug: 'observatorio-mx',
      cveEnt: null,
      adminEmail: 'admin@example.org',
      adminPassword: ' spaced ',
    });
  });
});
