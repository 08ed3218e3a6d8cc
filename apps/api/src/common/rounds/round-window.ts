import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../domain-error';

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
    throw new DomainError(
      'ROUND_NOT_OPEN',
      round.status === 'draft'
        ? { es: 'La ronda aún no está abierta.', en: 'The round is not open yet.' }
        : { es: `La ronda recibe respuestas a partir de ${at}.`, en: `The round accepts submissions from ${at}.` },
      undefined,
      { status: round.status, opensAt: at },
    );
  }
  const at = round.closesAt.toISOString();
  throw new DomainError(
    'ROUND_CLOSED',
    round.status === 'open'
      ? { es: `La ronda dejó de recibir respuestas el ${at}.`, en: `The round stopped accepting submissions at ${at}.` }
      : {
          es: 'La ronda está cerrada; ya no recibe respuestas.',
          en: 'The round is closed; it no longer accepts submissions.',
        },
    undefined,
    { status: round.status, closesAt: at },
  );
}
