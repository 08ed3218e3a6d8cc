import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { deriveToken, ENV, Env, hashToken } from '@apertura/config';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { hashPassword } from '../auth/passwords';
import { notFound } from '../common/domain-error';
import { UserErrors } from './users.errors';
import { OutboxService } from '../common/outbox/outbox.service';
import { guarantorOf } from '../common/guarantor-of';
import { MailRepository } from '../mail/mail.repository';
import { STAFF_INVITE_TTL_MS, type StaffRole } from '../common/users/staff';
import { CreateUserDto, InviteUserDto, StaffInviteInfoDto, StaffStatus, UserDto } from './dto/user.dto';
import { UsersRepository, type UserRecord } from '../common/users/users.repository';

const statusOf = (u: Pick<UserRecord, 'deactivatedAt' | 'passwordHash'>): StaffStatus =>
  u.deactivatedAt ? 'deactivated' : u.passwordHash ? 'active' : 'invited';

export const toUserDto = (u: UserRecord, invitationExpiresAt: Date | null = null): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
  status: statusOf(u),
  deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  invitationExpiresAt: !u.passwordHash && invitationExpiresAt ? invitationExpiresAt.toISOString() : null,
});

/**
 * Staff accounts of one guarantor (admins, analysts): invitation by e-mail, role changes, deactivation.
 * Every change is audited, and no change may leave the guarantor without an active admin.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly mail: MailRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Direct creation with a password chosen by the admin (API clients and tests); the console invites. */
  async create(actor: UserPrincipal, dto: CreateUserDto): Promise<UserDto> {
    const email = dto.email.toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    return this.ds.transaction(async (m) => {
      if (await this.users.emailExists(m, email)) throw UserErrors.emailTaken();
      const user = await this.users.insert(m, {
        email,
        passwordHash,
        displayName: dto.displayName ?? null,
        role: dto.role,
        guarantorId: actor.guarantorId,
        emailVerifiedAt: new Date(),
      });
      await this.audit.record(m, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        guarantorId: actor.guarantorId,
        details: { role: dto.role },
      });
      return toUserDto(user);
    });
  }

  async list(actor: UserPrincipal): Promise<UserDto[]> {
    const guarantorId = guarantorOf(actor);
    const users = await this.users.ofGuarantor(this.ds.manager, guarantorId);
    const expiry = await this.users.invitationExpiries(this.ds, guarantorId);
    // Co-signers' accounts are scoped to the operator but are not its staff (issue #18): the round's co-signing page lists them.
    return users
      .filter((u) => !u.deletedAt && u.role !== 'cosigner')
      .map((u) => toUserDto(u, expiry.get(u.id) ?? null));
  }

  /** Creates the account without a password and mails a single-use link to choose one. */
  async invite(actor: UserPrincipal, dto: InviteUserDto, now = new Date()): Promise<UserDto> {
    const guarantorId = guarantorOf(actor);
    const email = dto.email.trim().toLowerCase();
    return this.ds.transaction(async (m) => {
      if (await this.users.emailExists(m, email)) throw UserErrors.emailTaken();
      const user = await this.users.insert(m, {
        email,
        passwordHash: null,
        displayName: dto.displayName ?? null,
        role: dto.role,
        guarantorId,
        emailVerifiedAt: null,
      });
      const expiresAt = await this.issueInvitation(m, actor, user, now);
      await this.audit.record(m, actor, {
        action: 'user.invite',
        entityType: 'user',
        entityId: user.id,
        guarantorId,
        details: { role: dto.role, email },
      });
      return toUserDto(user, expiresAt);
    });
  }

  /** A new link for an invitee who has not chosen a password yet (earlier links stop working). */
  async resendInvite(actor: UserPrincipal, userId: string, now = new Date()): Promise<UserDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const user = await this.lockedStaff(m, guarantorId, userId);
      if (user.passwordHash || user.deactivatedAt) {
        throw UserErrors.notReinvitable();
      }
      const expiresAt = await this.issueInvitation(m, actor, user, now);
      await this.audit.record(m, actor, {
        action: 'user.invite-resend',
        entityType: 'user',
        entityId: user.id,
        guarantorId,
        details: { email: user.email },
      });
      return toUserDto(user, expiresAt);
    });
  }

  async changeRole(actor: UserPrincipal, userId: string, role: StaffRole): Promise<UserDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const admins = await this.lockActiveAdmins(m, guarantorId);
      const user = await this.lockedStaff(m, guarantorId, userId);
      if (role !== 'guarantor_admin') keepAnAdmin(admins, user.id);
      if (user.id === actor.userId) {
        throw UserErrors.ownRoleChange();
      }
      const from = user.role;
      user.role = role;
      await this.users.save(m, user);
      await this.audit.record(m, actor, {
        action: 'user.role-change',
        entityType: 'user',
        entityId: user.id,
        guarantorId,
        details: { from, to: role },
      });
      return toUserDto(user);
    });
  }

  /** Switches the account off: no sign-in, and its open sessions are refused from the next request on. */
  async deactivate(actor: UserPrincipal, userId: string, now = new Date()): Promise<UserDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const admins = await this.lockActiveAdmins(m, guarantorId);
      const user = await this.lockedStaff(m, guarantorId, userId);
      if (user.deactivatedAt) return toUserDto(user);
      keepAnAdmin(admins, user.id);
      if (user.id === actor.userId) {
        throw UserErrors.selfDeactivation();
      }
      user.deactivatedAt = now;
      await this.users.save(m, user);
      // Open invitation links die with the account (reactivation does not revive them: resend one).
      await this.users.spendInvitationsOf(m, user.id, now);
      await this.audit.record(m, actor, {
        action: 'user.deactivate',
        entityType: 'user',
        entityId: user.id,
        guarantorId,
        details: { role: user.role },
      });
      return toUserDto(user);
    });
  }

  async reactivate(actor: UserPrincipal, userId: string): Promise<UserDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const user = await this.lockedStaff(m, guarantorId, userId);
      if (!user.deactivatedAt) return toUserDto(user);
      user.deactivatedAt = null;
      await this.users.save(m, user);
      await this.audit.record(m, actor, {
        action: 'user.reactivate',
        entityType: 'user',
        entityId: user.id,
        guarantorId,
        details: { role: user.role },
      });
      return toUserDto(user);
    });
  }

  /** What the invitation page shows before the invitee chooses a password (the link is not spent). */
  async inspectInvite(token: string, now = new Date()): Promise<StaffInviteInfoDto> {
    const r = await this.users.openInvitation(this.ds, hashToken(token), now);
    if (!r) throw UserErrors.invalidStaffInvite();
    return {
      email: r.email,
      role: r.role,
      guarantorName: r.guarantorName,
      displayName: r.displayName,
      expiresAt: r.expiresAt.toISOString(),
    };
  }

  /** Spends the link and sets the password; following the link proves control of the address. Returns the user id. */
  async acceptInvite(
    token: string,
    password: string,
    displayName: string | undefined,
    now = new Date(),
  ): Promise<string> {
    const passwordHash = await hashPassword(password);
    return this.ds.transaction(async (m) => {
      const invite = await this.users.spendInvitation(m, hashToken(token), now);
      if (!invite) throw UserErrors.invalidStaffInvite();
      const user = await this.users.setPassword(m, invite.userId, {
        passwordHash,
        at: now,
        displayName: displayName ?? null,
        onlyWithoutPassword: true,
      });
      if (!user) throw UserErrors.invalidStaffInvite();
      await this.users.spendInvitationsOf(m, user.id, now);
      await this.audit.record(
        m,
        { kind: 'user', userId: user.id, role: user.role as StaffRole, guarantorId: invite.guarantorId },
        {
          action: 'user.invite-accept',
          entityType: 'user',
          entityId: user.id,
          guarantorId: invite.guarantorId,
        },
      );
      return user.id;
    });
  }

  private async issueInvitation(m: EntityManager, actor: UserPrincipal, user: UserRecord, now: Date): Promise<Date> {
    const guarantorId = guarantorOf(actor);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + STAFF_INVITE_TTL_MS);
    await this.users.spendInvitationsOf(m, user.id, now);
    // Only the hash is stored; the mail job derives the token again from the id (docs/decisions.md §5).
    await this.users.insertInvitation(m, {
      id,
      userId: user.id,
      guarantorId,
      invitedBy: actor.userId,
      tokenHash: hashToken(deriveToken(this.env.TOKEN_SECRET, 'staff-invite', id)),
      createdAt: now,
      expiresAt,
    });
    const eventId = await this.outbox.emit(m, { type: 'mail.staff-invite', payload: { staffInvitationId: id } });
    // The mail_delivery trigger knows nothing of this kind of mail: scope the row to the guarantor here, so the
    // console's mail pages (and the development catcher) show it to this guarantor's staff only.
    await this.mail.scopeDelivery(m, eventId, guarantorId, user.email);
    return expiresAt;
  }

  private async lockedStaff(m: EntityManager, guarantorId: string, userId: string): Promise<UserRecord> {
    const user = await this.users.ofGuarantorById(m, guarantorId, userId, 'update');
    if (!user || user.deletedAt) throw notFound('user', 'userId');
    return user;
  }

  /**
   * The guarantor's active admins, locked (in id order, before the target row, so two admins switching
   * each other off at once queue up instead of deadlocking, and cannot both succeed).
   */
  private lockActiveAdmins(m: EntityManager, guarantorId: string): Promise<string[]> {
    return this.users.lockActiveAdmins(m, guarantorId);
  }
}

/** Refuses a change that takes `userId` out of the active admins when it is the last one. */
function keepAnAdmin(activeAdmins: string[], userId: string): void {
  if (activeAdmins.includes(userId) && activeAdmins.length <= 1) throw UserErrors.lastAdmin();
}
