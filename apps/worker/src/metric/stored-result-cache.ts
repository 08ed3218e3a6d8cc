import type { StoredInstitutionResult } from './aggregation-input';

export interface StoredVersion {
  institutionId: string;
  /** Input watermark the stored result was computed from. */
  watermark: string;
  /** The stored row's version: the transaction that last wrote it (PostgreSQL's xmin). */
  version: string;
}

interface Entry {
  watermark: string;
  version: string;
  result: StoredInstitutionResult;
}

const same = (entry: Entry | undefined, v: StoredVersion): entry is Entry =>
  entry !== undefined && entry.watermark === v.watermark && entry.version === v.version;

/**
 * Stored institution results of recently aggregated rounds, kept between area jobs so that each job
 * re-reads only what changed (a national round's results are ≈ 50 MB of JSON to fetch and parse).
 * An entry is identified by the stored row's watermark *and* its version (the transaction that last
 * wrote it): the watermark alone does not say which pool the row's values were finalised under, and
 * an institution job may rewrite a row at the same watermark under an older pool than the one an area
 * job of another process (or of this one) just patched it to. The job reads the round's (institution,
 * watermark, version) triples and fetches the results it does not hold as they are. Bounded to a few
 * rounds, least recently used out first.
 */
export class StoredResultCache {
  private readonly rounds = new Map<string, Map<string, Entry>>();

  constructor(private readonly capacity = 2) {}

  /** Institutions whose stored result must be fetched. */
  missing(roundId: string, versions: readonly StoredVersion[]): string[] {
    const held = this.rounds.get(roundId);
    return versions.filter((v) => !same(held?.get(v.institutionId), v)).map((v) => v.institutionId);
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
      const result = fresh ?? (same(old, v) ? old.result : undefined);
      if (result === undefined)
        throw new Error(
          `stored result of institution ${v.institutionId} at watermark ${v.watermark} (version ${v.version}) was not fetched`,
        );
      next.set(v.institutionId, { watermark: v.watermark, version: v.version, result });
      results.set(v.institutionId, result);
    }
    this.rounds.delete(roundId);
    this.rounds.set(roundId, next);
    while (this.rounds.size > this.capacity) this.rounds.delete(this.rounds.keys().next().value as string);
    return results;
  }

  /**
   * A stored result rewritten in place (same input watermark, re-finalised under a new pool) by the
   * transaction `version`: keep the new content so the next job does not redo it. Ignored when the
   * cache holds another version than the one rewritten.
   */
  replace(roundId: string, from: StoredVersion, version: string, result: StoredInstitutionResult): void {
    const entry = this.rounds.get(roundId)?.get(from.institutionId);
    if (!same(entry, from)) return;
    entry.version = version;
    entry.result = result;
  }
}
