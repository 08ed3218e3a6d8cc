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
}

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
    g.institutions.push({ id: c.id, reports: c.reports, pending: c.pending, needed: typeof c.needed === 'number' ? c.needed : null });
  }

  const chosen: string[] = [];
  const servedNow = new Set<string>();
  while (chosen.length < k) {
    const open = [...groups.values()].filter((g) => g.institutions.length > 0);
    if (open.length === 0) break;
    const fresh = open.filter((g) => !servedNow.has(g.cvegeo));
    const pool = fresh.length > 0 ? fresh : open;
    let best = pool[0];
    for (const g of pool) if (compareMunicipalities(g, best, needMode) < 0) best = g;
    let pick = 0;
    for (let i = 1; i < best.institutions.length; i++) {
      if (compareInstitutions(best.institutions[i], best.institutions[pick], needMode) < 0) pick = i;
    }
    const [inst] = best.institutions.splice(pick, 1);
    chosen.push(inst.id);
    // The assignment is a report on its way: later picks see the municipality as better served.
    best.pending += 1;
    servedNow.add(best.cvegeo);
  }
  return chosen;
}
