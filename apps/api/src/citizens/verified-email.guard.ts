import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { RequestWithPrincipal } from '../common/principal';
import { CitizenErrors } from './citizens.errors';
import { ValidatorsRepository } from './validators.repository';

/**
 * Validation routes need a verified e-mail (an unverified account could be anyone's address).
 * Runs after the global AccessGuard, which has already checked the role; reads the flag fresh from
 * the database because a JWT issued before verification does not carry it.
 */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly validators: ValidatorsRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const principal = ctx.switchToHttp().getRequest<Request & RequestWithPrincipal>().principal;
    if (principal?.kind !== 'user') throw CitizenErrors.unauthenticated();
    if (!(await this.validators.isEmailVerified(this.ds, principal.userId))) throw CitizenErrors.emailNotVerified();
    return true;
  }
}
