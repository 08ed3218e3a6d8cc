import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '@apertura/db';
import { AuditService } from '../audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { hashPassword } from '../auth/passwords';
import { DomainError, notFound } from '../common/domain-error';
import { CreateUserDto, StaffRole, UserDto } from './dto/user.dto';

export const toUserDto = (u: UserEntity): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
});

/** Staff accounts of one guarantor (admins, analysts). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: UserPrincipal, dto: CreateUserDto): Promise<UserDto> {
    const email = dto.email.toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    return this.ds.transaction(async (m) => {
      if (await m.exists(UserEntity, { where: { email } })) {
        throw new DomainError('EMAIL_TAKEN', { es: 'Ya existe una cuenta con ese correo.', en: 'An account with that e-mail already exists.' }, 'email');
      }
      const user = await m.save(
        m.create(UserEntity, { email, passwordHash, displayName: dto.displayName ?? null, role: dto.role, guarantorId: actor.guarantorId, emailVerifiedAt: new Date() }),
      );
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: user.id, guarantorId: actor.guarantorId, details: { role: dto.role } });
      return toUserDto(user);
    });
  }

  async list(actor: UserPrincipal): Promise<UserDto[]> {
    const users = await this.ds.getRepository(UserEntity).find({ where: { guarantorId: actor.guarantorId ?? '' }, order: { createdAt: 'ASC' } });
    return users.filter((u) => !u.deletedAt).map(toUserDto);
  }

  async changeRole(actor: UserPrincipal, userId: string, role: StaffRole): Promise<UserDto> {
    return this.ds.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: userId, guarantorId: actor.guarantorId ?? '' }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.deletedAt) throw notFound('user', 'userId');
      if (user.id === actor.userId) {
        throw new DomainError('FORBIDDEN', { es: 'No puede cambiar su propio rol.', en: 'You cannot change your own role.' }, 'role');
      }
      const from = user.role;
      user.role = role;
      await m.save(user);
      await this.audit.record(m, actor, { action: 'user.role-change', entityType: 'user', entityId: user.id, guarantorId: actor.guarantorId, details: { from, to: role } });
      return toUserDto(user);
    });
  }
}
