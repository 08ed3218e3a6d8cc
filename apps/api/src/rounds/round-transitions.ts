import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../common/domain-error';

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
  const allowedEs = allowed.length ? allowed.map((s) => `«${LABEL_ES[s]}»`).join(', ') : 'ninguna (estado final)';
  const allowedEn = allowed.length ? allowed.map((s) => `'${s}'`).join(', ') : 'none (final state)';
  throw new DomainError(
    'INVALID_TRANSITION',
    {
      es: `Una ronda no puede pasar de «${LABEL_ES[from]}» a «${LABEL_ES[to]}». Desde «${LABEL_ES[from]}» solo se permite: ${allowedEs}.`,
      en: `A round cannot go from '${from}' to '${to}'. From '${from}' only this is allowed: ${allowedEn}.`,
    },
    'status',
    { from, to, allowed: [...allowed] },
  );
}
