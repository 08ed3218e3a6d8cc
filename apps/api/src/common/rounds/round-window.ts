import type { RoundStatus } from '@apertura/db';
import { RoundErrors } from './rounds.errors';

export interface RoundWindow {
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
}

export type SubmissionState = 'not_open' | 'accepting' | 'closed';

/**
 * Whether a round takes submissions at `now`: only while it is `open` AND inside its window
 * [opensAt, closesAt). Closing early (status) or reaching closesAt (time) both end submissions.
 */
export function submissionState(round: RoundWindow, now: Date): SubmissionState {
  if (round.status === 'draft') return 'not_open';
  if (round.status !== 'open') return 'closed';
  if (now.getTime() < round.opensAt.getTime()) return 'not_open';
  if (now.getTime() >= round.closesAt.getTime()) return 'closed';
  return 'accepting';
}

/** Throws ROUND_NOT_OPEN (before the round opens) or ROUND_CLOSED (after it closes), both 409. */
export function assertAcceptsSubmissions(round: RoundWindow, now: Date): void {
  const state = submissionState(round, now);
  if (state === 'accepting') return;
  if (state === 'not_open') {
    const at = round.opensAt.toISOString();
    throw RoundErrors.notOpenYet(round.status, at);
  }
  const at = round.closesAt.toISOString();
  throw RoundErrors.noLongerAccepting(round.status, at);
}
