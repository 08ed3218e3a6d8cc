import { parseCommitmentsCsv, splitComponents } from './commitments-csv';

const COMPONENTS = new Set(['TG.DA', 'PG.Seg', 'PG.Fun']);
const HEADER = 'commitment_key,title,owner,outcome_indicator,components,milestone_title,milestone_due,milestone_done';
const row = (key: string, due = '2026-03-01', done = 'no', components = 'TG.DA') =>
  `${key},Datos abiertos,UT,Conjuntos publicados,${components},Hito ${due},${due},${done}`;

describe('parseCommitmentsCsv', () => {
  it('groups one row per milestone into commitments, in file order', () => {
    const r = parseCommitmentsCsv([HEADER, row('a'), row('a', '2026-06-01', 'sí'), row('b')].join('\n'), {
      institutionKeys: null,
      components: COMPONENTS,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.commitments.map((c) => [c.write.key, c.line, c.write.milestones.length])).toEqual([
      ['a', 2, 2],
      ['b', 4, 1],
    ]);
    expect(r.commitments[0].write.milestones[1]).toEqual({
      title: 'Hito 2026-06-01',
      dueDate: '2026-06-01',
      declaredDone: true,
    });
  });

  it('reads semicolons, a BOM, CRLF and headers with accents or spaces', () => {
    const text =
      '\uFEFFCommitment Key;Title;Owner;Outcome indicator;Components;Milestone title;Milestone due\r\nk;Título;UT;Indicador;PG.Seg | PG.Fun;Primer hito;2026-01-31\r\n';
    const r = parseCommitmentsCsv(text, { institutionKeys: null, components: COMPONENTS });
    expect(r.ok && r.commitments[0].write.components).toEqual(['PG.Seg', 'PG.Fun']);
  });

  it('reports every problem with its line and column, in both languages', () => {
    const r = parseCommitmentsCsv(
      [HEADER, row('a'), row('a', '2026-04-01', 'no', 'PG.Seg'), row('b', '2026-02-30'), row('b c')].join('\n'),
      {
        institutionKeys: null,
        components: COMPONENTS,
      },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, null, 'INCONSISTENT_COMMITMENT'],
      [4, 'milestone_due', 'INVALID_DATE'],
      [5, 'commitment_key', 'INVALID_KEY'],
    ]);
    for (const e of r.errors) {
      expect(e.message.es.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });

  it('staff files must name the institution; missing columns and empty files are file-level problems', () => {
    const staff = parseCommitmentsCsv([HEADER, row('a')].join('\n'), {
      institutionKeys: new Map([['naucalpan', 'id-1']]),
      components: COMPONENTS,
    });
    expect(!staff.ok && staff.errors.map((e) => e.code)).toEqual(['MISSING_COLUMN']);
    expect(parseCommitmentsCsv('  ', { institutionKeys: null, components: COMPONENTS })).toMatchObject({
      ok: false,
      errors: [{ code: 'EMPTY_FILE' }],
    });
    expect(parseCommitmentsCsv(HEADER, { institutionKeys: null, components: COMPONENTS })).toMatchObject({
      ok: false,
      errors: [{ code: 'NO_ROWS' }],
    });
  });

  it('splitComponents accepts |, commas, semicolons and spaces', () => {
    expect(splitComponents(' TG.DA |PG.Seg, PG.Fun ;TG.AI ')).toEqual(['TG.DA', 'PG.Seg', 'PG.Fun', 'TG.AI']);
  });
});
