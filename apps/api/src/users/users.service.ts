import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '@apertura/db';
import { deriveToken, ENV, Env, hashToken } from '@apertura/config';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { hashPassword } from '../auth/passwords';
import { mutateReturning } from '../common/persistence';
import { DomainError, notFound } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import { guarantorOf } from '../common/guarantor-of';
import { CreateUserDto, InviteUserDto, StaffInviteInfoDto, StaffRole, StaffStatus, UserDto } from './dto/user.dto';

/** Invitation links work once, for seven days (a colleague may be away for a few days). */
export const STAFF_INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

const statusOf = (u: Pick<UserEntity, 'deactivatedAt' | 'passwordHash'>): StaffStatus =>
  u.deactivatedAt ? 'deactivated' : u.passwordHash ? 'active' : 'invited';

export const toUserDto = (u: UserEntity, invitationExpiresAt: Date | null = null): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
  status: statusOf(u),
  deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  invitationExpiresAt: !u.passwordHash && invitationExpiresAt ? invitationExpiresAt.toISOString() : null,
});

const emailTaken = (): DomainError =>
  new DomainError(
    'EMAIL_TAKEN',
    { es: 'Ya existe una cuenta con ese correo.', en: 'An account with that e-mail already exists.' },
    'email',
  );

const lastAdmin = (): DomainError =>
  new DomainError('LAST_ADMIN', {
    es: 'El órgano garante debe conservar al menos una persona administradora activa.',
    en: 'The guarantor must keep at least one active administrator.',
  });

export const invalidStaffInvite = (): DomainError =>
  new DomainError('INVALID_TOKEN', {
    es: 'El enlace de invitación no es válido, ya se usó o expiró. Pida a quien le invitó que lo envíe de nuevo.',
    en: 'The invitation link is invalid, already used or expired. Ask whoever invited you to send it again.',
  });

