import type { RoundDesignDocument } from '@apertura/db';
import type { DesignProblem } from '../common/rounds/rounds.errors';

/**
 * METHOD.md §4 round design, checked against the round's universe. Pure: the service supplies the
 * universe counts (from the selection while the round is a draft, from round_institution once frozen)
 * and the catalogue, and turns the first problem into an error.
 */

/** The design as received (already shape-checked by the DTO). */
export interface DesignInput {
  kind: 'census' | 'sample';
  states?: Array<{ cveEnt: string; population: number }>;
  municipalities?: Array<{ cvegeo: string; population: number }>;
}

/** Institutions of the round's universe per stratum. */
export interface UniverseCounts {
  /** cve_ent → institutions */
  states: ReadonlyMap<string, number>;
  /** cvegeo → institutions */
  municipalities: ReadonlyMap<string, number>;
}

export interface DesignCatalogue {
  states: ReadonlySet<string>;
  /** cvegeo → cve_ent */
  municipalities: ReadonlyMap<string, string>;
}

export const CENSUS: RoundDesignDocument = { kind: 'census' };

const fmt = (n: number): string => n.toLocaleString('es-MX');
const fmtEn = (n: number): string => n.toLocaleString('en-US');

/** Universe counts per state and municipality from rows grouped by (cve_ent, cvegeo). */
export function universeCounts(rows: ReadonlyArray<{ cveEnt: string; cvegeo: string; n: number }>): UniverseCounts {
  const states = new Map<string, number>();
  const municipalities = new Map<string, number>();
  for (const r of rows) {
    states.set(r.cveEnt, (states.get(r.cveEnt) ?? 0) + r.n);
    municipalities.set(r.cvegeo, (municipalities.get(r.cvegeo) ?? 0) + r.n);
  }
  return { states, municipalities };
}

function checkPopulation(path: string, population: number): DesignProblem | undefined {
  // The DTO already refuses these at the edge; repeated so the function is safe on stored documents.
  if (!Number.isSafeInteger(population) || population < 1) {
    return {
      path,
      es: 'la población debe ser un número entero mayor o igual a 1',
      en: 'the population must be an integer of at least 1',
    };
  }
  return undefined;
}

interface StratumWords {
  list: 'states' | 'municipalities';
  key: 'cveEnt' | 'cvegeo';
  /** «la entidad 15» / «el municipio 15106» */
  es: (code: string) => string;
  /** «de la entidad 15» / «del municipio 15106» */
  ofEs: (code: string) => string;
  /** «quítela» / «quítelo» */
  removeEs: string;
  en: string;
}

const STATE_WORDS: StratumWords = {
  list: 'states',
  key: 'cveEnt',
  es: (c) => `la entidad ${c}`,
  ofEs: (c) => `de la entidad ${c}`,
  removeEs: 'quítela',
  en: 'state',
};
const MUNICIPALITY_WORDS: StratumWords = {
  list: 'municipalities',
  key: 'cvegeo',
  es: (c) => `el municipio ${c}`,
  ofEs: (c) => `del municipio ${c}`,
  removeEs: 'quítelo',
  en: 'municipality',
};

interface Stratum {
  code: string;
  population: number;
}

/**
 * The rules shared by state and municipal strata: a valid population, listed once, known to the
 * catalogue, present in the universe and not below its count there. `more` runs on rows that pass.
 * Returns the codes declared (first occurrence → row index).
 */
function checkStrata(
  problems: DesignProblem[],
  words: StratumWords,
  rows: Stratum[],
  inUniverse: ReadonlyMap<string, number>,
  exists: (code: string) => boolean,
  more?: (row: Stratum, at: string) => void,
): Map<string, number> {
  const declared = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = `design.${words.list}[${i}]`;
    const code = `${at}.${words.key}`;
    const bad = checkPopulation(`${at}.population`, row.population);
    if (bad) problems.push(bad);
    const earlier = declared.get(row.code);
    if (earlier !== undefined) {
      problems.push({
        path: code,
        es: `${words.es(row.code)} aparece más de una vez (también en la fila ${earlier + 1})`,
        en: `${words.en} ${row.code} is listed more than once (also in row ${earlier + 1})`,
      });
      return;
    }
    declared.set(row.code, i);
    const count = inUniverse.get(row.code) ?? 0;
    if (!exists(row.code)) {
      problems.push({
        path: code,
        es: `${words.es(row.code)} no existe`,
        en: `${words.en} ${row.code} does not exist`,
      });
    } else if (count === 0) {
      problems.push({
        path: code,
        es: `${words.es(row.code)} no tiene instituciones en el universo de la ronda; ${words.removeEs} del diseño`,
        en: `${words.en} ${row.code} has no institutions in the round universe; remove it from the design`,
      });
    } else if (!bad && row.population < count) {
      problems.push({
        path: `${at}.population`,
        es: `la población ${words.ofEs(row.code)} (${fmt(row.population)}) es menor que las ${fmt(count)} instituciones que la ronda ya incluye ahí`,
        en: `the population of ${words.en} ${row.code} (${fmtEn(row.population)}) is smaller than the ${fmtEn(count)} institutions the round already has there`,
      });
    } else if (!bad) {
      more?.(row, at);
    }
  });
  return declared;
}

