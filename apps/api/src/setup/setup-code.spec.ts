import { generateSetupCode, hashSetupCode, normalizeSetupCode } from './setup.service';

describe('setup code', () => {
  it('is five groups of four unambiguous characters, different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateSetupCode()));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){4}$/);
  });

  it('matches whatever case, spaces or dashes the person typed', () => {
    const code = generateSetupCode();
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    expect(normalizeSetupCode(typed)).toBe(code.replace(/-/g, ''));
    expect(hashSetupCode(typed)).toBe(hashSetupCode(code));
    expect(hashSetupCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSetupCode(code)).not.toBe(hashSetupCode(generateSetupCode()));
  });
});
