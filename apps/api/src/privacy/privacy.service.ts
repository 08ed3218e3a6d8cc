import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../common/audit/audit.service';
import { verifyPassword } from '../auth/passwords';
import type { UserPrincipal } from '../auth/principal';
import { guarantorOf } from '../common/guarantor-of';
import { mutateReturning } from '../common/persistence';
import { ErasureResultDto } from './dto/privacy.dto';
import { PrivacyErrors } from './privacy.errors';

interface ValidatorRow {
  id: string;
  pseudonym: string;
  password_hash: string | null;
  deleted_at: Date | null;
}

/**
 * Erasure of a citizen validator's personal data on request (self-service or through a guarantor
 * admin). The account is pseudonymised, not deleted: e-mail, password hash, display name, municipality
 * of residence, declared conflicts and verification tokens go; the pseudonym, verdicts and citizen
 * reports stay, so published results do not change and remain reproducible. Active assignments expire
 * (their institutions return to the pool). The person can no longer sign in.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async eraseSelf(actor: UserPrincipal, password: string): Promise<ErasureResultDto> {
    const pre = await this.validator(this.ds, actor.userId);
    // Checked outside the transaction: argon2 takes tens of milliseconds and holds no lock meanwhile.
    if (!pre || pre.deleted_at || !(await verifyPassword(pre.password_hash, password)))
      throw PrivacyErrors.wrongPassword();
    return this.ds.transaction(async (m) => {
      const row = await this.validator(m, actor.userId, true);
      if (!row || row.deleted_at) throw PrivacyErrors.wrongPassword();
      const guarantors = await this.guarantorsOf(m, row.id);
      return this.erase(m, row, actor, guarantors.length ? guarantors : [null], 'self');
    });
  }

  /** A guarantor admin erases a validator who worked on one of its rounds; anyone else is NOT_FOUND. */
  async eraseByGuarantor(actor: UserPrincipal, userId: string): Promise<ErasureResultDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const row = await this.validator(m, userId, true);
      if (!row || !(await this.guarantorsOf(m, row.id)).includes(guarantorId)) throw PrivacyErrors.unknownValidator();
      return this.erase(m, row, actor, [guarantorId], 'guarantor_admin');
    });
  }

  /**
   * Retention promised in the privacy notice (aviso de privacidad §7): accounts that never confirmed their
   * e-mail are erased after 30 days; validators are erased two years after the close of the last round
   * they worked on (or after registering, if they never worked). Run daily (`cli.js retention`).
   */
  async applyRetention(now = new Date()): Promise<{ unverified: number; inactive: number }> {
    const due: Array<{ id: string; reason: 'unverified' | 'inactive' }> = await this.ds.query(
      `SELECT u.id, CASE WHEN u.email_verified_at IS NULL THEN 'unverified' ELSE 'inactive' END AS reason
       FROM app_user u
       LEFT JOIN LATERAL (
         SELECT max(r.closed_at) AS last_closed, bool_or(r.closed_at IS NULL) AS still_open
         FROM round r
         WHERE r.id IN (SELECT round_id FROM assignment WHERE validator_id = u.id
                        UNION SELECT round_id FROM verdict WHERE validator_id = u.id
                        UNION SELECT round_id FROM citizen_report WHERE validator_id = u.id)) w ON true
       WHERE u.role = 'citizen_validator' AND u.deleted_at IS NULL
         AND ((u.email_verified_at IS NULL AND u.created_at < $1::timestamptz - interval '30 days')
           OR (u.email_verified_at IS NOT NULL AND NOT coalesce(w.still_open, false)
               AND coalesce(w.last_closed, u.created_at) < $1::timestamptz - interval '2 years'))
       ORDER BY u.id`,
      [now],
    );
    const counts = { unverified: 0, inactive: 0 };
    for (const { id, reason } of due) {
      await this.ds.transaction(async (m) => {
        const row = await this.validator(m, id, true);
        if (!row || row.deleted_at) return;
        const guarantors = await this.guarantorsOf(m, row.id);
        await this.erase(m, row, 'system', guarantors.length ? guarantors : [null], `retention:${reason}`);
        counts[reason] += 1;
      });
    }
    // Credentials' by-products of every role: spent or expired reset links, and sign-in failures already forgotten (auth/login-failures.ts).
    await this.ds.query(`DELETE FROM password_reset WHERE expires_at < $1::timestamptz - interval '1 day'`, [now]);
    await this.ds.query(
      `DELETE FROM login_failure WHERE last_failed_at < $1::timestamptz - interval '1 day' AND (locked_until IS NULL OR locked_until < $1::timestamptz)`,
      [now],
    );
    return counts;
  }

  private async validator(
    m: EntityManager | DataSource,
    userId: string,
    lock = false,
  ): Promise<ValidatorRow | undefined> {
    const rows: ValidatorRow[] = await m.query(
      `SELECT u.id, p.pseudonym, u.password_hash, u.deleted_at FROM app_user u JOIN validator_profile p ON p.user_id = u.id
       WHERE u.id = $1 AND u.role = 'citizen_validator' ${lock ? 'FOR UPDATE OF u' : ''}`,
      [userId],
    );
    return rows[0];
  }

  /** Guarantors whose rounds hold the validator's work (assignments, verdicts or reports). */
  private async guarantorsOf(m: EntityManager, userId: string): Promise<string[]> {
    const rows: Array<{ guarantor_id: string }> = await m.query(
      `SELECT DISTINCT r.guarantor_id FROM round r
       WHERE r.id IN (SELECT round_id FROM assignment WHERE validator_id = $1
                      UNION SELECT round_id FROM verdict WHERE validator_id = $1
                      UNION SELECT round_id FROM citizen_report WHERE validator_id = $1)
       ORDER BY r.guarantor_id`,
      [userId],
    );
    return rows.map((r) => r.guarantor_id);
  }

  private async erase(
    m: EntityManager,
    row: ValidatorRow,
    actor: UserPrincipal | 'system',
    auditGuarantors: Array<string | null>,
    by: 'self' | 'guarantor_admin' | 'retention:unverified' | 'retention:inactive',
  ): Promise<ErasureResultDto> {
    const [{ verdicts, reports }]: Array<{ verdicts: number; reports: number }> = await m.query(
      `SELECT (SELECT count(*) FROM verdict WHERE validator_id = $1)::int AS verdicts,
              (SELECT count(*) FROM citizen_report WHERE validator_id = $1)::int AS reports`,
      [row.id],
    );
    if (row.deleted_at) {
      return {
        userId: row.id,
        pseudonym: row.pseudonym,
        erasedAt: row.deleted_at.toISOString(),
        erased: false,
        expiredAssignments: 0,
        verdictsKept: verdicts,
        reportsKept: reports,
      };
    }
    const [{ deleted_at }] = await mutateReturning<{ deleted_at: Date }>(
      m,
      `UPDATE app_user SET email = NULL, password_hash = NULL, display_name = NULL, failed_logins = 0, locked_until = NULL,
              deleted_at = now(), updated_at = now()
       WHERE id = $1 RETURNING deleted_at`,
      [row.id],
    );
    await m.query('UPDATE validator_profile SET cvegeo = NULL WHERE user_id = $1', [row.id]);
    // Where someone works is personal data too; the conflicts only mattered for future assignments.
    await m.query('DELETE FROM validator_conflict WHERE user_id = $1', [row.id]);
    await m.query('DELETE FROM email_verification WHERE user_id = $1', [row.id]);
    // Reset links and sign-in failures (keyed by an HMAC of the client address) go with the account's credentials.
    await m.query('DELETE FROM password_reset WHERE user_id = $1', [row.id]);
    await m.query('DELETE FROM login_failure WHERE user_id = $1', [row.id]);
    const expired = await mutateReturning<{ id: string }>(
      m,
      `UPDATE assignment SET status = 'expired', updated_at = now() WHERE validator_id = $1 AND status = 'active' RETURNING id`,
      [row.id],
    );
    const details = {
      pseudonym: row.pseudonym,
      by,
      expiredAssignments: expired.length,
      verdictsKept: verdicts,
      reportsKept: reports,
    };
    for (const guarantorId of auditGuarantors) {
      await this.audit.record(m, actor, {
        action: 'validator.erase',
        entityType: 'user',
        entityId: row.id,
        guarantorId,
        details,
      });
    }
    return {
      userId: row.id,
      pseudonym: row.pseudonym,
      erasedAt: deleted_at.toISOString(),
      erased: true,
      expiredAssignments: expired.length,
      verdictsKept: verdicts,
      reportsKept: reports,
    };
  }
}
