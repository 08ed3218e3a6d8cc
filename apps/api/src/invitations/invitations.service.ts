import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RoundEntity } from '@apertura/db';
import { deriveToken, ENV, Env } from '@apertura/config';
import type { OutboxEvent } from '@apertura/queue';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal, UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import {
  InvitationItemDto,
  InvitationPageDto,
  InvitationProgressDto,
  InvitationStatus,
  ListInvitationsQueryDto,
  MunicipalityProgressDto,
  OpenedInvitationDto,
  ProgressCountsDto,
  ProgressQueryDto,
  ReissuedLinkDto,
  ReminderSettingsDto,
  ReminderSettingsResultDto,
  RemindersResultDto,
  ResendResultDto,
  StateProgressDto,
} from './dto/invitation.dto';
import type { MailOutcome } from '@apertura/db';
import { newInvitationRows } from './invitation-tokens';
import { RoundsRepository } from '../rounds/rounds.repository';

/** Rows per INSERT … SELECT FROM unnest(…): 15,000 institutions take three statements. */
const INSERT_CHUNK = 5000;

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

interface CountsRow {
  invited: number;
  mailed: number;
  opened: number;
  draft: number;
  submitted: number;
}

interface ItemRow {
  invitation_id: string;
  institution_id: string;
  institution_key: string;
  institution_name: string;
  email: string;
  cve_ent: string;
  cvegeo: string;
  status: InvitationStatus;
  sent_at: Date | null;
  opened_at: Date | null;
  last_reminded_at: Date | null;
  reminder_count: number;
  reminders_queued: number;
  created_at: Date;
  revoked_at: Date | null;
  email_overridden: boolean;
  mail_outcome: MailOutcome | null;
  mail_error: string | null;
  mail_updated_at: Date | null;
  total?: number;
}

interface ItemFilter {
  status?: InvitationStatus;
  cveEnt?: string;
  cvegeo?: string;
  institutionId?: string;
  search?: string;
  mail?: MailOutcome;
}

/** `%…%` for ILIKE with the user's %, _ and \\ taken literally. */
const containsPattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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

const itemParams = (roundId: string, f: ItemFilter): unknown[] => [
  roundId,
  f.cveEnt ?? null,
  f.cvegeo ?? null,
  f.institutionId ?? null,
  f.search ? containsPattern(f.search) : null,
  f.status ?? null,
  f.mail ?? null,
];

const counts = (r: CountsRow): ProgressCountsDto => ({
  invited: r.invited,
  mailed: r.mailed,
  opened: r.opened,
  draft: r.draft,
  submitted: r.submitted,
});

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toItem = (r: ItemRow): InvitationItemDto => ({
  invitationId: r.invitation_id,
  institutionId: r.institution_id,
  institutionKey: r.institution_key,
  institutionName: r.institution_name,
  email: r.email,
  cveEnt: r.cve_ent,
  cvegeo: r.cvegeo,
  status: r.status,
  sentAt: iso(r.sent_at),
  openedAt: iso(r.opened_at),
  lastRemindedAt: iso(r.last_reminded_at),
  reminderCount: r.reminder_count,
  remindersQueued: r.reminders_queued,
  createdAt: r.created_at.toISOString(),
  revokedAt: iso(r.revoked_at),
  emailOverridden: r.email_overridden,
  mailOutcome: r.mail_outcome,
  mailError: r.mail_error,
  mailUpdatedAt: iso(r.mail_updated_at),
});

const invitationRevoked = (): DomainError =>
  new DomainError(
    'INVITATION_REVOKED',
    {
      es: 'La invitación de esta institución está revocada; emita un enlace nuevo primero.',
      en: "This institution's invitation is revoked; issue a new link first.",
    },
    'institutionId',
  );

const roundNotOpen = (): DomainError =>
  new DomainError('ROUND_NOT_OPEN', {
    es: 'La ronda no está abierta; solo en una ronda abierta se envían recordatorios o nuevas invitaciones.',
    en: 'The round is not open; reminders and new invitations are only sent while a round is open.',
  });

