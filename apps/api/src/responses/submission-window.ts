import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../common/domain-error';

export interface RoundWindow {
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
}

export type WindowState = 'open' | 'not_open' | 'closed';

/**
 * Whether a round takes self-reports at `now`: it must be open and inside its window [opensAt, closesAt).
 * A round past its closing time is closed for respondents even before staff close it formally.
 */
export function submissionWindow(round: RoundWindow, now: Date): WindowState {
  if (round.status === 'closed' || round.status === 'published') return 'closed';
  if (round.status !== 'open') return 'not_open';
  if (now.getTime() >= round.closesAt.getTime()) return 'closed';
  if (now.getTime() < round.opensAt.getTime()) return 'not_open';
  return 'open';
}

/** Throws ROUND_NOT_OPEN / ROUND_CLOSED unless the round takes self-reports at `now`. */
export function assertAcceptsSubmissions(round: RoundWindow, now: Date): void {
  const state = submissionWindow(round, now);
  if (state === 'closed') {
    throw new DomainError('ROUND_CLOSED', {
      es: 'La ronda está cerrada: ya no se aceptan respuestas ni cambios.',
      en: 'The round is closed: answers and changes are no longer accepted.',
    });
  }
  if (state === 'not_open') {
    throw new DomainError('ROUND_NOT_OPEN', {
      es: 'La ronda todavía no está abierta para responder.',
      en: 'The round is not open for answers yet.',
    });
  }
}
