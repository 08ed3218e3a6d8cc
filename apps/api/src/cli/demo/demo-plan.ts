/**
 * Everything the demo round contains, decided in memory from the seed before anything is written:
 * who submits a self-report, the citizen validators, and which validator reports on which
 * institution. Coverage is deliberately uneven, as in real rounds: a handful of large municipalities
 * well covered, about twenty with one to four reports, the rest with none.
 *
 * Each concern draws from its own generator (seeded from `seed:label`), so changing one part of the
 * plan does not reshuffle the others.
 */
import { seedFromString } from '@apertura/metric';
import type { Municipality } from '@apertura/geo';
import type { VerdictValue } from '@apertura/db';
import { DEMO_CVE_ENT, DemoInstitution, planInstitutions, TOLUCA } from './demo-universe';
import { Random } from './random';

/** Toluca, Naucalpan, Ecatepec, Nezahualcóyotl, Tlalnepantla. */
export const WELL_COVERED: readonly string[] = [TOLUCA, '15057', '15033', '15058', '15104'];
export const PARTIAL_MUNICIPALITIES = 20;
export const VALIDATOR_COUNT = 60;
/** Share of institutions outside the well-covered municipalities that submit a self-report. */
const SUBMIT_RATE = 0.83;

/** Same alphabet as real pseudonyms (no 0/O, 1/I/L). */
const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface PlannedInstitution extends DemoInstitution {
  submits: boolean;
}

export interface DemoValidator {
  /** 1-based. */
  index: number;
  email: string;
  displayName: string;
  pseudonym: string;
  cvegeo: string;
}

export interface DemoReport {
  institutionKey: string;
  validatorIndex: number;
}

export interface DemoPlan {
  seed: number;
  institutions: PlannedInstitution[];
  validators: DemoValidator[];
  reports: DemoReport[];
  wellCovered: readonly string[];
  partial: string[];
}

export const rngFor = (seed: number, label: string): Random => new Random(seedFromString(`${seed}:${label}`));

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function planDemo(seed: number, municipalities: readonly Municipality[]): DemoPlan {
  const state = municipalities.filter((m) => m.cveEnt === DEMO_CVE_ENT);
  const universe = planInstitutions(state, rngFor(seed, 'universe'));
  const well = new Set(WELL_COVERED);
  const submitRng = rngFor(seed, 'submit');
  const institutions: PlannedInstitution[] = universe.map((i) => ({
    ...i,
    // Institutions in the well-covered municipalities all answer, so their values can be conclusive.
    submits: (well.has(i.cvegeo) && i.level === 'municipal') || submitRng.chance(SUBMIT_RATE),
  }));

  const partial = pickPartial(state, rngFor(seed, 'partial'));
  const validators = planValidators(rngFor(seed, 'validators'), partial);
  const wanted = plannedReportCounts(institutions, partial, rngFor(seed, 'coverage'));
  const reports = assignValidators(institutions, wanted, validators, rngFor(seed, 'assign'));
  return { seed, institutions, validators, reports, wellCovered: WELL_COVERED, partial };
}

/** About twenty municipalities with a little citizen data: mostly mid-sized, a few small ones. */
function pickPartial(state: readonly Municipality[], rng: Random): string[] {
  const others = [...state]
    .filter((m) => !WELL_COVERED.includes(m.cvegeo))
    .sort((a, b) => a.cvegeo.localeCompare(b.cvegeo));
  const larger = rng.shuffle(others.filter((m) => m.population >= 50_000)).slice(0, 14);
  const smaller = rng
    .shuffle(others.filter((m) => m.population < 50_000))
    .slice(0, PARTIAL_MUNICIPALITIES - larger.length);
  return [...larger, ...smaller].map((m) => m.cvegeo).sort();
}

function planValidators(rng: Random, partial: readonly string[]): DemoValidator[] {
  const used = new Set<string>();
  const out: DemoValidator[] = [];
  for (let index = 1; index <= VALIDATOR_COUNT; index++) {
    let pseudonym: string;
    do {
      pseudonym = 'V-';
      for (let k = 0; k < 6; k++) pseudonym += rng.pick([...PSEUDONYM_ALPHABET]);
    } while (used.has(pseudonym));
    used.add(pseudonym);
    // Two thirds live in the well-covered municipalities: that is why they are well covered.
    const cvegeo =
      index <= 40 ? WELL_COVERED[(index - 1) % WELL_COVERED.length] : partial[(index - 41) % partial.length];
    out.push({
      index,
      email: `validador-${pad2(index)}@demo.invalid`,
      displayName: `Persona validadora ${pad2(index)} (sintética)`,
      pseudonym,
      cvegeo,
    });
  }
  return out;
}

