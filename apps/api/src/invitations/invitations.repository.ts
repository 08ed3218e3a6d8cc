import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailOutcome } from '@apertura/db';
import { mutateReturning, queryOne, queryRows, type Queryable } from '../common/persistence';
import type { InvitationStatus } from './dto/invitation.dto';
import type {
  CountsRow,
  ItemRow,
  LatestInvitationRow,
  MunicipalityCountsRow,
  OpenedInvitationRow,
  StateCountsRow,
} from './invitations.rows';

/** Status of an institution in a round, from its active invitation `v` and its response `r`. */
const STATUS_SQL = `CASE
  WHEN r.status = 'submitted' THEN 'submitted'
  WHEN v.revoked_at IS NOT NULL THEN 'revoked'
  WHEN r.status IS NOT NULL THEN 'draft'
  WHEN v.opened_at IS NOT NULL THEN 'opened'
  WHEN v.sent_at IS NOT NULL THEN 'mailed'
  ELSE 'pending' END`;

/** Active invitations `v` of a round with institution `i` and response `r` (parameter $1: round id). */
const activeInvitations = (extraJoins = ''): string => `FROM invitation v
  JOIN institution i ON i.id = v.institution_id
  LEFT JOIN response r ON r.round_id = v.round_id AND r.institution_id = v.institution_id
  ${extraJoins}
  WHERE v.round_id = $1 AND v.revoked_at IS NULL`;

const COUNTS_SQL = `count(*)::int AS invited,
  count(*) FILTER (WHERE v.sent_at IS NOT NULL)::int AS mailed,
  count(*) FILTER (WHERE v.opened_at IS NOT NULL)::int AS opened,
  count(*) FILTER (WHERE r.status = 'draft')::int AS draft,
  count(*) FILTER (WHERE r.status = 'submitted')::int AS submitted`;

/**
 * One row per institution of a round: its latest invitation (the active one, else the last revoked),
 * its response, and the last invitation/reminder mail queued for that invitation (mail ledger).
 * Parameters: $1 round, $2 state, $3 municipality, $4 institution, $5 ILIKE pattern, $6 status, $7 mail outcome.
 */
const ITEMS_SQL = `SELECT * FROM (
  SELECT v.id AS invitation_id, v.institution_id, i.key AS institution_key, i.name AS institution_name,
         coalesce(v.email, i.email) AS email, v.email IS NOT NULL AS email_overridden, i.cve_ent, i.cvegeo,
         ${STATUS_SQL} AS status, v.sent_at, v.opened_at, v.last_reminded_at, v.reminder_count, v.reminders_queued,
         v.created_at, v.revoked_at, d.outcome AS mail_outcome, d.last_error AS mail_error, d.updated_at AS mail_updated_at
  FROM (SELECT DISTINCT ON (institution_id) * FROM invitation WHERE round_id = $1
        ORDER BY institution_id, (revoked_at IS NULL) DESC, created_at DESC) v
  JOIN institution i ON i.id = v.institution_id
  LEFT JOIN response r ON r.round_id = v.round_id AND r.institution_id = v.institution_id
  LEFT JOIN LATERAL (
    SELECT md.outcome, md.last_error, md.updated_at FROM mail_delivery md
    WHERE md.round_id = v.round_id AND md.institution_id = v.institution_id
      AND md.kind IN ('invitation', 'invitation-reminder') AND md.delivered_at >= v.created_at
    ORDER BY md.event_id DESC LIMIT 1) d ON true
  WHERE ($2::text IS NULL OR i.cve_ent = $2) AND ($3::text IS NULL OR i.cvegeo = $3) AND ($4::uuid IS NULL OR v.institution_id = $4)
    AND ($5::text IS NULL OR i.name ILIKE $5 OR i.key ILIKE $5 OR coalesce(v.email, i.email) ILIKE $5)
) s
WHERE ($6::text IS NULL OR s.status = $6) AND ($7::text IS NULL OR s.mail_outcome = $7)`;

/** `%…%` for ILIKE with the user's %, _ and \\ taken literally. */
const containsPattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ItemFilter {
  status?: InvitationStatus;
  cveEnt?: string;
  cvegeo?: string;
  institutionId?: string;
  search?: string;
  mail?: MailOutcome;
}

