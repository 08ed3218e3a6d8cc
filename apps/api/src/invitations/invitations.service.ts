import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RoundEntity } from '@apertura/db';
import { ENV, Env } from '@apertura/config';
import type { OutboxEvent } from '@apertura/queue';
import { AuditService } from '../audit/audit.service';
import type { InvitationPrincipal, UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { OutboxService } from '../outbox/outbox.service';
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
  RemindersResultDto,
  StateProgressDto,
} from './dto/invitation.dto';
import { newInvitationRows } from './invitation-tokens';

/** Rows per INSERT … SELECT FROM unnest(…): 15,000 institutions take three statements. */
const INSERT_CHUNK = 5000;

/** Status of an institution in a round, from its active invitation `v` and its response `r`. */
const STATUS_SQL = `CASE
  WHEN r.status = 'submitted' THEN 'submitted'
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
  created_at: Date;
  total?: number;
}

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
  createdAt: r.created_at.toISOString(),
});

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
      await this.outbox.emitMany(manager, inserted.map((r) => invitationMail(r.id, false)));
    }
  }

  /** Queues a reminder for every invited institution of an open round that has not submitted. */
  async remind(actor: UserPrincipal, roundId: string, institutionIds?: string[]): Promise<RemindersResultDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.ownedRound(m, actor, roundId, true);
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
      await this.outbox.emitMany(m, rows.map((r) => invitationMail(r.id, true)));
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
      const round = await this.ownedRound(m, actor, roundId, true);
      if (round.status !== 'open') throw roundNotOpen();
      const current: Array<{ id: string }> = await m.query(
        'SELECT id FROM invitation WHERE round_id = $1 AND institution_id = $2 AND revoked_at IS NULL FOR UPDATE',
        [roundId, institutionId],
      );
      if (!current.length) throw notFound('invitation', 'institutionId');
      await m.query('UPDATE invitation SET revoked_at = now() WHERE id = $1', [current[0].id]);
      const [fresh] = newInvitationRows(this.env.TOKEN_SECRET, 1);
      await m.query('INSERT INTO invitation (id, round_id, institution_id, token_hash) VALUES ($1, $2, $3, $4)', [
        fresh.id,
        roundId,
        institutionId,
        fresh.tokenHash,
      ]);
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

  /** Totals, per state, and a page of municipalities, all counted in SQL. */
  async progress(actor: UserPrincipal, roundId: string, q: ProgressQueryDto): Promise<InvitationProgressDto> {
    const m = this.ds.manager;
    await this.ownedRound(m, actor, roundId, false);
    const grouped: Array<CountsRow & { cve_ent: string | null; name: string | null; is_total: boolean }> = await m.query(
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

    const munRows: Array<CountsRow & { cvegeo: string; cve_ent: string; name: string | null; total_groups: number }> = await m.query(
      `SELECT i.cvegeo, min(i.cve_ent) AS cve_ent, min(mu.nom_mun) AS name, count(*) OVER ()::int AS total_groups, ${COUNTS_SQL}
       ${activeInvitations('LEFT JOIN municipality mu ON mu.cvegeo = i.cvegeo')}
         AND ($2::text IS NULL OR i.cve_ent = $2)
       GROUP BY i.cvegeo
       ORDER BY i.cvegeo
       LIMIT $3 OFFSET $4`,
      [roundId, q.cveEnt ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const municipalities: MunicipalityProgressDto[] = munRows.map((r) => ({ cvegeo: r.cvegeo, cveEnt: r.cve_ent, name: r.name, ...counts(r) }));
    // Past the last page the window count is absent; count the groups directly then.
    const total = munRows.length ? munRows[0].total_groups : await this.municipalityGroups(m, roundId, q.cveEnt);
    return { roundId, totals, states, municipalities: { items: municipalities, total, page: q.page, pageSize: q.pageSize } };
  }

  /** One row per invited institution with its status, filtered and paginated. */
  async list(actor: UserPrincipal, roundId: string, q: ListInvitationsQueryDto): Promise<InvitationPageDto> {
    const m = this.ds.manager;
    await this.ownedRound(m, actor, roundId, false);
    const filters = { status: q.status, cveEnt: q.cveEnt, cvegeo: q.cvegeo };
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
      throw new DomainError('INVALID_TOKEN', { es: 'El enlace de invitación no es válido o fue revocado.', en: 'The invitation link is invalid or was revoked.' });
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

  private async ownedRound(m: EntityManager, actor: UserPrincipal, roundId: string, lock: boolean): Promise<RoundEntity> {
    const round = await m.findOne(RoundEntity, {
      where: { id: roundId, guarantorId: actor.guarantorId ?? '00000000-0000-0000-0000-000000000000' },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!round) throw notFound('round', 'id');
    return round;
  }

  private async items(
    m: EntityManager,
    roundId: string,
    f: { status?: InvitationStatus; cveEnt?: string; cvegeo?: string; institutionId?: string },
    limit: number,
    offset: number,
  ): Promise<ItemRow[]> {
    return m.query(
      `SELECT s.*, count(*) OVER ()::int AS total FROM (
         SELECT v.id AS invitation_id, v.institution_id, i.key AS institution_key, i.name AS institution_name, i.email,
                i.cve_ent, i.cvegeo, ${STATUS_SQL} AS status, v.sent_at, v.opened_at, v.last_reminded_at, v.reminder_count, v.created_at
         ${activeInvitations()}
           AND ($2::text IS NULL OR i.cve_ent = $2) AND ($3::text IS NULL OR i.cvegeo = $3) AND ($4::uuid IS NULL OR v.institution_id = $4)
       ) s
       WHERE ($5::text IS NULL OR s.status = $5)
       ORDER BY s.cvegeo, s.institution_name, s.invitation_id
       LIMIT $6 OFFSET $7`,
      [roundId, f.cveEnt ?? null, f.cvegeo ?? null, f.institutionId ?? null, f.status ?? null, limit, offset],
    );
  }

  private async countItems(m: EntityManager, roundId: string, f: { status?: InvitationStatus; cveEnt?: string; cvegeo?: string }): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM (
         SELECT ${STATUS_SQL} AS status ${activeInvitations()}
           AND ($2::text IS NULL OR i.cve_ent = $2) AND ($3::text IS NULL OR i.cvegeo = $3)
       ) s WHERE ($4::text IS NULL OR s.status = $4)`,
      [roundId, f.cveEnt ?? null, f.cvegeo ?? null, f.status ?? null],
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

function invitationMail(invitationId: string, reminder: boolean): OutboxEvent {
  return { type: 'mail.invitation', payload: { invitationId, reminder } };
}
