import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { deriveToken, hashToken } from '@apertura/config';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { ValidatorsRepository } from '../validators.repository';

/** Verification links are valid for 48 hours. */
export const VERIFICATION_TTL_MS = 48 * 3600 * 1000;

/**
 * Creates a single-use verification row and the outbox event that makes the worker mail it, in the
 * caller's transaction. The id is generated here so the token hash can be stored with the row; the
 * plaintext token is never stored (docs/decisions.md §5): the mail job derives it again.
 */
export async function createVerification(
  m: EntityManager,
  validators: ValidatorsRepository,
  outbox: OutboxService,
  secret: string,
  userId: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await validators.insertVerification(m, {
    id,
    userId,
    tokenHash: hashToken(deriveToken(secret, 'verify', id)),
    expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
  });
  await outbox.emit(m, { type: 'mail.verify-email', payload: { verificationId: id } });
  return id;
}
