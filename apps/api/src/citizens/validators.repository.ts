import { Injectable } from '@nestjs/common';
import { lockClause, mutateReturning, queryOne, queryRows, type Queryable } from '../common/persistence';
import type { InstitutionRefDto } from './dto/common.dto';
import { INSTITUTION_REF_COLUMNS, INSTITUTION_REF_JOIN, InstitutionRefRow, toInstitutionRef } from './institution-ref';
import type { ConflictOverflowRow, ConflictRow, ProfileRow, RoundValidatorRow } from './validators.rows';

/** A validator's account and profile, with the municipality they declared (if any, and known). */
export interface ValidatorProfileRecord {
  id: string;
  email: string | null;
  displayName: string | null;
  emailVerifiedAt: Date | null;
  registeredAt: Date;
  pseudonym: string;
  cvegeo: string | null;
  consentAt: Date;
  privacyNoticeVersion: string;
  mailOptOut: boolean;
  municipality: { cvegeo: string; name: string; cveEnt: string; stateName: string } | null;
}

export interface ConflictRecord {
  institution: InstitutionRefDto;
  reason: string | null;
}

/** The first open round (or the given one) that would see more declared conflicts than it allows. */
export interface ConflictOverflow {
  roundName: string;
  declared: number;
  max: number;
}

/** A validator who worked on a round, with personal data and their work there (guarantor's view). */
export interface RoundValidatorRecord {
  id: string;
  pseudonym: string;
  email: string | null;
  displayName: string | null;
  cvegeo: string | null;
  emailVerifiedAt: Date | null;
  registeredAt: Date;
  consentAt: Date;
  privacyNoticeVersion: string;
  assignments: { active: number; completed: number; expired: number };
  verdicts: number;
  reports: number;
}

export interface InstitutionSearch {
  /** Substring of the name, matched ignoring case and accents. */
  text?: string;
  cveEnt?: string;
  cvegeo?: string;
}

/** Folds accents and case in SQL the same way for both sides of a LIKE (no unaccent extension needed). */
const FOLD = (expr: string): string => `translate(lower(${expr}), 'áéíóúüñàèìòù', 'aeiouunaeiou')`;
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Institutions a real person may declare a conflict with. Parameters: $1 pattern, $2 state, $3 municipality. */
const SEARCH_WHERE = `WHERE i.guarantor_id NOT IN (SELECT g.id FROM guarantor g WHERE g.synthetic)
  AND ($1::text IS NULL OR ${FOLD('i.name')} LIKE ${FOLD('$1::text')})
  AND ($2::text IS NULL OR i.cve_ent = $2) AND ($3::text IS NULL OR i.cvegeo = $3)`;

/**
 * The citizen validator aggregate in PostgreSQL: the account (app_user) and validator_profile,
 * e-mail verification links, declared conflicts of interest, and the catalogue reads registration
 * and the profile check against (municipalities, institutions to declare conflicts with).
 */
@Injectable()
export class ValidatorsRepository {
  // ── Registration and verification ─────────────────────────────────────────────────────────────

  /**
   * Creates the validator account; undefined when the address is taken. ON CONFLICT instead of
   * check-then-insert: two simultaneous registrations of one address give one account, not a 500.
   */
  async insertUser(
    m: Queryable,
    u: { email: string; passwordHash: string; displayName: string | null },
  ): Promise<string | undefined> {
    const row = await queryOne<{ id: string }>(
      m,
      `INSERT INTO app_user (email, password_hash, display_name, role, guarantor_id)
       VALUES ($1, $2, $3, 'citizen_validator', NULL)
       ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING RETURNING id`,
      [u.email, u.passwordHash, u.displayName],
    );
    return row?.id;
  }

  /**
   * Stamps the "someone tried to register your address" notice on the live account of `email`,
   * unless one was stamped after `notBefore`; returns the account when stamped.
   */
  async stampAccountNotice(m: Queryable, email: string, now: Date, notBefore: Date): Promise<string | undefined> {
    const [row] = await mutateReturning<{ id: string }>(
      m,
      `UPDATE app_user SET account_notice_at = $2
       WHERE email = $1 AND deleted_at IS NULL AND (account_notice_at IS NULL OR account_notice_at < $3) RETURNING id`,
      [email, now, notBefore],
    );
    return row?.id;
  }

