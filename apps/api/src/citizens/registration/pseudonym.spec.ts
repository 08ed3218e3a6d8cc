import { newPseudonym } from './pseudonym';

describe('newPseudonym', () => {
  it('has the V-XXXXXX shape without ambiguous characters', () => {
    for (let i = 0; i < 200; i++) expect(newPseudonym()).toMatch(/^V-[2-9A-HJKMNP-Z]{6}$/);
  });
});
