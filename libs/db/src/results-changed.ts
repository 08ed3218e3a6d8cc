/**
 * The "results changed" notification (issue #17, item 3): the worker sends it with pg_notify in the
 * transaction that commits a result write (PostgreSQL delivers it on commit only, never for a rolled
 * back write); every API process LISTENs on the primary and streams it to the open results pages.
 * Small on purpose (NOTIFY payloads are capped at 8,000 bytes): which round, which parts, no values.
 */
export const RESULTS_CHANNEL = 'apertura_results_changed';

/**
 * What a write touched: one institution's rows (`institution`, with its id), every area row and
 * the institutions the re-formed pool re-finalised (`areas`), or everything (`all`, a full rebuild).
 */
export type ResultsChangeScope = 'institution' | 'areas' | 'all';

export interface ResultsChanged {
  roundId: string;
  /** result_change.version after this write: strictly increasing per round (the SSE event id). */
  version: string;
  /** Input watermark of the write (outbox position its inputs include). */
  watermark: string;
  scope: ResultsChangeScope;
  /** With scope `institution`. */
  institutionId?: string;
}

const SCOPES: readonly string[] = ['institution', 'areas', 'all'];
const DIGITS = /^\d{1,19}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A notification payload, or null when it is not one (anyone with database access may NOTIFY). */
export function parseResultsChanged(payload: string | undefined): ResultsChanged | null {
  if (!payload || payload.length > 1000) return null;
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.roundId !== 'string' || !UUID.test(o.roundId)) return null;
  if (
    typeof o.version !== 'string' ||
    !DIGITS.test(o.version) ||
    typeof o.watermark !== 'string' ||
    !DIGITS.test(o.watermark)
  )
    return null;
  if (typeof o.scope !== 'string' || !SCOPES.includes(o.scope)) return null;
  const institutionId = typeof o.institutionId === 'string' && UUID.test(o.institutionId) ? o.institutionId : undefined;
  return {
    roundId: o.roundId,
    version: o.version,
    watermark: o.watermark,
    scope: o.scope as ResultsChangeScope,
    ...(institutionId ? { institutionId } : {}),
  };
}
