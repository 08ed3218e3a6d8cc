import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { UserEntity } from '@apertura/db';
import { DomainError, notFound } from '../common/domain-error';
import { ENV, Env } from '@apertura/config';
import { MeDto, SessionDto } from './dto/login.dto';
import { lockoutMinutes } from './lockout';
import { dummyHash, verifyPassword } from './passwords';
import type { JwtClaims } from './access.guard';

const invalidCredentials = (): DomainError =>
  new DomainError('INVALID_CREDENTIALS', { es: 'Correo o contraseña incorrectos.', en: 'Wrong e-mail or password.' });

export function toMe(u: UserEntity): MeDto {
  return { id: u.id, email: u.email, displayName: u.displayName, role: u.role, guarantorId: u.guarantorId, emailVerified: u.emailVerifiedAt !== null };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async login(email: string, password: string, now = new Date()): Promise<SessionDto> {
    const user = await this.users.findOne({ where: { email: email.toLowerCase(), deletedAt: IsNull() } });
    if (!user) {
      await verifyPassword(await dummyHash(), password); // same cost as a real check
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new DomainError('ACCOUNT_LOCKED', {
        es: `Cuenta bloqueada temporalmente por intentos fallidos; intente después de ${user.lockedUntil.toISOString()}.`,
        en: `Account temporarily locked after failed attempts; try again after ${user.lockedUntil.toISOString()}.`,
      });
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failed = user.failedLogins + 1;
      const minutes = lockoutMinutes(failed);
      await this.users.update(user.id, { failedLogins: failed, lockedUntil: minutes ? new Date(now.getTime() + minutes * 60_000) : null });
      throw invalidCredentials();
    }
    if (user.failedLogins || user.lockedUntil) await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
    const claims: JwtClaims = { sub: user.id, role: user.role, gid: user.guarantorId };
    return { accessToken: await this.jwt.signAsync(claims), expiresIn: this.env.JWT_TTL_SECONDS, user: toMe(user) };
  }

  async me(userId: string): Promise<MeDto> {
    const user = await this.users.findOne({ where: { id: userId, deletedAt: IsNull() } });
    if (!user) throw notFound('user');
    return toMe(user);
  }
}
