import { loadMunicipalities } from '@apertura/geo';
import { planDemo, planVerdict, VALIDATOR_COUNT, WELL_COVERED } from './demo-plan';

const municipalities = loadMunicipalities();

describe('planDemo', () => {
  const plan = planDemo(2026, municipalities);

  it('a few hundred obliged subjects of every level over all 125 municipalities of Estado de México', () => {
    expect(plan.institutions.length).toBeGreaterThanOrEqual(300);
    expect(plan.institutions.length).toBeLessThanOrEqual(400);
    expect(new Set(plan.institutions.map((i) => i.cvegeo)).size).toBe(125);
    expect(new Set(plan.institutions.map((i) => i.level))).toEqual(
      new Set(['municipal', 'estatal', 'autonomo', 'federal']),
    );
    expect(plan.institutions.filter((i) => i.type === 'ayuntamiento')).toHaveLength(125);
    expect(new Set(plan.institutions.map((i) => i.key)).size).toBe(plan.institutions.length);
    for (const i of plan.institutions) {
      expect(i.openness).toBeGreaterThanOrEqual(0);
      expect(i.openness).toBeLessThanOrEqual(1);
      expect(i.cvegeo.startsWith('15')).toBe(true);
    }
  });

  it('about 85% submit, all of the well-covered municipal bodies', () => {
    const share = plan.institutions.filter((i) => i.submits).length / plan.institutions.length;
    expect(share).toBeGreaterThan(0.78);
    expect(share).toBeLessThan(0.92);
    for (const i of plan.institutions)
      if (WELL_COVERED.includes(i.cvegeo) && i.level === 'municipal') expect(i.submits).toBe(true);
  });

  it('uneven coverage with distinct validators per institution', () => {
    expect(plan.validators).toHaveLength(VALIDATOR_COUNT);
    const cvegeoOf = new Map(plan.institutions.map((i) => [i.key, i.cvegeo]));
    const perMunicipality = new Map<string, number>();
    const pairs = new Set<string>();
    for (const r of plan.reports) {
      const g = cvegeoOf.get(r.institutionKey) as string;
      perMunicipality.set(g, (perMunicipality.get(g) ?? 0) + 1);
      pairs.add(`${r.institutionKey}/${r.validatorIndex}`);
    }
    expect(pairs.size).toBe(plan.reports.length);
    for (const g of WELL_COVERED) expect(perMunicipality.get(g)).toBeGreaterThanOrEqual(10);
    const thin = [...perMunicipality].filter(([g]) => !WELL_COVERED.includes(g));
    expect(thin.length).toBe(plan.partial.length);
    for (const [, n] of thin) expect(n).toBeLessThanOrEqual(4);
  });

  it('is a pure function of the seed', () => {
    expect(planDemo(2026, municipalities)).toEqual(plan);
    const other = planDemo(7, municipalities);
    expect(other.reports).not.toEqual(plan.reports);
    expect(other.validators.map((v) => v.pseudonym)).not.toEqual(plan.validators.map((v) => v.pseudonym));
  });

  it('verdicts: honest institutions mostly confirmed, inflated ones mostly refuted', () => {
    const base = plan.institutions[0];
    const count = (honesty: number, verdict: string): number => {
      let n = 0;
      for (let c = 0; c < 200; c++)
        if (planVerdict(1, { ...base, key: `k${c}`, honesty }, 'claim', true, 1) === verdict) n++;
      return n;
    };
    expect(count(0.95, 'confirmed')).toBeGreaterThan(140);
    expect(count(0.35, 'refuted')).toBeGreaterThan(80);
    expect(planVerdict(1, base, 'claim', false, 1)).not.toBe('refuted');
  });
});
