import type { StoredInstitutionResult } from './aggregation-input';

export interface StoredVersion {
  institutionId: string;
  /** Input watermark the stored result was computed from. */
  watermark: string;
}

interface Entry {
  watermark: string;
  result: StoredInstitutionResult;
}

/**
 * Stored institution results of recently aggregated rounds, kept between area jobs so that each job
 * re-reads only what changed (a national round's results are ≈ 50 MB of JSON to fetch and parse).
 * A stored result is a pure function of its input snapshot (METHOD.md §7), so (institution,
 * watermark) identifies its content: the job reads the round's (institution, watermark) pairs and
 * fetches the results it does not hold at that watermark. Bounded to a few rounds, least recently
 * used out first.
 */
export class StoredResultCache {
  private readonly rounds = new Map<string, Map<string, Entry>>();

  constructor(private readonly capacity = 2) {}

  /** Institutions whose stored result must be fetched. */
  missing(roundId: string, versions: readonly StoredVersion[]): string[] {
    const held = this.rounds.get(roundId);
    return versions.filter((v) => held?.get(v.institutionId)?.watermark !== v.watermark).map((v) => v.institutionId);
  }

  /**
   * The round's stored results: those held at the current watermark plus `fetched` (which must cover
   * `missing`). Institutions no longer stored are forgotten.
   */
  assemble(
    roundId: string,
    versions: readonly StoredVersion[],
    fetched: ReadonlyMap<string, StoredInstitutionResult>,
  ): Map<string, StoredInstitutionResult> {
    const held = this.rounds.get(roundId);
    const next = new Map<string, Entry>();
    const results = new Map<string, StoredInstitutionResult>();
    for (const v of versions) {
      const fresh = fetched.get(v.institutionId);
      const old = held?.get(v.institutionId);
      const result = fresh ?? (old !== undefined && old.watermark === v.watermark ? old.result : undefined);
      if (result === undefined)
        throw new Error(`stored result of institution ${v.institutionId} at watermark ${v.watermark} was not fetched`);
      next.set(v.institutionId, { watermark: v.watermark, result });
      results.set(v.institutionId, result);
    }
    this.rounds.delete(roundId);
    this.rounds.set(roundId, next);
    while (this.rounds.size > this.capacity) this.rounds.delete(this.rounds.keys().next().value as string);
    return results;
  }

  /**
   * A stored result rewritten in place (same input watermark, re-finalised under a new pool): keep the
   * new content so the next job does not redo it. Ignored when the cache holds another version.
   */
  replace(roundId: string, institutionId: string, watermark: string, result: StoredInstitutionResult): void {
    const entry = this.rounds.get(roundId)?.get(institutionId);
    if (entry !== undefined && entry.watermark === watermark) entry.result = result;
  }
}