  /** Inserts the profile; false when the pseudonym is taken (the caller draws another). */
  async insertProfile(
    m: Queryable,
    p: { userId: string; pseudonym: string; cvegeo: string | null; consentAt: Date; privacyNoticeVersion: string },
  ): Promise<boolean> {
    const rows = await queryRows<{ user_id: string }>(
      m,
      `INSERT INTO validator_profile (user_id, pseudonym, cvegeo, consent_at, privacy_notice_version)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pseudonym) DO NOTHING RETURNING user_id`,
      [p.userId, p.pseudonym, p.cvegeo, p.consentAt, p.privacyNoticeVersion],
    );
    return rows.length > 0;
  }

  /** Stores a verification link (its token hash only). */
  async insertVerification(
    m: Queryable,
    v: { id: string; userId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await m.query('INSERT INTO email_verification (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)', [
      v.id,
      v.userId,
      v.tokenHash,
      v.expiresAt,
    ]);
  }

  /** Spends an unused, unexpired link; returns its account (undefined when there is no such link). */
  async spendVerification(m: Queryable, tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await mutateReturning<{ user_id: string }>(
      m,
      `UPDATE email_verification SET used_at = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [tokenHash, now],
    );
    return row?.user_id;
  }

  /** Marks the address verified (the first time counts); false when the account is gone. */
  async markEmailVerified(m: Queryable, userId: string, now: Date): Promise<boolean> {
    const rows = await mutateReturning<{ id: string }>(
      m,
      `UPDATE app_user SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = now()
       WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [userId, now],
    );
    return rows.length > 0;
  }

  /** Spends every other open link of the account: one verification, no stray working links. */
  async spendOpenVerifications(m: Queryable, userId: string, now: Date): Promise<void> {
    await m.query('UPDATE email_verification SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now]);
  }

  /**
   * The live, still unverified validator account of `email`, row-locked FOR UPDATE so two resends
   * of one account do not both pass the rate limit.
   */
  async lockUnverified(m: Queryable, email: string): Promise<string | undefined> {
    const row = await queryOne<{ id: string }>(
      m,
      `SELECT id FROM app_user WHERE email = $1 AND role = 'citizen_validator' AND deleted_at IS NULL
         AND email_verified_at IS NULL ${lockClause('update')}`,
      [email],
    );
    return row?.id;
  }

  /** A verification link of the account was created after `since`. */
  async hasVerificationSince(m: Queryable, userId: string, since: Date): Promise<boolean> {
    const row = await queryOne<{ one: number }>(
      m,
      'SELECT 1 AS one FROM email_verification WHERE user_id = $1 AND created_at > $2 LIMIT 1',
      [userId, since],
    );
    return row !== undefined;
  }

  /** The live account's address is verified (read fresh: a JWT issued before verification does not say). */
  async isEmailVerified(m: Queryable, userId: string): Promise<boolean> {
    const row = await queryOne<{ verified: boolean }>(
      m,
      'SELECT email_verified_at IS NOT NULL AS verified FROM app_user WHERE id = $1 AND deleted_at IS NULL',
      [userId],
    );
    return row?.verified ?? false;
  }

  // ── Profile ───────────────────────────────────────────────────────────────────────────────────

  /** The live validator's profile (undefined for other accounts or a deleted one). */
  async profile(m: Queryable, userId: string): Promise<ValidatorProfileRecord | undefined> {
    const r = await queryOne<ProfileRow>(
      m,
      `SELECT u.id, u.email, u.display_name, u.email_verified_at, u.created_at, p.pseudonym, p.cvegeo, p.consent_at,
              p.privacy_notice_version, p.mail_opt_out, mu.nom_mun, mu.cve_ent, mu.nom_ent
       FROM app_user u JOIN validator_profile p ON p.user_id = u.id
       LEFT JOIN municipality mu ON mu.cvegeo = p.cvegeo
       WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId],
    );
    return (
      r && {
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        emailVerifiedAt: r.email_verified_at,
        registeredAt: r.created_at,
        pseudonym: r.pseudonym,
        cvegeo: r.cvegeo,
        consentAt: r.consent_at,
        privacyNoticeVersion: r.privacy_notice_version,
        mailOptOut: r.mail_opt_out,
        municipality:
          r.cvegeo && r.nom_mun && r.cve_ent && r.nom_ent
            ? { cvegeo: r.cvegeo, name: r.nom_mun, cveEnt: r.cve_ent, stateName: r.nom_ent }
            : null,
      }
    );
  }

  async setDisplayName(m: Queryable, userId: string, displayName: string | null): Promise<void> {
    await m.query('UPDATE app_user SET display_name = $2, updated_at = now() WHERE id = $1', [userId, displayName]);
  }

  async setCvegeo(m: Queryable, userId: string, cvegeo: string | null): Promise<void> {
    await m.query('UPDATE validator_profile SET cvegeo = $2 WHERE user_id = $1', [userId, cvegeo]);
  }

  async setMailOptOut(m: Queryable, userId: string, optOut: boolean): Promise<void> {
    await m.query('UPDATE validator_profile SET mail_opt_out = $2 WHERE user_id = $1', [userId, optOut]);
  }

  /**
   * One page of the validators who hold or held an assignment in the round, by pseudonym, with
   * personal data: the caller audits the read.
   */
  async roundValidatorsPage(
    m: Queryable,
    roundId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: RoundValidatorRecord[]; total: number }> {
    const rows = await queryRows<RoundValidatorRow>(
      m,
      `SELECT u.id, p.pseudonym, u.email, u.display_name, p.cvegeo, u.email_verified_at, u.created_at, p.consent_at, p.privacy_notice_version,
              count(*) FILTER (WHERE a.status = 'active')::int AS active,
              count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE a.status = 'expired')::int AS expired,
              (SELECT count(*) FROM verdict v WHERE v.round_id = $1 AND v.validator_id = u.id)::int AS verdicts,
              (SELECT count(*) FROM citizen_report c WHERE c.round_id = $1 AND c.validator_id = u.id)::int AS reports,
              count(*) OVER ()::int AS total
       FROM assignment a JOIN app_user u ON u.id = a.validator_id JOIN validator_profile p ON p.user_id = u.id
       WHERE a.round_id = $1
       GROUP BY u.id, p.user_id
       ORDER BY p.pseudonym LIMIT $2 OFFSET $3`,
      [roundId, pageSize, (page - 1) * pageSize],
    );
    // Past the last page the window count is gone: count apart.
    const total =
      rows[0]?.total ??
      (
        await queryOne<{ n: number }>(
          m,
          'SELECT count(DISTINCT validator_id)::int AS n FROM assignment WHERE round_id = $1',
          [roundId],
        )
      )?.n ??
      0;
    return {
      items: rows.map((r) => ({
        id: r.id,
        pseudonym: r.pseudonym,
        email: r.email,
        displayName: r.display_name,
        cvegeo: r.cvegeo,
        emailVerifiedAt: r.email_verified_at,
        registeredAt: r.created_at,
        consentAt: r.consent_at,
        privacyNoticeVersion: r.privacy_notice_version,
        assignments: { active: r.active, completed: r.completed, expired: r.expired },
        verdicts: r.verdicts,
        reports: r.reports,
      })),
      total,
    };
  }

  // ── Conflicts of interest ─────────────────────────────────────────────────────────────────────

  /** The validator's declared conflicts, by institution name. */
  async conflicts(m: Queryable, userId: string): Promise<ConflictRecord[]> {
    const rows = await queryRows<ConflictRow>(
      m,
      `SELECT ${INSTITUTION_REF_COLUMNS}, c.reason AS conflict_reason FROM validator_conflict c JOIN institution i ON i.id = c.institution_id ${INSTITUTION_REF_JOIN}
       WHERE c.user_id = $1 ORDER BY i.name, i.id`,
      [userId],
    );
    return rows.map((r) => ({ institution: toInstitutionRef(r), reason: r.conflict_reason }));
  }

  /** Replaces the declared conflicts with `declarations` (an institution once each). */
  async replaceConflicts(
    m: Queryable,
    userId: string,
    declarations: ReadonlyArray<{ institutionId: string; reason: string }>,
  ): Promise<void> {
    const ids = declarations.map((d) => d.institutionId);
    await m.query('DELETE FROM validator_conflict WHERE user_id = $1 AND NOT (institution_id = ANY($2::uuid[]))', [
      userId,
      ids,
    ]);
    await m.query(
      `INSERT INTO validator_conflict (user_id, institution_id, reason) SELECT $1, x, y FROM unnest($2::uuid[], $3::text[]) AS u(x, y)
       ON CONFLICT (user_id, institution_id) DO UPDATE SET reason = EXCLUDED.reason`,
      [userId, ids, declarations.map((d) => d.reason)],
    );
  }

  /**
   * The round that most exceeds its `max_conflicts` if `institutionIds` were declared (issue #13):
   * among open rounds, or only `roundId` when given. Undefined when every round stays within bounds.
   */
  async conflictOverflow(
    m: Queryable,
    institutionIds: readonly string[],
    roundId: string | null,
  ): Promise<ConflictOverflow | undefined> {
    const row = await queryOne<ConflictOverflowRow>(
      m,
      `SELECT r.name, count(*)::int AS declared, r.max_conflicts AS max
       FROM round r JOIN round_institution ri ON ri.round_id = r.id
       WHERE ri.institution_id = ANY($1::uuid[]) AND ($2::uuid IS NULL AND r.status = 'open' OR r.id = $2::uuid)
       GROUP BY r.id HAVING count(*) > r.max_conflicts
       ORDER BY count(*) - r.max_conflicts DESC, r.id LIMIT 1`,
      [[...institutionIds], roundId],
    );
    return row && { roundName: row.name, declared: row.declared, max: row.max };
  }

  // ── Catalogue reads ───────────────────────────────────────────────────────────────────────────

  async municipalityExists(m: Queryable, cvegeo: string): Promise<boolean> {
    const row = await queryOne<{ one: number }>(m, 'SELECT 1 AS one FROM municipality WHERE cvegeo = $1', [cvegeo]);
    return row !== undefined;
  }

  /** How many of `ids` are institutions. */
  async countInstitutions(m: Queryable, ids: readonly string[]): Promise<number> {
    const rows = await queryRows<{ id: string }>(m, 'SELECT id FROM institution WHERE id = ANY($1::uuid[])', [
      [...ids],
    ]);
    return rows.length;
  }

  /**
   * One page of the institutions a real person may declare a conflict with, by name. The demo's
   * generated institutions are no one's workplace: they never appear.
   */
  async searchInstitutions(
    m: Queryable,
    f: InstitutionSearch,
    page: number,
    pageSize: number,
  ): Promise<{ items: InstitutionRefDto[]; total: number }> {
    const params = [f.text ? `%${escapeLike(f.text)}%` : null, f.cveEnt ?? null, f.cvegeo ?? null];
    const rows = await queryRows<InstitutionRefRow & { total: number }>(
      m,
      `SELECT ${INSTITUTION_REF_COLUMNS}, count(*) OVER ()::int AS total
       FROM institution i ${INSTITUTION_REF_JOIN} ${SEARCH_WHERE}
       ORDER BY i.name, i.id LIMIT $4 OFFSET $5`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    // Past the last page the window count is gone: count apart.
    const total =
      rows[0]?.total ??
      (page > 1
        ? ((
            await queryOne<{ total: number }>(
              m,
              `SELECT count(*)::int AS total FROM institution i ${SEARCH_WHERE}`,
              params,
            )
          )?.total ?? 0)
        : 0);
    return { items: rows.map(toInstitutionRef), total };
  }
}
