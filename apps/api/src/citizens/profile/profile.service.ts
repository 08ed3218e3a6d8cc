import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/domain-error';
import { INSTITUTION_REF_COLUMNS, INSTITUTION_REF_JOIN, InstitutionRefRow, toInstitutionRef } from '../institution-ref';
import { assertMunicipalityExists } from '../registration/registration.service';
import { DueProcessErrors } from '../../due-process/due-process.errors';
import { assertConflictBound } from '../conflict-bound';
import {
  ConflictsDto,
  InstitutionSearchPageDto,
  InstitutionSearchQueryDto,
  UpdateProfileDto,
  ValidatorProfileDto,
} from './dto/profile.dto';

interface ProfileRow {
  id: string;
  email: string | null;
  display_name: string | null;
  email_verified_at: Date | null;
  created_at: Date;
  pseudonym: string;
  cvegeo: string | null;
  consent_at: Date;
  privacy_notice_version: string;
  mail_opt_out: boolean;
  nom_mun: string | null;
  cve_ent: string | null;
  nom_ent: string | null;
}

/** Folds accents and case in SQL the same way for both sides of a LIKE (no unaccent extension needed). */
const FOLD = (expr: string): string => `translate(lower(${expr}), 'áéíóúüñàèìòù', 'aeiouunaeiou')`;
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A validator's own profile and conflicts of interest. */
@Injectable()
export class ProfileService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async me(userId: string, m: EntityManager | DataSource = this.ds): Promise<ValidatorProfileDto> {
    const rows: ProfileRow[] = await m.query(
      `SELECT u.id, u.email, u.display_name, u.email_verified_at, u.created_at, p.pseudonym, p.cvegeo, p.consent_at,
              p.privacy_notice_version, p.mail_opt_out, mu.nom_mun, mu.cve_ent, mu.nom_ent
       FROM app_user u JOIN validator_profile p ON p.user_id = u.id
       LEFT JOIN municipality mu ON mu.cvegeo = p.cvegeo
       WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId],
    );
    const r = rows[0];
    if (!r) throw notFound('validator profile');
    const conflicts: Array<InstitutionRefRow & { conflict_reason: string | null }> = await m.query(
      `SELECT ${INSTITUTION_REF_COLUMNS}, c.reason AS conflict_reason FROM validator_conflict c JOIN institution i ON i.id = c.institution_id ${INSTITUTION_REF_JOIN}
       WHERE c.user_id = $1 ORDER BY i.name, i.id`,
      [userId],
    );
    return {
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      pseudonym: r.pseudonym,
      emailVerified: r.email_verified_at !== null,
      cvegeo: r.cvegeo,
      municipality:
        r.cvegeo && r.nom_mun && r.cve_ent && r.nom_ent
          ? { cvegeo: r.cvegeo, name: r.nom_mun, cveEnt: r.cve_ent, stateName: r.nom_ent }
          : null,
      consentAt: r.consent_at.toISOString(),
      privacyNoticeVersion: r.privacy_notice_version,
      registeredAt: r.created_at.toISOString(),
      mailOptOut: r.mail_opt_out,
      conflicts: conflicts.map(toInstitutionRef),
      conflictReasons: Object.fromEntries(conflicts.map((c) => [c.institution_id, c.conflict_reason])),
    };
  }

  async update(userId: string, dto: UpdateProfileDto): Promise<ValidatorProfileDto> {
    if (dto.cvegeo) await assertMunicipalityExists(this.ds, dto.cvegeo);
    return this.ds.transaction(async (m) => {
      if (dto.displayName !== undefined) {
        await m.query('UPDATE app_user SET display_name = $2, updated_at = now() WHERE id = $1', [
          userId,
          dto.displayName?.trim() || null,
        ]);
      }
      if (dto.cvegeo !== undefined) {
        await m.query('UPDATE validator_profile SET cvegeo = $2 WHERE user_id = $1', [userId, dto.cvegeo]);
      }
      if (dto.mailOptOut !== undefined) {
        await m.query('UPDATE validator_profile SET mail_opt_out = $2 WHERE user_id = $1', [userId, dto.mailOptOut]);
      }
      return this.me(userId, m);
    });
  }

  /**
   * Replaces the declared conflicts. Each needs a reason, and no open round may see more of them
   * among its institutions than its `max_conflicts` (issue #13: declaring conflicts with every other
   * institution must not leave a validator only the one it wants to judge). Active assignments of a
   * newly declared conflict are expired at once so the institution goes back to the pool; work
   * already saved on them stays (the write routes refuse further changes with CONFLICT_OF_INTEREST).
   */
  async setConflicts(userId: string, dto: ConflictsDto): Promise<ValidatorProfileDto> {
    if (dto.institutionIds && dto.institutionIds.length > 0) throw DueProcessErrors.conflictReasonRequired(0);
    const declarations = dto.conflicts ?? [];
    const reasons = new Map<string, string>();
    declarations.forEach((d, i) => {
      const reason = (d.reason ?? '').trim();
      if (reason.length < 3) throw DueProcessErrors.conflictReasonRequired(i);
      reasons.set(d.institutionId, reason);
    });
    const ids = [...reasons.keys()];
    return this.ds.transaction(async (m) => {
      if (ids.length > 0) {
        const found: Array<{ id: string }> = await m.query('SELECT id FROM institution WHERE id = ANY($1::uuid[])', [
          ids,
        ]);
        if (found.length !== ids.length) throw notFound('institution', 'conflicts');
        await assertConflictBound(m, ids);
      }
      await m.query('DELETE FROM validator_conflict WHERE user_id = $1 AND NOT (institution_id = ANY($2::uuid[]))', [
        userId,
        ids,
      ]);
      await m.query(
        `INSERT INTO validator_conflict (user_id, institution_id, reason) SELECT $1, x, y FROM unnest($2::uuid[], $3::text[]) AS u(x, y)
         ON CONFLICT (user_id, institution_id) DO UPDATE SET reason = EXCLUDED.reason`,
        [userId, ids, ids.map((id) => reasons.get(id) ?? '')],
      );
      await m.query(
        `UPDATE assignment SET status = 'expired', updated_at = now()
         WHERE validator_id = $1 AND status = 'active' AND institution_id = ANY($2::uuid[])`,
        [userId, ids],
      );
      return this.me(userId, m);
    });
  }

  async searchInstitutions(q: InstitutionSearchQueryDto): Promise<InstitutionSearchPageDto> {
    // The demo's generated institutions are no one's workplace: a real person never picks them.
    const where: string[] = ['i.guarantor_id NOT IN (SELECT g.id FROM guarantor g WHERE g.synthetic)'];
    const params: unknown[] = [];
    if (q.q) {
      params.push(`%${escapeLike(q.q.trim())}%`);
      where.push(`${FOLD('i.name')} LIKE ${FOLD(`$${params.length}::text`)}`);
    }
    if (q.cveEnt) {
      params.push(q.cveEnt);
      where.push(`i.cve_ent = $${params.length}`);
    }
    if (q.cvegeo) {
      params.push(q.cvegeo);
      where.push(`i.cvegeo = $${params.length}`);
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows: Array<InstitutionRefRow & { total: number }> = await this.ds.query(
      `SELECT ${INSTITUTION_REF_COLUMNS}, count(*) OVER ()::int AS total
       FROM institution i ${INSTITUTION_REF_JOIN} ${filter}
       ORDER BY i.name, i.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0]?.total ?? (q.page > 1 ? await this.countInstitutions(filter, params.slice(0, -2)) : 0);
    return { items: rows.map(toInstitutionRef), total, page: q.page, pageSize: q.pageSize };
  }

  private async countInstitutions(filter: string, params: unknown[]): Promise<number> {
    const rows: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM institution i ${filter}`,
      params,
    );
    return rows[0].total;
  }
}
