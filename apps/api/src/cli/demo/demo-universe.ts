/**
 * The demo universe: obliged subjects of Estado de México (cve_ent 15) built from the shipped CONAPO
 * catalogue — one ayuntamiento per municipality (all 125), municipal bodies where the population
 * makes them likely, state secretariats and bodies in Toluca, autonomous bodies and a few federal
 * offices — each with a latent openness and a self-report inflation that drive the generated data.
 */
import type { Level } from '@apertura/db';
import type { Municipality } from '@apertura/geo';
import { clamp01, Random } from './random';

export const DEMO_CVE_ENT = '15';
export const TOLUCA = '15106';

export interface DemoInstitution {
  key: string;
  name: string;
  type: string;
  level: Level;
  cvegeo: string;
  /** Latent openness in [0, 1]: what a citizen would actually find. */
  openness: number;
  /** How much the self-report overstates it (self-report propensity = openness + inflation). */
  inflation: number;
  /** Probability that a positive verifiable claim is true. */
  honesty: number;
}

const STATE_BODIES: ReadonlyArray<readonly [string, string, string]> = [
  ['estatal-sgg', 'Secretaría General de Gobierno', 'secretaría'],
  ['estatal-finanzas', 'Secretaría de Finanzas', 'secretaría'],
  ['estatal-salud', 'Secretaría de Salud', 'secretaría'],
  ['estatal-educacion', 'Secretaría de Educación, Ciencia, Tecnología e Innovación', 'secretaría'],
  ['estatal-seguridad', 'Secretaría de Seguridad', 'secretaría'],
  ['estatal-economia', 'Secretaría de Desarrollo Económico', 'secretaría'],
  ['estatal-movilidad', 'Secretaría de Movilidad', 'secretaría'],
  ['estatal-campo', 'Secretaría del Campo', 'secretaría'],
  ['estatal-contraloria', 'Secretaría de la Contraloría', 'secretaría'],
  ['estatal-urbano', 'Secretaría de Desarrollo Urbano e Infraestructura', 'secretaría'],
  ['estatal-ambiente', 'Secretaría del Medio Ambiente y Desarrollo Sostenible', 'secretaría'],
  ['estatal-cultura', 'Secretaría de Cultura y Turismo', 'secretaría'],
  ['estatal-trabajo', 'Secretaría del Trabajo', 'secretaría'],
  ['estatal-bienestar', 'Secretaría de Bienestar', 'secretaría'],
  ['estatal-mujeres', 'Secretaría de las Mujeres', 'secretaría'],
  ['estatal-agua', 'Secretaría del Agua', 'secretaría'],
  ['estatal-consejeria', 'Consejería Jurídica', 'secretaría'],
  [
    'estatal-difem',
    'Sistema para el Desarrollo Integral de la Familia del Estado de México',
    'organismo descentralizado',
  ],
  ['estatal-issemym', 'Instituto de Seguridad Social del Estado de México y Municipios', 'organismo descentralizado'],
  ['estatal-caem', 'Comisión del Agua del Estado de México', 'organismo descentralizado'],
  ['estatal-vivienda', 'Instituto Mexiquense de la Vivienda Social', 'organismo descentralizado'],
  ['estatal-legislativo', 'Poder Legislativo del Estado de México', 'poder legislativo'],
  ['estatal-judicial', 'Poder Judicial del Estado de México', 'poder judicial'],
];

const AUTONOMOUS_BODIES: ReadonlyArray<readonly [string, string]> = [
  ['autonomo-ieem', 'Instituto Electoral del Estado de México'],
  ['autonomo-codhem', 'Comisión de Derechos Humanos del Estado de México'],
  ['autonomo-uaem', 'Universidad Autónoma del Estado de México'],
  ['autonomo-teem', 'Tribunal Electoral del Estado de México'],
  ['autonomo-tjaem', 'Tribunal de Justicia Administrativa del Estado de México'],
  ['autonomo-fiscalia', 'Fiscalía General de Justicia del Estado de México'],
];

