import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { deriveToken, ENV, Env, hashToken } from '@apertura/config';
import { DomainError } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import { mutateReturning } from '../common/persistence';
import { clearFailures } from './login-failures';
import { hashPassword } from './passwords';

/** Reset links work once, for one hour. */
export const RESET_TTL_MS = 3600 * 1000;
/** At most one reset mail per account per this interval (the endpoint cannot be used to flood a mailbox). */
export const RESET_MAIL_INTERVAL_MS = 60_000;

const invalidResetToken = (): DomainError =>
  new DomainError('INVALID_TOKEN', {
    es: 'El enlace para restablecer la contraseña no es válido, ya se usó o expiró. Solicite uno nuevo.',
    en: 'The password reset link is invalid, already used or expired. Ask for a new one.',
  });

/**
 * Password reset by e-mail, for every role. It is also the self-service unlock: a completed reset
 * clears the account's failed sign-ins on every client. The request answers the same whether or not
 * the address has an account (the caller only learns that "if it exists, a mail is on its way").
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async request(emailInput: string, now = new Date()): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.ds.transaction(async (m) => {
      const users: Array<{ id: string }> = await m.query(
        'SELECT id FROM app_user WHERE email = $1 AND deleted_at IS NULL AND deactivated_at IS NULL FOR UPDATE',
        [email],
      );
      if (users.length === 0) return;
      const userId = users[0].id;
      const recent: unknown[] = await m.query(
        'SELECT 1 FROM password_reset WHERE user_id = $1 AND created_at > $2 LIMIT 1',
        [userId, new Date(now.getTime() - RESET_MAIL_INTERVAL_MS)],
      );
      if (recent.length > 0) return;
      const id = randomUUID();
      // Only the hash is stored; the mail job derives the token again from the id (docs/decisions.md §5).
      await m.query(
        'INSERT INTO password_reset (id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [
          id,
          userId,
          hashToken(deriveToken(this.env.TOKEN_SECRET, 'reset', id)),
          now,
          new Date(now.getTime() + RESET_TTL_MS),
        ],
      );
      await this.outbox.emit(m, { type: 'mail.password-reset', payload: { resetId: id } });
    });
  }

  async confirm(token: string, password: string, now = new Date()): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.ds.transaction(async (m) => {
      const used = await mutateReturning<{ user_id: string }>(
        m,
        `UPDATE password_reset SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
        [hashToken(token), now],
      );
      const userId = used[0]?.user_id;
      if (!userId) throw invalidResetToken();
      const users = await mutateReturning<{ id: string }>(
        m,
        // Following the link proves control of the address, as the verification link would.
        `UPDATE app_user SET password_hash = $2, password_changed_at = $3, email_verified_at = COALESCE(email_verified_at, $3), updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL AND deactivated_at IS NULL RETURNING id`,
        [userId, passwordHash, now],
      );
      if (users.length === 0) throw invalidResetToken();
      // Other open links of the account are spent; every client's lock is lifted.
      await m.query('UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now]);
      await clearFailures(m, userId);
    });
  }
}
