import type { RoundStatus } from '@apertura/db';
import { RoundErrors } from '../common/rounds/rounds.errors';

/** The lifecycle draft → open → closed → published; nothing goes back and nothing is skipped. */
export const ROUND_TRANSITIONS: Readonly<Record<RoundStatus, readonly RoundStatus[]>> = Object.freeze({
  draft: ['open'],
  open: ['closed'],
  closed: ['published'],
  published: [],
});

const LABEL_ES: Record<RoundStatus, string> = {
  draft: 'borrador',
  open: 'abierta',
  closed: 'cerrada',
  published: 'publicada',
};

export function canTransition(from: RoundStatus, to: RoundStatus): boolean {
  return ROUND_TRANSITIONS[from].includes(to);
}

/** Throws INVALID_TRANSITION (409), naming both states and what is allowed from `from`. */
export function assertCanTransition(from: RoundStatus, to: RoundStatus): void {
  if (canTransition(from, to)) return;
  const allowed = ROUND_TRANSITIONS[from];
  throw RoundErrors.invalidTransition(from, to, allowed, LABEL_ES);
}
