import { INSTITUTION_V2 } from '@apertura/questionnaire';
import type { JsonObject } from '@apertura/db';
import { normalizeUrls, submissionFolio } from './submission';

const definition = INSTITUTION_V2 as unknown as JsonObject;

describe('normalizeUrls', () => {
  it.each([
    ['www.toluca.gob.mx/transparencia', 'https://www.toluca.gob.mx/transparencia'],
    [' toluca.gob.mx ', 'https://toluca.gob.mx'],
    ['transparencia.edomex.gob.mx:8080/a?b=1#c', 'https://transparencia.edomex.gob.mx:8080/a?b=1#c'],
    ['https://toluca.gob.mx/x', 'https://toluca.gob.mx/x'],
    ['http://toluca.gob.mx', 'http://toluca.gob.mx'],
    ['el portal de transparencia', 'el portal de transparencia'],
    ['toluca', 'toluca'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('%j → %j in URL questions', (typed, stored) => {
    const out = normalizeUrls(definition, { ai_procedimiento_evidencia: typed }) as Record<string, unknown>;
    expect(out.ai_procedimiento_evidencia).toBe(stored);
  });

  it('leaves other questions, other types and the input object alone', () => {
    const input = { resp_cargo: 'www.toluca.gob.mx', ai_procedimiento_evidencia: 5, tr_portal_evidencia: 'www.a.mx' };
    const out = normalizeUrls(definition, input) as Record<string, unknown>;
    expect(out).toEqual({
      resp_cargo: 'www.toluca.gob.mx',
      ai_procedimiento_evidencia: 5,
      tr_portal_evidencia: 'https://www.a.mx',
    });
    expect(input.tr_portal_evidencia).toBe('www.a.mx');
    expect(normalizeUrls(definition, 'x')).toBe('x');
  });
});

describe('submissionFolio', () => {
  it('is the first eight hex digits of the response id, upper case, and the version', () => {
    expect(submissionFolio('0f3a9c2e-1111-4222-8333-444455556666', 2)).toBe('0F3A9C2E-v2');
  });
});
