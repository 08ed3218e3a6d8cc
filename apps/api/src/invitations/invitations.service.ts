import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RoundEntity } from '@apertura/db';
import { deriveToken, ENV, Env } from '@apertura/config';
import type { OutboxEvent } from '@apertura/queue';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal, UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { AuthErrors } from '../auth/auth.errors';
import { InvitationErrors } from './invitations.errors';
import { OutboxService } from '../common/outbox/outbox.service';
import {
  InvitationItemDto,
  InvitationPageDto,
  InvitationProgressDto,
  ListInvitationsQueryDto,
  OpenedInvitationDto,
  ProgressQueryDto,
  ReissuedLinkDto,
  ReminderSettingsDto,
  ReminderSettingsResultDto,
  RemindersResultDto,
  ResendResultDto,
} from './dto/invitation.dto';
import { newInvitationRows } from './invitation-tokens';
import { InvitationItem, InvitationsRepository, type ItemFilter } from './invitations.repository';
import { RoundsRepository } from '../common/rounds/rounds.repository';

/** Rows per INSERT … SELECT FROM unnest(…): 15,000 institutions take three statements. */
const INSERT_CHUNK = 5000;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toItem = (r: InvitationItem): InvitationItemDto => ({
  ...r,
  sentAt: iso(r.sentAt),
  openedAt: iso(r.openedAt),
  lastRemindedAt: iso(r.lastRemindedAt),
  createdAt: r.createdAt.toISOString(),
  revokedAt: iso(r.revokedAt),
  mailUpdatedAt: iso(r.mailUpdatedAt),
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
    private readonly invitations: InvitationsRepository,
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
      const inserted = await this.invitations.insertMany(
        manager,
        round.id,
        rows.map((r, k) => ({ id: r.id, institutionId: part[k], tokenHash: r.tokenHash })),
      );
      await this.outbox.emitMany(
        manager,
        inserted.map((id) => invitationMail(id, false)),
      );
    }
  }

  /** Queues a reminder for every invited institution of an open round that has not submitted. */
  async remind(actor: UserPrincipal, roundId: string, institutionIds?: string[]): Promise<RemindersResultDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      if (round.status !== 'open') throw InvitationErrors.roundNotOpen();
      const subset = institutionIds ? [...new Set(institutionIds)] : null;
      const ids = await this.invitations.awaitingSubmission(m, roundId, subset);
      await this.outbox.emitMany(
        m,
        ids.map((id) => invitationMail(id, true)),
      );
      // Counted with the event, so the scheduled reminders keep their distance and maximum.
      await this.invitations.countQueuedReminders(m, ids);
      await this.audit.record(m, actor, {
        action: 'invitation.remind',
        entityType: 'round',
        entityId: roundId,
        guarantorId: round.guarantorId,
        details: { count: ids.length, subset: subset ? subset.length : null },
      });
      return { count: ids.length };
    });
  }

  /** Revokes an institution's link and mails a new one (new row, new id, new token). */
  async revokeAndReissue(actor: UserPrincipal, roundId: string, institutionId: string): Promise<InvitationItemDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      if (round.status !== 'open') throw InvitationErrors.roundNotOpen();
      await this.invitations.lockInstitution(m, roundId, institutionId);
      const current = await this.invitations.activeLocked(m, roundId, institutionId);
      if (!current) throw notFound('invitation', 'institutionId');
      await this.invitations.revoke(m, current.id);
      const [fresh] = newInvitationRows(this.env.TOKEN_SECRET, 1);
      await this.invitations.insertOne(m, {
        id: fresh.id,
        roundId,
        institutionId,
        tokenHash: fresh.tokenHash,
        email: current.email,
      });
      await this.outbox.emit(m, invitationMail(fresh.id, false));
      await this.audit.record(m, actor, {
        action: 'invitation.reissue',
        entityType: 'invitation',
        entityId: fresh.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, revokedInvitationId: current.id },
      });
      return toItem(await this.invitations.item(m, roundId, institutionId));
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
      if (round.status !== 'open') throw InvitationErrors.roundNotOpen();
      await this.invitations.lockInstitution(m, roundId, institutionId);
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
      if (round.status !== 'open') throw InvitationErrors.roundNotOpen();
      await this.invitations.lockInstitution(m, roundId, institutionId);
      const latest = await this.invitations.latest(m, roundId, institutionId);
      if (!latest) throw notFound('invitation', 'institutionId');
      if (!latest.revokedAt) await this.invitations.revoke(m, latest.id);
      const [fresh] = newInvitationRows(this.env.TOKEN_SECRET, 1);
      await this.invitations.insertOne(m, {
        id: fresh.id,
        roundId,
        institutionId,
        tokenHash: fresh.tokenHash,
        email: latest.email,
      });
      if (sendMail) await this.outbox.emit(m, invitationMail(fresh.id, false));
      await this.audit.record(m, actor, {
        action: 'invitation.reissue-link',
        entityType: 'invitation',
        entityId: fresh.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, revokedInvitationId: latest.id, mailed: sendMail },
      });
      const row = await this.invitations.item(m, roundId, institutionId);
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
      await this.invitations.lockInstitution(m, roundId, institutionId);
      const inv = await this.activeInvitation(m, roundId, institutionId);
      const address = email.trim();
      await this.invitations.setEmail(m, inv.id, address);
      await this.audit.record(m, actor, {
        action: 'invitation.email',
        entityType: 'invitation',
        entityId: inv.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId, from: inv.email, to: address },
      });
      return toItem(await this.invitations.item(m, roundId, institutionId));
    });
  }

  /** Revokes the institution's link without issuing another (status revoked until a link is re-issued). */
  async revoke(actor: UserPrincipal, roundId: string, institutionId: string): Promise<InvitationItemDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'share', field: 'id' });
      await this.invitations.lockInstitution(m, roundId, institutionId);
      const inv = await this.activeInvitation(m, roundId, institutionId);
      await this.invitations.revoke(m, inv.id);
      await this.audit.record(m, actor, {
        action: 'invitation.revoke',
        entityType: 'invitation',
        entityId: inv.id,
        guarantorId: round.guarantorId,
        details: { roundId, institutionId },
      });
      return toItem(await this.invitations.item(m, roundId, institutionId));
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
      // Reminders only go out while a round is open; a setting changed afterwards would do nothing
      // yet read (and be audited) as if it did.
      if (round.status === 'closed' || round.status === 'published') throw InvitationErrors.remindersFinished();
      await this.rounds.setReminderSettings(m, roundId, dto);
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
    const latest = await this.invitations.latestLocked(m, roundId, institutionId);
    if (!latest) throw notFound('invitation', 'institutionId');
    if (latest.revokedAt) throw InvitationErrors.revoked();
    // latestLocked answers the address in use, which the institution row always has.
    return { id: latest.id, email: latest.email as string };
  }

  /** Totals, per state, and a page of municipalities, all counted in SQL. */
  async progress(actor: UserPrincipal, roundId: string, q: ProgressQueryDto): Promise<InvitationProgressDto> {
    const m = this.ds.manager;
    await this.rounds.findOwned(m, actor.guarantorId, roundId, { field: 'id' });
    const { totals, states } = await this.invitations.progressByState(m, roundId);
    const municipalities = await this.invitations.progressByMunicipality(
      m,
      roundId,
      q.cveEnt,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return {
      roundId,
      totals,
      states,
      municipalities: { ...municipalities, page: q.page, pageSize: q.pageSize },
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
    const { items, total } = await this.invitations.items(m, roundId, filters, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: items.map(toItem), total, page: q.page, pageSize: q.pageSize };
  }

  /** First use of an invitation link: records when it was opened (once) and tells what it is for. */
  async open(inv: InvitationPrincipal): Promise<OpenedInvitationDto> {
    const r = await this.invitations.markOpened(this.ds, inv.invitationId);
    if (!r) {
      throw AuthErrors.invalidInvitation();
    }
    return {
      invitationId: inv.invitationId,
      roundId: inv.roundId,
      roundName: r.roundName,
      roundStatus: r.roundStatus,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      institutionId: inv.institutionId,
      institutionName: r.institutionName,
      openedAt: r.openedAt.toISOString(),
    };
  }
}

function invitationMail(invitationId: string, reminder: boolean): OutboxEvent {
  return { type: 'mail.invitation', payload: { invitationId, reminder } };
}
