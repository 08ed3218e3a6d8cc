import { loadMunicipalities } from './municipalities';

describe('municipal catalogue', () => {
  const all = loadMunicipalities();

  it('has the 2,469 municipalities of Mexico with unique keys', () => {
    expect(all).toHaveLength(2469);
    expect(new Set(all.map((m) => m.cvegeo)).size).toBe(2469);
  });

  it('has 32 states, 125 municipalities in Estado de México and 16 boroughs in Mexico City', () => {
    expect(new Set(all.map((m) => m.cveEnt)).size).toBe(32);
    expect(all.filter((m) => m.cveEnt === '15')).toHaveLength(125);
    expect(all.filter((m) => m.cveEnt === '09')).toHaveLength(16);
  });

  it('keys are consistent: cvegeo starts with cve_ent, population positive', () => {
    for (const m of all) {
      expect(m.cvegeo).toMatch(/^\d{5}$/);
      expect(m.cvegeo.startsWith(m.cveEnt)).toBe(true);
      expect(m.population).toBeGreaterThan(0);
    }
  });
});
