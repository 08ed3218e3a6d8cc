import { createHash } from 'crypto';

/**
 * Assignment engine (pure, no I/O): which institutions a validator should check next.
 *
 * Citizen data is worth most where a result is furthest from conclusive (METHOD.md §6), so the
 * engine serves municipalities first — by largest remaining need once the metric has produced
 * "needed" figures, before that by fewest citizen reports (pending assignments count as reports on
 * their way) — and, inside a municipality, the institutions with fewest reports. One request spreads
 * over distinct municipalities when it can, so a single volunteer does not saturate one place.
 * Every tie is broken deterministically (proximity to the validator's residence, then id), so the
 * same state of the round always yields the same answer.
 */

export interface CandidateInstitution {
  id: string;
  cvegeo: string;
  /** Citizen reports received so far. */
  reports: number;
  /** Active assignments without a report yet (reports on their way). */
  pending: number;
  /** Reports still needed for the institution to be conclusive (from the metric), when known. */
  needed?: number | null;
}

export interface MunicipalityLoad {
  reports: number;
  pending: number;
  /** Reports still needed in the municipality (from the metric), when known. */
  needed?: number | null;
}

export interface ValidatorForAssignment {
  id: string;
  /** Institutions the validator declared a conflict of interest with. */
  conflicts: ReadonlySet<string>;
  /** Institutions already assigned to the validator in this round, whatever the status. */
  alreadyAssigned: ReadonlySet<string>;
  /** Municipality of residence, used only to break ties. */
  cvegeo?: string | null;
}

export interface AssignmentRequest {
  candidates: readonly CandidateInstitution[];
  validator: ValidatorForAssignment;
  /** Loads of every municipality of the round (missing = nothing received, nothing pending). */
  municipalities: ReadonlyMap<string, MunicipalityLoad>;
  /** How many institutions to assign at most. */
  k: number;
  /**
   * No steering (issue #13): each pick is drawn at random among the `window` highest-priority
   * eligible institutions, so removing some of them (conflicts of interest) or moving ties
   * (residence) never makes a chosen target certain. 1 (default) = strict priority order.
   */
  window?: number;
  /** Seed of the draw; the service uses `${roundId}:${validatorId}`, so a validator cannot re-roll. */
  seed?: string;
}

/** Window the service uses: a validator's pick is one of the 5 neediest eligible institutions. */
export const ASSIGNMENT_WINDOW = 5;

interface MunicipalityState {
  cvegeo: string;
  reports: number;
  pending: number;
  needed: number | null;
  proximity: number;
  institutions: InstitutionState[];
}

