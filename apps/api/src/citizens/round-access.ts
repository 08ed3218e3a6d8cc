import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../common/domain-error';
import { assertAcceptsSubmissions, submissionState } from '../common/rounds/round-window';
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
 * closes: ROUND_NOT_OPEN / ROUND_CLOSED), and the guarantor must have opened citizen validation
 * (VALIDATION_CLOSED).
 */
export function citizenWorkProblem(round: RoundWindow, now: Date): DomainError | null {
  if (submissionState(round, now) !== 'accepting') {
    try {
      assertAcceptsSubmissions(round, now);
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
  }
  if (!round.validationOpen) return CitizenErrors.validationClosed();
  return null;
}

export function assertCitizenWork(round: RoundWindow, now: Date): void {
  const problem = citizenWorkProblem(round, now);
  if (problem) throw problem;
}