/**
 * Invitations: one secret link per (round, institution), mailed through the outbox; reminders for
 * institutions that have not submitted; progress of a round. Tokens are derived from the invitation id
 * (docs/decisions.md §5), so only their hashes are written here.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Invites institutions to a round, inside the caller's transaction (the one that opens the round).
   * Institutions that already hold an active invitation are skipped, so calling it again is harmless.
   */
  async createForRound(manager: EntityManager, round: RoundEntity, institutionIds: string[]): Promise<void> {
    const unique = [...new Set(institutionIds)];
    for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
      const part = unique.slice(i, i + INSERT_CHUNK);
      const rows = newInvitationRows(this.env.TOKEN_SECRET, part.length);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO invitation (id, round_id, institution_id, token_hash)
         SELECT u.id, $1, u.institution_id, u.token_hash
         FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(id, institution_id, token_hash)
         ON CONFLICT (round_id, institution_id) WHERE revoked_at IS NULL DO NOTHING
         RETURNING id`,
        [round.id, rows.map((r) => r.id), part, rows.map((r) => r.tokenHash)],
      );
      await this.outbox.emitMany(
        manager,
        inserted.map((r) => invitationMail(r.id, false)),
      );
    }
  }

  /** Queues a reminder for every invited institution of an open round that has not submitted. */
  async remind(actor: UserPrincipal, roundId: string, institutionIds?: string[]): Promise<RemindersResultDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      if (round.status !== 'open') throw roundNotOpen();
      const subset = institutionIds ? [...new Set(institutionIds)] : null;
      const rows: Array<{ id: string }> = await m.query(
        `SELECT v.id FROM invitation v
         LEFT JOIN response r ON r.round_id = v.round_id AND r.institution_id = v.institution_id AND r.status = 'submitted'
         WHERE v.round_id = $1 AND v.revoked_at IS NULL AND r.id IS NULL
           AND ($2::uuid[] IS NULL OR v.institution_id = ANY($2::uuid[]))
         ORDER BY v.id`,
        [roundId, subset],
      );
      await this.outbox.emitMany(
        m,
        rows.map((r) => invitationMail(r.id, true)),
      );
      // Counted with the event, so the scheduled reminders keep their distance and maximum.
      await m.query(
        'UPDATE invitation SET reminders_queued = reminders_queued + 1, last_reminder_queued_at = now() WHERE id = ANY($1::uuid[])',
        [rows.map((r) => r.id)],
      );
      await this.audit.record(m, actor, {
        action: 'invitation.remind',
        entityType: 'round',
        entityId: roundId,
        guarantorId: round.guarantorId,
        details: { count: rows.length, subset: subset ? subset.length : null },
      });
      return { count: rows.length };
    });
  }

  /** Revokes an institution's link and mails a new one (new row, new id, new token). */
  async revokeAndReissue(actor: UserPrincipal, roundId: string, institutionId: string): Promise<InvitationItemDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      if (round.status !== 'open') throw roundNotOpen();
      await lockInstitution(m, roundId, institutionId);
      const current: Array<{ id: string; email: string | null }> = await m.query(
        'SELECT id, email FROM invitation WHERE round_id = $1 AND institution_id = $2 AND revoked_at IS NULL FOR UPDATE',
        [roundId, institutionId],
      );
      if (!current.length) throw notFound('invitation', 'institutionId');
      await m.query('UPDATE invitation SET revoked_at = now() WHERE id = $1', [current[0].id]);
      const [fresh] = newInvitationRows(this.env.TOKEN_SECRET, 1);
      await m.query(
        'INSERT INTO invitation (id, round_id, institution_id, token_hash, email) VALUES ($1, $2, $3, $4, $5)',
        [fresh.id, roundId, institutionId, fresh.tokenHash, current[0].email],
      );
      await this.outbox.emit(m, invitationMail(fresh.id, false));
      await this.audit.record(m, actor, {
        action: 'invitation.reissue',
        entityType: 'invitation',
        entityId: fresh.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, revokedInvitationId: current[0].id },
      });
      const [row] = await this.items(m, roundId, { institutionId }, 1, 0);
      return toItem(row);
    });
  }

  /**
   * Mails the institution's current link again. Tokens are derived from the invitation id with
   * TOKEN_SECRET (docs/decisions.md §5), so the worker derives the same link: nothing is stored in clear
   * and the institution keeps its link (and its draft).
   */
  async resend(actor: UserPrincipal, roundId: string, institutionId: string): Promise<ResendResultDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      if (round.status !== 'open') throw roundNotOpen();
      await lockInstitution(m, roundId, institutionId);
      const inv = await this.activeInvitation(m, roundId, institutionId);
      const eventId = await this.outbox.emit(m, invitationMail(inv.id, false));
      await this.audit.record(m, actor, {
        action: 'invitation.resend',
        entityType: 'invitation',
        entityId: inv.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, eventId, email: inv.email },
      });
      return { eventId, email: inv.email };
    });
  }

  /**
   * Revokes the institution's link (if still active) and issues a new one, returned this once: the
   * old link stops working at once, the new one is only mailed when asked. Works after a revocation too.
   */
  async reissueLink(
    actor: UserPrincipal,
    roundId: string,
    institutionId: string,
    sendMail: boolean,
  ): Promise<ReissuedLinkDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      if (round.status !== 'open') throw roundNotOpen();
      await lockInstitution(m, roundId, institutionId);
      const [latest]: Array<{ id: string; email: string | null; revoked_at: Date | null }> = await m.query(
        `SELECT id, email, revoked_at FROM invitation WHERE round_id = $1 AND institution_id = $2
         ORDER BY (revoked_at IS NULL) DESC, created_at DESC LIMIT 1`,
        [roundId, institutionId],
      );
      if (!latest) throw notFound('invitation', 'institutionId');
      if (!latest.revoked_at) await m.query('UPDATE invitation SET revoked_at = now() WHERE id = $1', [latest.id]);
      const [fresh] = newInvitationRows(this.env.TOKEN_SECRET, 1);
      await m.query(
        'INSERT INTO invitation (id, round_id, institution_id, token_hash, email) VALUES ($1, $2, $3, $4, $5)',
        [fresh.id, roundId, institutionId, fresh.tokenHash, latest.email],
      );
      if (sendMail) await this.outbox.emit(m, invitationMail(fresh.id, false));
      await this.audit.record(m, actor, {
        action: 'invitation.reissue-link',
        entityType: 'invitation',
        entityId: fresh.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, revokedInvitationId: latest.id, mailed: sendMail },
      });
      const [row] = await this.items(m, roundId, { institutionId }, 1, 0);
      const token = deriveToken(this.env.TOKEN_SECRET, 'invitation', fresh.id);
      return { link: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/responder/${token}`, invitation: toItem(row) };
    });
  }

  /**
   * The institution's address for this round: stored on its invitation (and carried to re-issued
   * ones), so the universe and other rounds keep the institution's own address. Setting the universe
   * address back removes the correction. Audited with both addresses.
   */
  async updateEmail(
    actor: UserPrincipal,
    roundId: string,
    institutionId: string,
    email: string,
  ): Promise<InvitationItemDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      await lockInstitution(m, roundId, institutionId);
      const inv = await this.activeInvitation(m, roundId, institutionId);
      const address = email.trim();
      await m.query(
        `UPDATE invitation v SET email = CASE WHEN i.email = $2 THEN NULL ELSE $2 END FROM institution i WHERE v.id = $1 AND i.id = v.institution_id`,
        [inv.id, address],
      );
      await this.audit.record(m, actor, {
        action: 'invitation.email',
        entityType: 'invitation',
        entityId: inv.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, from: inv.email, to: address },
      });
      const [row] = await this.items(m, roundId, { institutionId }, 1, 0);
      return toItem(row);
    });
  }

  /** Revokes the institution's link without issuing another (status revoked until a link is re-issued). */
  async revoke(actor: UserPrincipal, roundId: string, institutionId: string): Promise<InvitationItemDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      await lockInstitution(m, roundId, institutionId);
      const inv = await this.activeInvitation(m, roundId, institutionId);
      await m.query('UPDATE invitation SET revoked_at = now() WHERE id = $1', [inv.id]);
      await this.audit.record(m, actor, {
        action: 'invitation.revoke',
        entityType: 'invitation',
        entityId: inv.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId },
      });
      const [row] = await this.items(m, roundId, { institutionId }, 1, 0);
      return toItem(row);
    });
  }

  async reminderSettings(actor: UserPrincipal, roundId: string): Promise<ReminderSettingsResultDto> {
    const round = await this.rounds.findOwned(this.ds.manager, actor.guarantorId, roundId, { field: 'id' });
    return {
      roundId,
      enabled: round.remindersEnabled,
      minDays: round.reminderMinDays,
      maxCount: round.reminderMaxCount,
    };
  }

  /** Scheduled reminders of a round (the worker's sweep reads them); audited with the old values. */
  async updateReminderSettings(
    actor: UserPrincipal,
    roundId: string,
    dto: ReminderSettingsDto,
  ): Promise<ReminderSettingsResultDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      await m.query(
        'UPDATE round SET reminders_enabled = $2, reminder_min_days = $3, reminder_max_count = $4, updated_at = now() WHERE id = $1',
        [roundId, dto.enabled, dto.minDays, dto.maxCount],
      );
      await this.audit.record(m, actor, {
        action: 'round.reminder-settings',
        entityType: 'round',
        entityId: roundId,
        guarantorId: round.guarantorId,
        details: {
          from: { enabled: round.remindersEnabled, minDays: round.reminderMinDays, maxCount: round.reminderMaxCount },
          to: { enabled: dto.enabled, minDays: dto.minDays, maxCount: dto.maxCount },
        },
      });
      return { roundId, enabled: dto.enabled, minDays: dto.minDays, maxCount: dto.maxCount };
    });
  }

  /** The active invitation (locked), or INVITATION_REVOKED when only revoked ones exist, or NOT_FOUND. */
  private async activeInvitation(
    m: EntityManager,
    roundId: string,
    institutionId: string,
  ): Promise<{ id: string; email: string }> {
    const rows: Array<{ id: string; email: string; revoked_at: Date | null }> = await m.query(
      `SELECT v.id, coalesce(v.email, i.email) AS email, v.revoked_at FROM invitation v JOIN institution i ON i.id = v.institution_id
       WHERE v.round_id = $1 AND v.institution_id = $2 ORDER BY (v.revoked_at IS NULL) DESC, v.created_at DESC LIMIT 1 FOR UPDATE OF v`,
      [roundId, institutionId],
    );
    if (!rows.length) throw notFound('invitation', 'institutionId');
    if (rows[0].revoked_at) throw invitationRevoked();
    return { id: rows[0].id, email: rows[0].email };
  }

  /** Totals, per state, and a page of municipalities, all counted in SQL. */
  async progress(actor: UserPrincipal, roundId: string, q: ProgressQueryDto): Promise<InvitationProgressDto> {
    const m = this.ds.manager;
    await this.rounds.findOwned(m, actor.guarantorId, roundId, { field: 'id' });
    const grouped: Array<CountsRow & { cve_ent: string | null; name: string | null; is_total: boolean }> =
      await m.query(
        `SELECT i.cve_ent, min(st.nom_ent) AS name, GROUPING(i.cve_ent) = 1 AS is_total, ${COUNTS_SQL}
       ${activeInvitations('LEFT JOIN (SELECT DISTINCT cve_ent, nom_ent FROM municipality) st ON st.cve_ent = i.cve_ent')}
       GROUP BY GROUPING SETS ((), (i.cve_ent))
       ORDER BY is_total DESC, i.cve_ent`,
        [roundId],
      );
    const totalRow = grouped.find((g) => g.is_total);
    const totals = totalRow ? counts(totalRow) : { invited: 0, mailed: 0, opened: 0, draft: 0, submitted: 0 };
    const states: StateProgressDto[] = grouped
      .filter((g) => !g.is_total && g.cve_ent !== null)
      .map((g) => ({ cveEnt: g.cve_ent as string, name: g.name, ...counts(g) }));

    const munRows: Array<CountsRow & { cvegeo: string; cve_ent: string; name: string | null; total_groups: number }> =
      await m.query(
        `SELECT i.cvegeo, min(i.cve_ent) AS cve_ent, min(mu.nom_mun) AS name, count(*) OVER ()::int AS total_groups, ${COUNTS_SQL}
       ${activeInvitations('LEFT JOIN municipality mu ON mu.cvegeo = i.cvegeo')}
         AND ($2::text IS NULL OR i.cve_ent = $2)
       GROUP BY i.cvegeo
       ORDER BY i.cvegeo
       LIMIT $3 OFFSET $4`,
        [roundId, q.cveEnt ?? null, q.pageSize, (q.page - 1) * q.pageSize],
      );
    const municipalities: MunicipalityProgressDto[] = munRows.map((r) => ({
      cvegeo: r.cvegeo,
      cveEnt: r.cve_ent,
      name: r.name,
      ...counts(r),
    }));
    // Past the last page the window count is absent; count the groups directly then.
    const total = munRows.length ? munRows[0].total_groups : await this.municipalityGroups(m, roundId, q.cveEnt);
    return {
      roundId,
      totals,
      states,
      municipalities: { items: municipalities, total, page: q.page, pageSize: q.pageSize },
    };
  }

  /** One row per invited institution with its status, filtered and paginated. */
  async list(actor: UserPrincipal, roundId: string, q: ListInvitationsQueryDto): Promise<InvitationPageDto> {
    const m = this.ds.manager;
    await this.rounds.findOwned(m, actor.guarantorId, roundId, { field: 'id' });
    const filters: ItemFilter = {
      status: q.status,
      cveEnt: q.cveEnt,
      cvegeo: q.cvegeo,
      search: q.search?.trim() || undefined,
      mail: q.mail,
    };
    const rows = await this.items(m, roundId, filters, q.pageSize, (q.page - 1) * q.pageSize);
    const total = rows.length ? (rows[0].total as number) : await this.countItems(m, roundId, filters);
    return { items: rows.map(toItem), total, page: q.page, pageSize: q.pageSize };
  }

  /** First use of an invitation link: records when it was opened (once) and tells what it is for. */
  async open(inv: InvitationPrincipal): Promise<OpenedInvitationDto> {
    const rows: Array<{
      opened_at: Date;
      round_name: string;
      round_status: string;
      opens_at: Date;
      closes_at: Date;
      institution_name: string;
    }> = await this.ds.query(
      `WITH marked AS (
         UPDATE invitation SET opened_at = coalesce(opened_at, now()) WHERE id = $1 AND revoked_at IS NULL RETURNING opened_at, round_id, institution_id
       )
       SELECT marked.opened_at, ro.name AS round_name, ro.status AS round_status, ro.opens_at, ro.closes_at, i.name AS institution_name
       FROM marked JOIN round ro ON ro.id = marked.round_id JOIN institution i ON i.id = marked.institution_id`,
      [inv.invitationId],
    );
    if (!rows.length) {
      throw new DomainError('INVALID_TOKEN', {
        es: 'El enlace de invitación no es válido o fue revocado.',
        en: 'The invitation link is invalid or was revoked.',
      });
    }
    const r = rows[0];
    return {
      invitationId: inv.invitationId,
      roundId: inv.roundId,
      roundName: r.round_name,
      roundStatus: r.round_status,
      opensAt: r.opens_at.toISOString(),
      closesAt: r.closes_at.toISOString(),
      institutionId: inv.institutionId,
      institutionName: r.institution_name,
      openedAt: r.opened_at.toISOString(),
    };
  }

  private async items(
    m: EntityManager,
    roundId: string,
    f: ItemFilter,
    limit: number,
    offset: number,
  ): Promise<ItemRow[]> {
    return m.query(
      `SELECT s.*, count(*) OVER ()::int AS total FROM (${ITEMS_SQL}) s ORDER BY s.cvegeo, s.institution_name, s.invitation_id LIMIT $8 OFFSET $9`,
      [...itemParams(roundId, f), limit, offset],
    );
  }

  private async countItems(m: EntityManager, roundId: string, f: ItemFilter): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM (${ITEMS_SQL}) s`,
      itemParams(roundId, f),
    );
    return n;
  }

  private async municipalityGroups(m: EntityManager, roundId: string, cveEnt?: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await m.query(
      `SELECT count(DISTINCT i.cvegeo)::int AS n ${activeInvitations()} AND ($2::text IS NULL OR i.cve_ent = $2)`,
      [roundId, cveEnt ?? null],
    );
    return n;
  }
}

/** Serialises changes to one institution's invitations in a round (two re-issues at once would both insert). */
async function lockInstitution(m: EntityManager, roundId: string, institutionId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('invitation:' || $1 || ':' || $2, 0))`, [
    roundId,
    institutionId,
  ]);
}

function invitationMail(invitationId: string, reminder: boolean): OutboxEvent {
  return { type: 'mail.invitation', payload: { invitationId, reminder } };
}
