import type { UserPrincipal } from './principal';
import { forbidden } from './domain-error';

/**
 * The guarantor whose data a staff caller works on. Every guarantor-scoped query filters by it, so
 * a caller without one (a platform account on a guarantor route) is refused rather than scoped to nothing.
 */
export function guarantorOf(actor: UserPrincipal): string {
  if (!actor.guarantorId) throw forbidden();
  return actor.guarantorId;
}