/**
 * Staff accounts of one guarantor (admins, analysts): invitation by e-mail, role changes, deactivation.
 * Every change is audited, and no change may leave the guarantor without an active admin.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Direct creation with a password chosen by the admin (API clients and tests); the console invites. */
  async create(actor: UserPrincipal, dto: CreateUserDto): Promise<UserDto> {
    const email = dto.email.toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    return this.ds.transaction(async (m) => {
      if (await m.exists(UserEntity, { where: { email } })) throw emailTaken();
      const user = await m.save(
        m.create(UserEntity, {
          email,
          passwordHash,
          displayName: dto.displayName ?? null,
          role: dto.role,
          guarantorId: actor.guarantorId,
          emailVerifiedAt: new Date(),
        }),
      );
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
    const users = await this.ds.getRepository(UserEntity).find({ where: { guarantorId }, order: { createdAt: 'ASC' } });
    const expiries: Array<{ user_id: string; expires_at: Date }> = await this.ds.query(
      `SELECT user_id, max(expires_at) AS expires_at FROM staff_invitation WHERE guarantor_id = $1 GROUP BY user_id`,
      [guarantorId],
    );
    const expiry = new Map(expiries.map((e) => [e.user_id, e.expires_at]));
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
      if (await m.exists(UserEntity, { where: { email } })) throw emailTaken();
      const user = await m.save(
        m.create(UserEntity, {
          email,
          passwordHash: null,
          displayName: dto.displayName ?? null,
          role: dto.role,
          guarantorId,
          emailVerifiedAt: null,
        }),
      );
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
        throw new DomainError('CONFLICT', {
          es: 'Solo se reenvía la invitación a cuentas activas que aún no eligen contraseña.',
          en: 'Only active accounts that have not chosen a password yet can be invited again.',
        });
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
        throw new DomainError(
          'FORBIDDEN',
          { es: 'No puede cambiar su propio rol.', en: 'You cannot change your own role.' },
          'role',
        );
      }
      const from = user.role;
      user.role = role;
      await m.save(user);
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
        throw new DomainError('FORBIDDEN', {
          es: 'Otra persona administradora debe desactivar su cuenta.',
          en: 'Another administrator must deactivate your account.',
        });
      }
      user.deactivatedAt = now;
      await m.save(user);
      // Open invitation links die with the account (reactivation does not revive them: resend one).
      await m.query('UPDATE staff_invitation SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, now]);
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
      await m.save(user);
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
    const rows: Array<{
      email: string;
      role: string;
      display_name: string | null;
      guarantor_name: string;
      expires_at: Date;
    }> = await this.ds.query(
      `SELECT u.email, u.role, u.display_name, g.name AS guarantor_name, si.expires_at
       FROM staff_invitation si JOIN app_user u ON u.id = si.user_id JOIN guarantor g ON g.id = si.guarantor_id
       WHERE si.token_hash = $1 AND si.used_at IS NULL AND si.expires_at > $2
         AND u.deleted_at IS NULL AND u.deactivated_at IS NULL AND u.password_hash IS NULL`,
      [hashToken(token), now],
    );
    const r = rows[0];
    if (!r) throw invalidStaffInvite();
    return {
      email: r.email,
      role: r.role,
      guarantorName: r.guarantor_name,
      displayName: r.display_name,
      expiresAt: r.expires_at.toISOString(),
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
      const used = await mutateReturning<{ user_id: string; guarantor_id: string }>(
        m,
        `UPDATE staff_invitation SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id, guarantor_id`,
        [hashToken(token), now],
      );
      const invite = used[0];
      if (!invite) throw invalidStaffInvite();
      const users = await mutateReturning<{ id: string; role: string }>(
        m,
        `UPDATE app_user SET password_hash = $2, password_changed_at = $3, email_verified_at = COALESCE(email_verified_at, $3),
           display_name = COALESCE($4, display_name), updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL AND deactivated_at IS NULL AND password_hash IS NULL RETURNING id, role`,
        [invite.user_id, passwordHash, now, displayName ?? null],
      );
      const user = users[0];
      if (!user) throw invalidStaffInvite();
      await m.query('UPDATE staff_invitation SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, now]);
      await this.audit.record(
        m,
        { kind: 'user', userId: user.id, role: user.role as StaffRole, guarantorId: invite.guarantor_id },
        {
          action: 'user.invite-accept',
          entityType: 'user',
          entityId: user.id,
          guarantorId: invite.guarantor_id,
        },
      );
      return user.id;
    });
  }

  private async issueInvitation(m: EntityManager, actor: UserPrincipal, user: UserEntity, now: Date): Promise<Date> {
    const guarantorId = guarantorOf(actor);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + STAFF_INVITE_TTL_MS);
    await m.query('UPDATE staff_invitation SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, now]);
    // Only the hash is stored; the mail job derives the token again from the id (docs/decisions.md §5).
    await m.query(
      'INSERT INTO staff_invitation (id, user_id, guarantor_id, invited_by, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        id,
        user.id,
        guarantorId,
        actor.userId,
        hashToken(deriveToken(this.env.TOKEN_SECRET, 'staff-invite', id)),
        now,
        expiresAt,
      ],
    );
    const eventId = await this.outbox.emit(m, { type: 'mail.staff-invite', payload: { staffInvitationId: id } });
    // The mail_delivery trigger knows nothing of this kind of mail: scope the row to the guarantor here, so the
    // console's mail pages (and the development catcher) show it to this guarantor's staff only.
    await m.query('UPDATE mail_delivery SET guarantor_id = $2, recipient = $3 WHERE event_id = $1', [
      eventId,
      guarantorId,
      user.email,
    ]);
    return expiresAt;
  }

  private async lockedStaff(m: EntityManager, guarantorId: string, userId: string): Promise<UserEntity> {
    const user = await m.findOne(UserEntity, {
      where: { id: userId, guarantorId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user || user.deletedAt) throw notFound('user', 'userId');
    return user;
  }

  /**
   * The guarantor's active admins, locked (in id order, before the target row, so two admins switching
   * each other off at once queue up instead of deadlocking, and cannot both succeed).
   */
  private async lockActiveAdmins(m: EntityManager, guarantorId: string): Promise<string[]> {
    const admins: Array<{ id: string }> = await m.query(
      `SELECT id FROM app_user WHERE guarantor_id = $1 AND role = 'guarantor_admin' AND deleted_at IS NULL AND deactivated_at IS NULL
         AND password_hash IS NOT NULL ORDER BY id FOR UPDATE`,
      [guarantorId],
    );
    return admins.map((a) => a.id);
  }
}

/** Refuses a change that takes `userId` out of the active admins when it is the last one. */
function keepAnAdmin(activeAdmins: string[], userId: string): void {
  if (activeAdmins.includes(userId) && activeAdmins.length <= 1) throw lastAdmin();
}
