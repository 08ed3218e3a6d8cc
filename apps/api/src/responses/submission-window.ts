import { RoundWindow, submissionState } from '../common/rounds/round-window';

export type { RoundWindow } from '../common/rounds/round-window';
export { assertAcceptsSubmissions } from '../common/rounds/round-window';

export type WindowState = 'open' | 'not_open' | 'closed';

/**
 * Kept for modules that imported it before the round window (now common/rounds/round-window.ts)
 * existed (citizens/round-access.ts): the same rule, delegated to the round data layer, under its
 * earlier names ('open' = 'accepting').
 */
export function submissionWindow(round: RoundWindow, now: Date): WindowState {
  const state = submissionState(round, now);
  return state === 'accepting' ? 'open' : state;
}