/**
 * Every problem of a design for a universe, in request order (the first is the one reported as
 * `field`). A census declares nothing; a sample lists each state of the universe exactly once with a
 * population no smaller than the institutions the round has there, and optionally municipalities of
 * the universe under the same rule, their populations not adding up to more than their state's.
 */
export function checkDesign(
  design: DesignInput,
  universe: UniverseCounts,
  catalogue: DesignCatalogue,
): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (design.kind === 'census') {
    if (design.states?.length || design.municipalities?.length) {
      problems.push({
        path: design.states?.length ? 'design.states' : 'design.municipalities',
        es: 'un censo no declara poblaciones por estrato; elija «muestra» para declararlas',
        en: 'a census declares no stratum populations; choose "sample" to declare them',
      });
    }
    return problems;
  }

  const states = design.states ?? [];
  if (!states.length) {
    problems.push({
      path: 'design.states',
      es: 'un diseño muestral debe listar cada entidad del universo de la ronda con su población de sujetos obligados',
      en: 'a sample design must list every state of the round universe with its population of obliged subjects',
    });
  }
  const declaredStates = checkStrata(
    problems,
    STATE_WORDS,
    states.map((st) => ({ code: st.cveEnt, population: st.population })),
    universe.states,
    (c) => catalogue.states.has(c),
  );
  const missing = [...universe.states.keys()].filter((c) => !declaredStates.has(c)).sort();
  if (states.length && missing.length) {
    problems.push({
      path: 'design.states',
      es: `falta la población de ${missing.length === 1 ? 'la entidad' : 'las entidades'} ${missing.join(', ')} del universo de la ronda`,
      en: `the population of ${missing.length === 1 ? 'state' : 'states'} ${missing.join(', ')} of the round universe is missing`,
    });
  }

  const munTotal = new Map<string, number>();
  const municipalities = (design.municipalities ?? []).map((m) => ({ code: m.cvegeo, population: m.population }));
  checkStrata(
    problems,
    MUNICIPALITY_WORDS,
    municipalities,
    universe.municipalities,
    (c) => catalogue.municipalities.has(c),
    (m, at) => {
      const state = catalogue.municipalities.get(m.code) ?? '';
      const total = (munTotal.get(state) ?? 0) + m.population;
      munTotal.set(state, total);
      const statePopulation = states.find((st) => st.cveEnt === state)?.population;
      // A municipality is a stratum inside its state: together they cannot hold more subjects than it.
      if (statePopulation !== undefined && Number.isSafeInteger(statePopulation) && total > statePopulation) {
        problems.push({
          path: `${at}.population`,
          es: `las poblaciones declaradas de los municipios de la entidad ${state} suman ${fmt(total)}, más que la población de la entidad (${fmt(statePopulation)})`,
          en: `the declared municipal populations of state ${state} add up to ${fmtEn(total)}, more than the state's population (${fmtEn(statePopulation)})`,
        });
      }
    },
  );
  return problems;
}

/** The stored form: census as `{ kind: 'census' }`, sample strata sorted by code, no empty lists. */
export function normaliseDesign(design: DesignInput): RoundDesignDocument {
  if (design.kind === 'census') return { kind: 'census' };
  const states = [...(design.states ?? [])]
    .map((s) => ({ cveEnt: s.cveEnt, population: s.population }))
    .sort((a, b) => a.cveEnt.localeCompare(b.cveEnt));
  const municipalities = [...(design.municipalities ?? [])]
    .map((m) => ({ cvegeo: m.cvegeo, population: m.population }))
    .sort((a, b) => a.cvegeo.localeCompare(b.cvegeo));
  return municipalities.length ? { kind: 'sample', states, municipalities } : { kind: 'sample', states };
}