function plannedReportCounts(
  institutions: readonly PlannedInstitution[],
  partial: readonly string[],
  rng: Random,
): Map<string, number> {
  const counts = new Map<string, number>();
  const byMunicipality = new Map<string, PlannedInstitution[]>();
  for (const i of institutions) byMunicipality.set(i.cvegeo, [...(byMunicipality.get(i.cvegeo) ?? []), i]);
  for (const cvegeo of WELL_COVERED) {
    for (const i of byMunicipality.get(cvegeo) ?? []) {
      if (i.type === 'ayuntamiento') counts.set(i.key, rng.int(5, 8));
      else if (i.level === 'municipal') {
        if (rng.chance(0.9)) counts.set(i.key, rng.int(2, 5));
      } else if (rng.chance(0.5)) counts.set(i.key, rng.int(2, 4));
    }
  }
  for (const cvegeo of partial) {
    const here = byMunicipality.get(cvegeo) ?? [];
    const ayuntamiento = here.find((i) => i.type === 'ayuntamiento');
    if (!ayuntamiento) continue;
    const total = rng.int(1, 4);
    const others = here.filter((i) => i !== ayuntamiento);
    if (total >= 2 && others.length > 0 && rng.chance(0.5)) {
      const other = rng.pick(others);
      counts.set(ayuntamiento.key, Math.ceil(total / 2));
      counts.set(other.key, total - Math.ceil(total / 2));
    } else {
      counts.set(ayuntamiento.key, total);
    }
  }
  return counts;
}

/**
 * Distinct validators per institution (one report each, as the unique index requires), local
 * residents first, then the least loaded — like the assignment engine balances work.
 */
function assignValidators(
  institutions: readonly PlannedInstitution[],
  wanted: Map<string, number>,
  validators: readonly DemoValidator[],
  rng: Random,
): DemoReport[] {
  const load = new Map<number, number>(validators.map((v) => [v.index, 0]));
  const reports: DemoReport[] = [];
  for (const inst of institutions) {
    const k = wanted.get(inst.key) ?? 0;
    if (k === 0) continue;
    const ranked = validators
      .map((v) => ({ v, local: v.cvegeo === inst.cvegeo ? 0 : 1, tie: rng.uniform() }))
      .sort((a, b) => a.local - b.local || (load.get(a.v.index) ?? 0) - (load.get(b.v.index) ?? 0) || a.tie - b.tie);
    for (const { v } of ranked.slice(0, k)) {
      load.set(v.index, (load.get(v.index) ?? 0) + 1);
      reports.push({ institutionKey: inst.key, validatorIndex: v.index });
    }
  }
  return reports;
}

/**
 * A verdict on one claim: a positive claim is true with the institution's honesty (decided once per
 * claim, so validators mostly agree), and each validator sees it with some noise; a negative claim
 * ("no, we do not publish …") is simply confirmed, or found unverifiable.
 */
export function planVerdict(
  seed: number,
  inst: DemoInstitution,
  claim: string,
  positive: boolean,
  validatorIndex: number,
): VerdictValue {
  const rng = rngFor(seed, `verdict:${inst.key}:${validatorIndex}:${claim}`);
  if (!positive)
    return rng.weighted<VerdictValue>([
      ['confirmed', 0.9],
      ['unverifiable', 0.1],
    ]);
  const isTrue = rngFor(seed, `truth:${inst.key}:${claim}`).chance(inst.honesty);
  return isTrue
    ? rng.weighted<VerdictValue>([
        ['confirmed', 0.85],
        ['unverifiable', 0.1],
        ['refuted', 0.05],
      ])
    : rng.weighted<VerdictValue>([
        ['refuted', 0.75],
        ['unverifiable', 0.1],
        ['confirmed', 0.15],
      ]);
}
