import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import { hashPassword } from '../../auth/passwords';
import { hashToken } from '@apertura/config';
import { OutboxService } from '../../common/outbox/outbox.service';
import { CitizenErrors } from '../citizens.errors';
import { mutateReturning } from '../../common/persistence';
import { RegisterValidatorDto } from './dto/registration.dto';
import { newPseudonym } from './pseudonym';
import { createVerification } from './verification';

/** A new verification mail at most once a minute per account (resend cannot be used to flood a mailbox). */
const RESEND_INTERVAL_MS = 60_000;
const PSEUDONYM_ATTEMPTS = 8;
/** At most one "someone tried to register your address" mail per account in this interval. */
export const ACCOUNT_NOTICE_INTERVAL_MS = 15 * 60_000;

export async function assertMunicipalityExists(m: EntityManager | DataSource, cvegeo: string): Promise<void> {
  const rows: unknown[] = await m.query('SELECT 1 FROM municipality WHERE cvegeo = $1', [cvegeo]);
  if (rows.length === 0) throw CitizenErrors.unknownMunicipality();
}

/** Self-registration of citizen validators and e-mail verification. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Registers a validator. The answer is the same whether or not the address already has an account
   * (no enumeration): a new address gets the verification mail, an existing one a notice to its owner
   * (at most one per ACCOUNT_NOTICE_INTERVAL_MS) saying that someone tried, with the way to reset the password.
   */
  async register(dto: RegisterValidatorDto, now = new Date()): Promise<void> {
    const email = dto.email.trim().toLowerCase();
    if (dto.cvegeo) await assertMunicipalityExists(this.ds, dto.cvegeo);
    // Hash before looking at the e-mail: a taken address costs the same time as a new one.
    const passwordHash = await hashPassword(dto.password);
    await this.ds.transaction(async (m) => {
      // ON CONFLICT instead of check-then-insert: two simultaneous registrations of one address
      // must give one account, not a 500 from the unique index.
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO app_user (email, password_hash, display_name, role, guarantor_id)
         VALUES ($1, $2, $3, 'citizen_validator', NULL)
         ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING RETURNING id`,
        [email, passwordHash, dto.displayName || null],
      );
      if (inserted.length === 0) {
        const owner = await mutateReturning<{ id: string }>(
          m,
          `UPDATE app_user SET account_notice_at = $2
           WHERE email = $1 AND deleted_at IS NULL AND (account_notice_at IS NULL OR account_notice_at < $3) RETURNING id`,
          [email, now, new Date(now.getTime() - ACCOUNT_NOTICE_INTERVAL_MS)],
        );
        if (owner.length > 0)
          await this.outbox.emit(m, { type: 'mail.account-exists', payload: { userId: owner[0].id } });
        return;
      }
      const userId = inserted[0].id;
      await this.insertProfile(m, userId, dto, now);
      await createVerification(m, this.outbox, this.env.TOKEN_SECRET, userId, now);
    });
  }

  private async insertProfile(m: EntityManager, userId: string, dto: RegisterValidatorDto, now: Date): Promise<void> {
    for (let attempt = 0; attempt < PSEUDONYM_ATTEMPTS; attempt++) {
      const rows: unknown[] = await m.query(
        `INSERT INTO validator_profile (user_id, pseudonym, cvegeo, consent_at, privacy_notice_version)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pseudonym) DO NOTHING RETURNING user_id`,
        [userId, newPseudonym(), dto.cvegeo ?? null, now, dto.privacyNoticeVersion],
      );
      if (rows.length > 0) return;
    }
    throw new Error('could not draw a free validator pseudonym');
  }

  /** Marks the e-mail verified; the token works once and for 48 hours. */
  /** Spends the link and marks the address verified; returns the account, which the controller signs in. */
  async verify(token: string, now = new Date()): Promise<{ userId: string }> {
    return this.ds.transaction(async (m) => {
      const used = await mutateReturning<{ user_id: string }>(
        m,
        `UPDATE email_verification SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
        [hashToken(token), now],
      );
      if (used.length === 0) throw CitizenErrors.invalidVerificationToken();
      const userId = used[0].user_id;
      const users = await mutateReturning<{ id: string }>(
        m,
        `UPDATE app_user SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
        [userId, now],
      );
      if (users.length === 0) throw CitizenErrors.invalidVerificationToken();
      // Older links of the same account are spent too: one verification, no stray working links.
      await m.query('UPDATE email_verification SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now]);
      return { userId };
    });
  }

  /** Always "accepted": whether the address exists is never revealed. */
  async resend(emailInput: string, now = new Date()): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.ds.transaction(async (m) => {
      const users: Array<{ id: string }> = await m.query(
        `SELECT id FROM app_user WHERE email = $1 AND role = 'citizen_validator' AND deleted_at IS NULL
           AND email_verified_at IS NULL FOR UPDATE`,
        [email],
      );
      if (users.length === 0) return;
      const userId = users[0].id;
      const recent: unknown[] = await m.query(
        'SELECT 1 FROM email_verification WHERE user_id = $1 AND created_at > $2 LIMIT 1',
        [userId, new Date(now.getTime() - RESEND_INTERVAL_MS)],
      );
      if (recent.length > 0) return;
      await createVerification(m, this.outbox, this.env.TOKEN_SECRET, userId, now);
    });
  }
}
