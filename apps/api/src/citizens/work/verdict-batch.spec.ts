import { checkVerdictItems } from './verdict-batch';

const CLAIMS = new Set(['ai_procedimiento', 'ai_estadisticas', 'tr_portal']);
const FILE = '7d4f2a1e-3b9c-4c1d-8e2f-1a2b3c4d5e6f';

describe('checkVerdictItems', () => {
  it('accepts valid items and drops empty optional fields', () => {
    const r = checkVerdictItems(
      [
        { questionName: 'ai_procedimiento', verdict: 'confirmed', evidenceUrl: 'https://x.example/a', comment: '' },
        { questionName: 'tr_portal', verdict: 'unverifiable', evidenceFileId: FILE },
      ],
      CLAIMS,
      new Set([FILE]),
    );
    expect(r).toEqual({
      ok: true,
      items: [
        {
          questionName: 'ai_procedimiento',
          verdict: 'confirmed',
          evidenceUrl: 'https://x.example/a',
          evidenceFileId: undefined,
          comment: undefined,
        },
        {
          questionName: 'tr_portal',
          verdict: 'unverifiable',
          evidenceUrl: undefined,
          evidenceFileId: FILE,
          comment: undefined,
        },
      ],
    });
  });

  it('reports every problem with its claim and field, and accepts nothing', () => {
    const r = checkVerdictItems(
      [
        { questionName: 'ai_procedimiento', verdict: 'confirmed' },
        { questionName: 'ai_estadisticas', verdict: 'refuted', evidenceUrl: 'http://x.example' },
        { questionName: 'resp_cargo', verdict: 'maybe', comment: 'x'.repeat(4001) },
        { questionName: 'ai_procedimiento', verdict: 'refuted', evidenceFileId: FILE },
        'not an object',
      ],
      CLAIMS,
      new Set(),
    );
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => `${e.index}:${e.questionName}:${e.field}`)).toEqual([
      '1:ai_estadisticas:evidenceUrl',
      '2:resp_cargo:questionName',
      '2:resp_cargo:verdict',
      '2:resp_cargo:comment',
      '3:ai_procedimiento:questionName',
      '3:ai_procedimiento:evidenceFileId',
      '4:null:item',
    ]);
    for (const e of r.errors) expect(e.messages.es && e.messages.en).toBeTruthy();
  });
});