const itemParams = (roundId: string, f: ItemFilter): unknown[] => [
  roundId,
  f.cveEnt ?? null,
  f.cvegeo ?? null,
  f.institutionId ?? null,
  f.search ? containsPattern(f.search) : null,
  f.status ?? null,
  f.mail ?? null,
];

export interface InvitationCounts {
  invited: number;
  mailed: number;
  opened: number;
  draft: number;
  submitted: number;
}

/** One institution of a round as the invitations console lists it. */
export interface InvitationItem {
  invitationId: string;
  institutionId: string;
  institutionKey: string;
  institutionName: string;
  email: string;
  cveEnt: string;
  cvegeo: string;
  status: InvitationStatus;
  sentAt: Date | null;
  openedAt: Date | null;
  lastRemindedAt: Date | null;
  reminderCount: number;
  remindersQueued: number;
  createdAt: Date;
  revokedAt: Date | null;
  emailOverridden: boolean;
  mailOutcome: MailOutcome | null;
  mailError: string | null;
  mailUpdatedAt: Date | null;
}

export interface LatestInvitation {
  id: string;
  /** The invitation's own address (null: the institution's) — or, from latestLocked, the address in use. */
  email: string | null;
  revokedAt: Date | null;
}

export interface StateProgress extends InvitationCounts {
  cveEnt: string;
  name: string | null;
}

export interface MunicipalityProgress extends InvitationCounts {
  cvegeo: string;
  cveEnt: string;
  name: string | null;
}

export interface OpenedInvitation {
  openedAt: Date;
  roundName: string;
  roundStatus: string;
  opensAt: Date;
  closesAt: Date;
  institutionName: string;
}

const countsOf = (r: CountsRow): InvitationCounts => ({
  invited: r.invited,
  mailed: r.mailed,
  opened: r.opened,
  draft: r.draft,
  submitted: r.submitted,
});

const toItem = (r: ItemRow): InvitationItem => ({
  invitationId: r.invitation_id,
  institutionId: r.institution_id,
  institutionKey: r.institution_key,
  institutionName: r.institution_name,
  email: r.email,
  cveEnt: r.cve_ent,
  cvegeo: r.cvegeo,
  status: r.status,
  sentAt: r.sent_at,
  openedAt: r.opened_at,
  lastRemindedAt: r.last_reminded_at,
  reminderCount: r.reminder_count,
  remindersQueued: r.reminders_queued,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  emailOverridden: r.email_overridden,
  mailOutcome: r.mail_outcome,
  mailError: r.mail_error,
  mailUpdatedAt: r.mail_updated_at,
});

/**
 * Invitations of institutions to rounds in PostgreSQL: the links (only token hashes are stored),
 * their revocation and address corrections, reminder counters, and the progress the console shows.
 */
@Injectable()
export class InvitationsRepository {
  /**
   * Inserts invitations (ids and token hashes prepared by the caller) for the institutions that hold
   * no active one; returns the ids actually inserted.
   */
  async insertMany(
    m: EntityManager,
    roundId: string,
    rows: Array<{ id: string; institutionId: string; tokenHash: string }>,
  ): Promise<string[]> {
    const inserted = await mutateReturning<{ id: string }>(
      m,
      `INSERT INTO invitation (id, round_id, institution_id, token_hash)
       SELECT u.id, $1, u.institution_id, u.token_hash
       FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(id, institution_id, token_hash)
       ON CONFLICT (round_id, institution_id) WHERE revoked_at IS NULL DO NOTHING
       RETURNING id`,
      [roundId, rows.map((r) => r.id), rows.map((r) => r.institutionId), rows.map((r) => r.tokenHash)],
    );
    return inserted.map((r) => r.id);
  }

  /** One new invitation, carrying the address correction of the one it replaces. */
  async insertOne(
    m: EntityManager,
    inv: { id: string; roundId: string; institutionId: string; tokenHash: string; email: string | null },
  ): Promise<void> {
    await m.query(
      'INSERT INTO invitation (id, round_id, institution_id, token_hash, email) VALUES ($1, $2, $3, $4, $5)',
      [inv.id, inv.roundId, inv.institutionId, inv.tokenHash, inv.email],
    );
  }

