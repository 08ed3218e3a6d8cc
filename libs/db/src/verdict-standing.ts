/**
 * METHOD.md §3.1 in SQL, the single definition the worker (metric inputs), the API (institution's
 * reply page, guarantor queue, sweep) share. A verdict's standing:
 *  - `counted`: a confirmation (at once); a refutation whose reply window passed without a dispute,
 *    or whose dispute the guarantor upheld;
 *  - `pending`: a refutation not yet notified, or still inside its reply window;
 *  - `disputed`: a refutation the institution disputed, awaiting the guarantor (not counted);
 *  - `overturned`: the guarantor overturned the refutation (never counted);
 *  - `ignored`: `unverifiable` (§3.1: not counted).
 * Only the dispute answering the current notification applies: a refutation edited by its validator
 * is notified again and its window runs anew.
 *
 * Use with `FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}`; `now()` is the
 * transaction's start, so one snapshot sees one consistent standing.
 */
export const VERDICT_DISPUTE_JOIN = `LEFT JOIN verdict_dispute d ON d.verdict_id = v.id AND d.notified_at = v.notified_at`;

export const VERDICT_STANDING_SQL = `CASE
  WHEN v.verdict = 'confirmed' THEN 'counted'
  WHEN v.verdict <> 'refuted' THEN 'ignored'
  WHEN d.status = 'upheld' THEN 'counted'
  WHEN d.status = 'overturned' THEN 'overturned'
  WHEN d.status = 'open' THEN 'disputed'
  WHEN v.notified_at IS NOT NULL AND v.notified_at + make_interval(days => r.reply_window_days) <= now() THEN 'counted'
  ELSE 'pending'
END`;

/** End of the reply window of a notified refutation (NULL before notification). */
export const REPLY_DEADLINE_SQL = `(v.notified_at + make_interval(days => r.reply_window_days))`;

export type VerdictStanding = 'counted' | 'pending' | 'disputed' | 'overturned' | 'ignored';
