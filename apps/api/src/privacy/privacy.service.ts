import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../common/audit/audit.service';
import { verifyPassword } from '../auth/passwords';
import type { UserPrincipal } from '../common/principal';
import { guarantorOf } from '../common/guarantor-of';
import { ErasureResultDto } from './dto/privacy.dto';
import { PrivacyErrors } from './privacy.errors';
import { PrivacyRepository, ValidatorAccount } from './privacy.repository';

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
    private readonly repo: PrivacyRepository,
    private readonly audit: AuditService,
  ) {}

  async eraseSelf(actor: UserPrincipal, password: string): Promise<ErasureResultDto> {
    const pre = await this.repo.validatorAccount(this.ds, actor.userId);
    // Checked outside the transaction: argon2 takes tens of milliseconds and holds no lock meanwhile.
    if (!pre || pre.deletedAt || !(await verifyPassword(pre.passwordHash, password)))
      throw PrivacyErrors.wrongPassword();
    return this.ds.transaction(async (m) => {
      const row = await this.repo.validatorAccount(m, actor.userId, 'update');
      if (!row || row.deletedAt) throw PrivacyErrors.wrongPassword();
      const guarantors = await this.repo.guarantorsOf(m, row.id);
      return this.erase(m, row, actor, guarantors.length ? guarantors : [null], 'self');
    });
  }

  /** A guarantor admin erases a validator who worked on one of its rounds; anyone else is NOT_FOUND. */
  async eraseByGuarantor(actor: UserPrincipal, userId: string): Promise<ErasureResultDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const row = await this.repo.validatorAccount(m, userId, 'update');
      if (!row || !(await this.repo.guarantorsOf(m, row.id)).includes(guarantorId))
        throw PrivacyErrors.unknownValidator();
      return this.erase(m, row, actor, [guarantorId], 'guarantor_admin');
    });
  }

  /**
   * Retention promised in the privacy notice (aviso de privacidad §7): accounts that never confirmed their
   * e-mail are erased after 30 days; validators are erased two years after the close of the last round
   * they worked on (or after registering, if they never worked). Run daily (`cli.js retention`).
   */
  async applyRetention(now = new Date()): Promise<{ unverified: number; inactive: number }> {
    const due = await this.repo.dueForRetention(this.ds, now);
    const counts = { unverified: 0, inactive: 0 };
    for (const { id, reason } of due) {
      await this.ds.transaction(async (m) => {
        const row = await this.repo.validatorAccount(m, id, 'update');
        if (!row || row.deletedAt) return;
        const guarantors = await this.repo.guarantorsOf(m, row.id);
        await this.erase(m, row, 'system', guarantors.length ? guarantors : [null], `retention:${reason}`);
        counts[reason] += 1;
      });
    }
    // Credentials' by-products of every role go too (see PrivacyRepository.purgeStaleCredentials).
    await this.repo.purgeStaleCredentials(this.ds, now);
    return counts;
  }

  private async erase(
    m: EntityManager,
    row: ValidatorAccount,
    actor: UserPrincipal | 'system',
    auditGuarantors: Array<string | null>,
    by: 'self' | 'guarantor_admin' | 'retention:unverified' | 'retention:inactive',
  ): Promise<ErasureResultDto> {
    const { verdicts, reports } = await this.repo.keptWork(m, row.id);
    if (row.deletedAt) {
      return {
        userId: row.id,
        pseudonym: row.pseudonym,
        erasedAt: row.deletedAt.toISOString(),
        erased: false,
        expiredAssignments: 0,
        verdictsKept: verdicts,
        reportsKept: reports,
      };
    }
    const erasedAt = await this.repo.pseudonymiseAccount(m, row.id);
    await this.repo.deletePersonalData(m, row.id);
    const expiredAssignments = await this.repo.expireActiveAssignments(m, row.id);
    const details = {
      pseudonym: row.pseudonym,
      by,
      expiredAssignments,
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
      erasedAt: erasedAt.toISOString(),
      erased: true,
      expiredAssignments,
      verdictsKept: verdicts,
      reportsKept: reports,
    };
  }
}