  /** Active invitations of institutions that have not submitted (optionally only `subset`), by id. */
  async awaitingSubmission(m: EntityManager, roundId: string, subset: string[] | null): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      m,
      `SELECT v.id FROM invitation v
       LEFT JOIN response r ON r.round_id = v.round_id AND r.institution_id = v.institution_id AND r.status = 'submitted'
       WHERE v.round_id = $1 AND v.revoked_at IS NULL AND r.id IS NULL
         AND ($2::uuid[] IS NULL OR v.institution_id = ANY($2::uuid[]))
       ORDER BY v.id`,
      [roundId, subset],
    );
    return rows.map((r) => r.id);
  }

  /** Counts a queued reminder on each invitation, so the scheduled ones keep their distance and maximum. */
  async countQueuedReminders(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(
      'UPDATE invitation SET reminders_queued = reminders_queued + 1, last_reminder_queued_at = now() WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  /** Serialises changes to one institution's invitations in a round (two re-issues at once would both insert). */
  async lockInstitution(m: EntityManager, roundId: string, institutionId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('invitation:' || $1 || ':' || $2, 0))`, [
      roundId,
      institutionId,
    ]);
  }

  /** The institution's active invitation, row-locked (undefined: none active). */
  async activeLocked(m: EntityManager, roundId: string, institutionId: string): Promise<LatestInvitation | undefined> {
    const row = await queryOne<{ id: string; email: string | null }>(
      m,
      'SELECT id, email FROM invitation WHERE round_id = $1 AND institution_id = $2 AND revoked_at IS NULL FOR UPDATE',
      [roundId, institutionId],
    );
    return row ? { id: row.id, email: row.email, revokedAt: null } : undefined;
  }

  /** The institution's latest invitation (the active one, else the last revoked), its own address. */
  async latest(m: EntityManager, roundId: string, institutionId: string): Promise<LatestInvitation | undefined> {
    const row = await queryOne<LatestInvitationRow>(
      m,
      `SELECT id, email, revoked_at FROM invitation WHERE round_id = $1 AND institution_id = $2
       ORDER BY (revoked_at IS NULL) DESC, created_at DESC LIMIT 1`,
      [roundId, institutionId],
    );
    return row ? { id: row.id, email: row.email, revokedAt: row.revoked_at } : undefined;
  }

  /** Like latest, row-locked, with the address in use (the correction, else the institution's). */
  async latestLocked(m: EntityManager, roundId: string, institutionId: string): Promise<LatestInvitation | undefined> {
    const row = await queryOne<LatestInvitationRow>(
      m,
      `SELECT v.id, coalesce(v.email, i.email) AS email, v.revoked_at FROM invitation v JOIN institution i ON i.id = v.institution_id
       WHERE v.round_id = $1 AND v.institution_id = $2 ORDER BY (v.revoked_at IS NULL) DESC, v.created_at DESC LIMIT 1 FOR UPDATE OF v`,
      [roundId, institutionId],
    );
    return row ? { id: row.id, email: row.email, revokedAt: row.revoked_at } : undefined;
  }

  async revoke(m: EntityManager, invitationId: string): Promise<void> {
    await m.query('UPDATE invitation SET revoked_at = now() WHERE id = $1', [invitationId]);
  }

  /** Sets the invitation's address; the institution's own address clears the correction. */
  async setEmail(m: EntityManager, invitationId: string, address: string): Promise<void> {
    await m.query(
      `UPDATE invitation v SET email = CASE WHEN i.email = $2 THEN NULL ELSE $2 END FROM institution i WHERE v.id = $1 AND i.id = v.institution_id`,
      [invitationId, address],
    );
  }

  /** Records the first opening of a link (once); undefined when the invitation is revoked or unknown. */
  async markOpened(m: Queryable, invitationId: string): Promise<OpenedInvitation | undefined> {
    const r = await queryOne<OpenedInvitationRow>(
      m,
      `WITH marked AS (
         UPDATE invitation SET opened_at = coalesce(opened_at, now()) WHERE id = $1 AND revoked_at IS NULL RETURNING opened_at, round_id, institution_id
       )
       SELECT marked.opened_at, ro.name AS round_name, ro.status AS round_status, ro.opens_at, ro.closes_at, i.name AS institution_name
       FROM marked JOIN round ro ON ro.id = marked.round_id JOIN institution i ON i.id = marked.institution_id`,
      [invitationId],
    );
    return r
      ? {
          openedAt: r.opened_at,
          roundName: r.round_name,
          roundStatus: r.round_status,
          opensAt: r.opens_at,
          closesAt: r.closes_at,
          institutionName: r.institution_name,
        }
      : undefined;
  }

  /** A page of the round's institutions with their invitation status, and the filtered total. */
  async items(
    m: EntityManager,
    roundId: string,
    f: ItemFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: InvitationItem[]; total: number }> {
    const rows = await queryRows<ItemRow>(
      m,
      `SELECT s.*, count(*) OVER ()::int AS total FROM (${ITEMS_SQL}) s ORDER BY s.cvegeo, s.institution_name, s.invitation_id LIMIT $8 OFFSET $9`,
      [...itemParams(roundId, f), limit, offset],
    );
    // Past the last page the window count is absent; count directly then.
    const total = rows.length
      ? rows[0].total
      : (
          await queryRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM (${ITEMS_SQL}) s`, itemParams(roundId, f))
        )[0].n;
    return { items: rows.map(toItem), total };
  }

  /** One institution's row (after a change to its invitation). */
  async item(m: EntityManager, roundId: string, institutionId: string): Promise<InvitationItem> {
    const { items } = await this.items(m, roundId, { institutionId }, 1, 0);
    return items[0];
  }

  /** Totals and per-state counts of the active invitations (GROUPING SETS: one statement). */
  async progressByState(
    m: EntityManager,
    roundId: string,
  ): Promise<{ totals: InvitationCounts; states: StateProgress[] }> {
    const grouped = await queryRows<StateCountsRow>(
      m,
      `SELECT i.cve_ent, min(st.nom_ent) AS name, GROUPING(i.cve_ent) = 1 AS is_total, ${COUNTS_SQL}
       ${activeInvitations('LEFT JOIN (SELECT DISTINCT cve_ent, nom_ent FROM municipality) st ON st.cve_ent = i.cve_ent')}
       GROUP BY GROUPING SETS ((), (i.cve_ent))
       ORDER BY is_total DESC, i.cve_ent`,
      [roundId],
    );
    const totalRow = grouped.find((g) => g.is_total);
    return {
      totals: totalRow ? countsOf(totalRow) : { invited: 0, mailed: 0, opened: 0, draft: 0, submitted: 0 },
      states: grouped
        .filter((g) => !g.is_total && g.cve_ent !== null)
        .map((g) => ({ cveEnt: g.cve_ent as string, name: g.name, ...countsOf(g) })),
    };
  }

  /** A page of per-municipality counts (optionally of one state) and the number of municipalities. */
  async progressByMunicipality(
    m: EntityManager,
    roundId: string,
    cveEnt: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: MunicipalityProgress[]; total: number }> {
    const rows = await queryRows<MunicipalityCountsRow>(
      m,
      `SELECT i.cvegeo, min(i.cve_ent) AS cve_ent, min(mu.nom_mun) AS name, count(*) OVER ()::int AS total_groups, ${COUNTS_SQL}
       ${activeInvitations('LEFT JOIN municipality mu ON mu.cvegeo = i.cvegeo')}
         AND ($2::text IS NULL OR i.cve_ent = $2)
       GROUP BY i.cvegeo
       ORDER BY i.cvegeo
       LIMIT $3 OFFSET $4`,
      [roundId, cveEnt ?? null, limit, offset],
    );
    // Past the last page the window count is absent; count the groups directly then.
    const total = rows.length
      ? rows[0].total_groups
      : (
          await queryRows<{ n: number }>(
            m,
            `SELECT count(DISTINCT i.cvegeo)::int AS n ${activeInvitations()} AND ($2::text IS NULL OR i.cve_ent = $2)`,
            [roundId, cveEnt ?? null],
          )
        )[0].n;
    return {
      items: rows.map((r) => ({ cvegeo: r.cvegeo, cveEnt: r.cve_ent, name: r.name, ...countsOf(r) })),
      total,
    };
  }
}