interface InstitutionState {
  id: string;
  reports: number;
  pending: number;
  needed: number | null;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** True when the metric has produced needed figures: priorities then follow need, not counts. */
export function usesNeed(municipalities: ReadonlyMap<string, MunicipalityLoad>): boolean {
  for (const load of municipalities.values()) if (typeof load.needed === 'number') return true;
  return false;
}

/** Need still uncovered once pending assignments turn into reports; unknown need ranks first. */
const remainingNeed = (needed: number | null, pending: number): number =>
  needed === null ? Number.POSITIVE_INFINITY : Math.max(0, needed - pending);

function proximity(validatorCvegeo: string | null | undefined, cvegeo: string): number {
  if (!validatorCvegeo) return 2;
  if (validatorCvegeo === cvegeo) return 0;
  return validatorCvegeo.slice(0, 2) === cvegeo.slice(0, 2) ? 1 : 2;
}

function compareMunicipalities(a: MunicipalityState, b: MunicipalityState, needMode: boolean): number {
  if (needMode) {
    const d = remainingNeed(b.needed, b.pending) - remainingNeed(a.needed, a.pending);
    if (d !== 0 && !Number.isNaN(d)) return d > 0 ? 1 : -1;
  }
  const load = a.reports + a.pending - (b.reports + b.pending);
  if (load !== 0) return load;
  if (a.proximity !== b.proximity) return a.proximity - b.proximity;
  return byId(a.cvegeo, b.cvegeo);
}

function compareInstitutions(a: InstitutionState, b: InstitutionState, needMode: boolean): number {
  if (needMode && (a.needed !== null || b.needed !== null)) {
    const d = remainingNeed(b.needed, b.pending) - remainingNeed(a.needed, a.pending);
    if (d !== 0 && !Number.isNaN(d)) return d > 0 ? 1 : -1;
  }
  const load = a.reports + a.pending - (b.reports + b.pending);
  if (load !== 0) return load;
  return byId(a.id, b.id);
}

/** Deterministic draw in [0, n) for the `draw`-th pick of `seed` (sha-256; not guessable without the seed's ids). */
function seededIndex(seed: string, draw: number, n: number): number {
  const h = createHash('sha256').update(`${seed}:${draw}`).digest();
  return Math.floor((h.readUInt32BE(0) / 0x1_0000_0000) * n);
}

/** Ordered ids of the institutions to assign (at most k; fewer when the eligible pool is smaller). */
export function chooseInstitutions(req: AssignmentRequest): string[] {
  const { validator } = req;
  const k = Math.max(0, Math.floor(req.k));
  const needMode = usesNeed(req.municipalities);
  const groups = new Map<string, MunicipalityState>();
  const seen = new Set<string>();
  for (const c of req.candidates) {
    if (validator.conflicts.has(c.id) || validator.alreadyAssigned.has(c.id) || seen.has(c.id)) continue;
    seen.add(c.id);
    let g = groups.get(c.cvegeo);
    if (!g) {
      const load = req.municipalities.get(c.cvegeo);
      g = {
        cvegeo: c.cvegeo,
        reports: load?.reports ?? 0,
        pending: load?.pending ?? 0,
        needed: typeof load?.needed === 'number' ? load.needed : null,
        proximity: proximity(validator.cvegeo, c.cvegeo),
        institutions: [],
      };
      groups.set(c.cvegeo, g);
    }
    g.institutions.push({
      id: c.id,
      reports: c.reports,
      pending: c.pending,
      needed: typeof c.needed === 'number' ? c.needed : null,
    });
  }

  const chosen: string[] = [];
  const servedNow = new Set<string>();
  const window = Math.max(1, Math.floor(req.window ?? 1));
  const seed = req.seed ?? validator.id;
  while (chosen.length < k) {
    const open = [...groups.values()].filter((g) => g.institutions.length > 0);
    if (open.length === 0) break;
    // Priority order: municipalities not yet served by this request first, then by need (or load),
    // inside each the institutions by need; the pick is drawn among the first `window` of that
    // order. Served municipalities stay in the order (after the fresh ones) rather than leaving
    // it: otherwise a target alone in its municipality would be the only candidate of a later pick.
    const served = (g: MunicipalityState): number => (servedNow.has(g.cvegeo) ? 1 : 0);
    const ranked: Array<{ group: MunicipalityState; index: number }> = [];
    for (const g of [...open].sort((a, b) => served(a) - served(b) || compareMunicipalities(a, b, needMode))) {
      const order = g.institutions
        .map((_, i) => i)
        .sort((a, b) => compareInstitutions(g.institutions[a], g.institutions[b], needMode));
      for (const index of order) {
        ranked.push({ group: g, index });
        if (ranked.length >= window) break;
      }
      if (ranked.length >= window) break;
    }
    const { group: best, index: pick } = ranked[window > 1 ? seededIndex(seed, chosen.length, ranked.length) : 0];
    const [inst] = best.institutions.splice(pick, 1);
    chosen.push(inst.id);
    // The assignment is a report on its way: later picks see the municipality as better served.
    best.pending += 1;
    servedNow.add(best.cvegeo);
  }
  return chosen;
}
