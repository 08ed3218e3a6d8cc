import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { deriveToken, ENV, Env, hashToken } from '@apertura/config';
import { AuthErrors } from './auth.errors';
import { OutboxService } from '../common/outbox/outbox.service';
import { UsersRepository } from '../common/users/users.repository';
import { AuthRepository } from './auth.repository';
import { hashPassword } from './passwords';

/** Reset links work once, for one hour. */
export const RESET_TTL_MS = 3600 * 1000;
/** At most one reset mail per account per this interval (the endpoint cannot be used to flood a mailbox). */
export const RESET_MAIL_INTERVAL_MS = 60_000;

/**
 * Password reset by e-mail, for every role. It is also the self-service unlock: a completed reset
 * clears the account's failed sign-ins on every client. The request answers the same whether or not
 * the address has an account (the caller only learns that "if it exists, a mail is on its way").
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly repo: AuthRepository,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async request(emailInput: string, now = new Date()): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.ds.transaction(async (m) => {
      const userId = await this.users.lockUsableByEmail(m, email);
      if (!userId) return;
      if (await this.repo.resetRequestedSince(m, userId, new Date(now.getTime() - RESET_MAIL_INTERVAL_MS))) return;
      const id = randomUUID();
      // Only the hash is stored; the mail job derives the token again from the id (docs/decisions.md §5).
      await this.repo.insertReset(m, {
        id,
        userId,
        tokenHash: hashToken(deriveToken(this.env.TOKEN_SECRET, 'reset', id)),
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      });
      await this.outbox.emit(m, { type: 'mail.password-reset', payload: { resetId: id } });
    });
  }

  async confirm(token: string, password: string, now = new Date()): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.ds.transaction(async (m) => {
      const userId = await this.repo.spendReset(m, hashToken(token), now);
      if (!userId) throw AuthErrors.invalidResetToken();
      // Following the link proves control of the address, as the verification link would.
      if (!(await this.users.setPassword(m, userId, { passwordHash, at: now }))) throw AuthErrors.invalidResetToken();
      // Other open links of the account are spent; every client's lock is lifted.
      await this.repo.spendResetsOf(m, userId, now);
      await this.repo.clearFailures(m, userId);
    });
  }
}
