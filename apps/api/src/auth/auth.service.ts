import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { UserEntity } from '@apertura/db';
import { notFound } from '../common/domain-error';
import { AuthErrors } from './auth.errors';
import { ENV, Env } from '@apertura/config';
import { MeDto, SessionDto } from './dto/login.dto';
import { clientKey, LoginFailures } from './login-failures';
import { dummyHash, verifyPassword } from './passwords';
import type { JwtClaims } from './access.guard';

export function toMe(u: UserEntity): MeDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    guarantorId: u.guarantorId,
    emailVerified: u.emailVerifiedAt !== null,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly failures: LoginFailures,
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Sign-in. `client` is the caller's address (as TRUST_PROXY reads it): failures and locks are kept per
   * (account, client), so guessing from one client never locks the account out for anyone else.
   */
  async login(email: string, password: string, client: string, now = new Date()): Promise<SessionDto> {
    const user = await this.users.findOne({ where: { email: email.toLowerCase(), deletedAt: IsNull() } });
    if (!user) {
      await verifyPassword(await dummyHash(), password); // same cost as a real check
      throw AuthErrors.invalidCredentials();
    }
    const m = this.users.manager;
    const key = clientKey(this.env.TOKEN_SECRET, client);
    const until = await this.failures.lockedUntil(m, user.id, key, now);
    if (until) {
      throw AuthErrors.accountLocked(until);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.failures.record(m, user.id, key, now);
      throw AuthErrors.invalidCredentials();
    }
    await this.failures.clear(m, user.id, key);
    // Told only to whoever knows the password: the account exists but a guarantor admin switched it off.
    if (user.deactivatedAt) {
      throw AuthErrors.accountDeactivated();
    }
    return this.sessionFor(user);
  }

  /** A session for an account that proved itself another way (a verification or invitation link). */
  async issue(userId: string): Promise<SessionDto> {
    const user = await this.users.findOne({ where: { id: userId, deletedAt: IsNull(), deactivatedAt: IsNull() } });
    if (!user) throw notFound('user');
    return this.sessionFor(user);
  }

  private async sessionFor(user: UserEntity): Promise<SessionDto> {
    const claims: JwtClaims = { sub: user.id, role: user.role, gid: user.guarantorId };
    return { accessToken: await this.jwt.signAsync(claims), expiresIn: this.env.JWT_TTL_SECONDS, user: toMe(user) };
  }

  async me(userId: string): Promise<MeDto> {
    const user = await this.users.findOne({ where: { id: userId, deletedAt: IsNull() } });
    if (!user) throw notFound('user');
    return toMe(user);
  }
}