const FEDERAL_OFFICES: ReadonlyArray<readonly [string, string, string]> = [
  ['federal-bienestar', 'Representación de la Secretaría de Bienestar en el Estado de México', TOLUCA],
  ['federal-imss-poniente', 'Oficina de Representación del IMSS en el Estado de México Poniente', TOLUCA],
  ['federal-imss-oriente', 'Oficina de Representación del IMSS en el Estado de México Oriente', '15104'],
  ['federal-issste-naucalpan', 'Oficina Regional del ISSSTE en Naucalpan', '15057'],
  ['federal-agricultura', 'Oficina de Representación de la Secretaría de Agricultura en el Estado de México', '15054'],
];

/** Municipal bodies: who has one (by population) and how open such bodies tend to be. */
const MUNICIPAL_BODIES: ReadonlyArray<{
  prefix: string;
  type: string;
  name: (m: string) => string;
  base: number;
  present: (pop: number, rng: Random) => boolean;
}> = [
  { prefix: 'ayuntamiento', type: 'ayuntamiento', name: (m) => `Ayuntamiento de ${m}`, base: 0.5, present: () => true },
  {
    prefix: 'dif',
    type: 'dif municipal',
    name: (m) => `Sistema Municipal DIF de ${m}`,
    base: 0.36,
    present: (pop, rng) => pop >= 50_000 || rng.chance(0.5),
  },
  {
    prefix: 'agua',
    type: 'organismo de agua',
    name: (m) => `Organismo de Agua Potable, Alcantarillado y Saneamiento de ${m}`,
    base: 0.34,
    present: (pop) => pop >= 100_000,
  },
  {
    prefix: 'mujer',
    type: 'instituto municipal',
    name: (m) => `Instituto Municipal de la Mujer de ${m}`,
    base: 0.38,
    present: (pop) => pop >= 200_000,
  },
  {
    prefix: 'deporte',
    type: 'instituto municipal',
    name: (m) => `Instituto Municipal de Cultura Física y Deporte de ${m}`,
    base: 0.3,
    present: (pop) => pop >= 300_000,
  },
];

/** CONAPO marginalisation degree → shift of municipal openness (poorer municipalities publish less). */
const MARGINALISATION_SHIFT: Readonly<Record<string, number>> = {
  'Muy bajo': 0.04,
  Bajo: -0.04,
  Medio: -0.1,
  Alto: -0.15,
  'Muy alto': -0.2,
};

function latent(rng: Random, base: number): Pick<DemoInstitution, 'openness' | 'inflation' | 'honesty'> {
  const openness = clamp01(base + rng.normal(0, 0.1), 0.05, 0.95);
  const inflation = clamp01(Math.abs(rng.normal(0.1, 0.1)), 0, 0.4);
  return { openness, inflation, honesty: clamp01(1 - 1.6 * inflation, 0.35, 0.97) };
}

/** The demo's obliged subjects, in a stable order (municipal by cvegeo, then state, autonomous, federal). */
export function planInstitutions(municipalities: readonly Municipality[], rng: Random): DemoInstitution[] {
  const state = [...municipalities]
    .filter((m) => m.cveEnt === DEMO_CVE_ENT)
    .sort((a, b) => a.cvegeo.localeCompare(b.cvegeo));
  if (state.length === 0) throw new Error(`the catalogue has no municipality of state ${DEMO_CVE_ENT}`);
  const out: DemoInstitution[] = [];
  for (const m of state) {
    const shift =
      (MARGINALISATION_SHIFT[m.marginalisation] ?? 0) + 0.03 * Math.log10(Math.max(m.population, 1000) / 50_000);
    for (const body of MUNICIPAL_BODIES) {
      if (!body.present(m.population, rng)) continue;
      out.push({
        key: `${body.prefix}-${m.cvegeo}`,
        name: body.name(m.nomMun),
        type: body.type,
        level: 'municipal',
        cvegeo: m.cvegeo,
        ...latent(rng, body.base + shift),
      });
    }
  }
  for (const [key, name, type] of STATE_BODIES) {
    out.push({ key, name, type, level: 'estatal', cvegeo: TOLUCA, ...latent(rng, 0.6) });
  }
  for (const [key, name] of AUTONOMOUS_BODIES) {
    out.push({ key, name, type: 'organismo autónomo', level: 'autonomo', cvegeo: TOLUCA, ...latent(rng, 0.66) });
  }
  for (const [key, name, cvegeo] of FEDERAL_OFFICES) {
    out.push({ key, name, type: 'delegación federal', level: 'federal', cvegeo, ...latent(rng, 0.58) });
  }
  return out;
}
