import { createHash, createHmac, timingSafeEqual } from 'crypto';

/** sha256 hex of a secret token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Derives the secret token of an invitation, e-mail verification or password reset from the server secret and the
 * row id. The plaintext is never stored (not even in the outbox payload): the mail job derives it
 * again when it sends. Leaking the database alone does not leak working links.
 */
export function deriveToken(
  secret: string,
  purpose: 'invitation' | 'verify' | 'reset' | 'staff-invite',
  id: string,
): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
