import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@apertura/db';
import { RequestErrors } from './request.errors';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: Role;
  guarantorId: string | null;
}

export interface InvitationPrincipal {
  kind: 'invitation';
  invitationId: string;
  roundId: string;
  institutionId: string;
}

export type Principal = UserPrincipal | InvitationPrincipal;

export interface RequestWithPrincipal {
  principal?: Principal;
}

/** The signed-in account (routes with @Roles). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserPrincipal => {
  const p = ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (p?.kind !== 'user') throw RequestErrors.unauthenticated();
  return p;
});

/** The invitation the request was made with (routes with @InvitationAccess). */
export const CurrentInvitation = createParamDecorator((_: unknown, ctx: ExecutionContext): InvitationPrincipal => {
  const p = ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (p?.kind !== 'invitation') throw RequestErrors.invalidInvitationLink();
  return p;
});

/** Optional principal for public routes that show more to signed-in users. */
export const OptionalPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal,
);
