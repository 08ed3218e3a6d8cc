import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../common/domain-error';
import { submissionWindow } from '../responses/submission-window';
import { CitizenErrors } from './citizens.errors';

export interface RoundWindow {
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  validationOpen: boolean;
}

/**
 * Why a round does not take citizen work now (null when it does): the same window as institution
 * submissions (open, inside [opensAt, closesAt) — verdicts and reports stay editable until the round
 * closes), and the guarantor must have opened citizen validation.
 */
export function citizenWorkProblem(round: RoundWindow, now: Date): DomainError | null {
  const state = submissionWindow(round, now);
  if (state === 'closed') return CitizenErrors.roundClosed();
  if (state === 'not_open') return CitizenErrors.roundNotOpen();
  if (!round.validationOpen) return CitizenErrors.validationClosed();
  return null;
}

export function assertCitizenWork(round: RoundWindow, now: Date): void {
  const problem = citizenWorkProblem(round, now);
  if (problem) throw problem;
}
