import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { RequestWithPrincipal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { CitizenErrors } from './citizens.errors';

/**
 * Validation routes need a verified e-mail (an unverified account could be anyone's address).
 * Runs after the global AccessGuard, which has already checked the role; reads the flag fresh from
 * the database because a JWT issued before verification does not carry it.
 */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const principal = ctx.switchToHttp().getRequest<Request & RequestWithPrincipal>().principal;
    if (principal?.kind !== 'user') {
      throw new DomainError('UNAUTHENTICATED', { es: 'Se requiere iniciar sesión.', en: 'Authentication required.' });
    }
    const rows: Array<{ verified: boolean }> = await this.ds.query(
      'SELECT email_verified_at IS NOT NULL AS verified FROM app_user WHERE id = $1 AND deleted_at IS NULL',
      [principal.userId],
    );
    if (!rows[0]?.verified) throw CitizenErrors.emailNotVerified();
    return true;
  }
}
