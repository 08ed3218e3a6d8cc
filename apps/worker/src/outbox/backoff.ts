/** Polling policy of the relay loop (pure, so it is unit-tested without timers). */
export const RELAY_IDLE_MS = 200;
export const RELAY_MAX_BACKOFF_MS = 5000;
const FIRST_BACKOFF_MS = 250;
/** While Redis or PostgreSQL stays down, repeat the warning at most this often. */
export const RELAY_WARN_EVERY_MS = 60_000;

/** Next wait after a failed drain: exponential from 250 ms, capped at 5 s. */
export function nextBackoff(previousMs: number): number {
  return previousMs <= 0 ? FIRST_BACKOFF_MS : Math.min(previousMs * 2, RELAY_MAX_BACKOFF_MS);
}

/** Wait after a successful drain: none while batches come back full (more is waiting), else idle polling. */
export function delayAfterSuccess(selected: number, batchSize: number): number {
  return selected >= batchSize ? 0 : RELAY_IDLE_MS;
}
