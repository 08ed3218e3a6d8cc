import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, IsNull, Repository } from 'typeorm';
import { UserEntity, Role } from '@apertura/db';
import { AuthRepository } from './auth.repository';
import { forbidden } from '../common/domain-error';
import { RequestErrors } from '../common/request.errors';
import { AuthErrors } from './auth.errors';
import { ACCESS_KEY, AccessPolicy } from './access.decorator';
import { Principal, RequestWithPrincipal } from '../common/principal';
import { ENV, Env, hashToken } from '@apertura/config';
import { crossSiteProblem, isUnsafeMethod, readSessionCookie } from './session-cookie';

export interface JwtClaims {
  sub: string;
  role: Role;
  gid: string | null;
}

/** Registered claims every session JWT must carry (seconds since the epoch). */
interface TimedClaims {
  iat?: unknown;
  exp?: unknown;
}

/** Clock difference between API replicas tolerated on `iat`. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * A verified token is still refused unless it states when it was issued and when it expires, and its
 * lifetime is within JWT_TTL_SECONDS: a token minted without `exp`, or with a 100-year one, is not a session
 * this server would have issued.
 */
export function sessionLifetimeProblem(
  claims: TimedClaims,
  ttlSeconds: number,
  nowSeconds: number,
): string | undefined {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return 'iat missing';
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'exp missing';
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'issued in the future';
  if (exp - iat > ttlSeconds) return 'lifetime above JWT_TTL_SECONDS';
  return undefined;
}

/**
 * Global guard, deny by default: a route without an access policy is refused. Resolves the principal
 * (JWT account or invitation token) and checks the policy's roles; ownership (same guarantor, own
 * assignment, …) is checked by the services, which know the resources.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly auth: AuthRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const req = ctx.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    if (!policy) throw forbidden();
    if (policy.kind === 'invitation') {
      req.principal = await this.invitationPrincipal(req);
      return true;
    }
    const principal = await this.userPrincipal(req, policy.kind === 'public');
    if (principal) req.principal = principal;
    if (policy.kind === 'public') return true;
    if (!principal) throw RequestErrors.unauthenticated();
    if (principal.kind !== 'user' || !policy.roles.includes(principal.role)) throw forbidden();
    return true;
  }

  /**
   * The account of a Bearer token (API clients) or, without one, of the session cookie (the web app).
   * On a public route a cookie that is stale or fails the origin check is ignored (the request is
   * anonymous): signing in again must never be blocked by an old cookie.
   */
  private async userPrincipal(req: Request, publicRoute: boolean): Promise<Principal | undefined> {
    const header = req.headers.authorization;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme !== 'Bearer' || !token) throw RequestErrors.unauthenticated();
      return this.sessionPrincipal(token);
    }
    const cookie = readSessionCookie(req, this.env);
    if (!cookie) return undefined;
    // CSRF: a cookie rides along with any request the browser makes, so an unsafe one must come from our pages.
    const crossSite = isUnsafeMethod(req.method) ? crossSiteProblem(req, this.env) : undefined;
    if (publicRoute) {
      if (crossSite) return undefined;
      return this.sessionPrincipal(cookie).catch(() => undefined);
    }
    if (crossSite) {
      throw AuthErrors.csrfRejected();
    }
    return this.sessionPrincipal(cookie);
  }

  private async sessionPrincipal(token: string): Promise<Principal> {
    let claims: JwtClaims & TimedClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims & TimedClaims>(token);
    } catch {
      throw AuthErrors.invalidSession();
    }
    if (sessionLifetimeProblem(claims, this.env.JWT_TTL_SECONDS, Math.floor(Date.now() / 1000)))
      throw AuthErrors.invalidSession();
    // Re-read the account so a deleted or demoted user loses access at once, not when the JWT expires.
    const user = await this.users.findOne({ where: { id: claims.sub, deletedAt: IsNull() } });
    if (!user || user.role !== claims.role) throw RequestErrors.unauthenticated();
    // A deactivated account's sessions stop at once (issue #15, item 5).
    if (user.deactivatedAt) throw AuthErrors.sessionAccountDeactivated();
    // A password reset ends every session issued before it (a stolen session does not outlive the reset).
    if (user.passwordChangedAt && (claims.iat as number) < Math.floor(user.passwordChangedAt.getTime() / 1000))
      throw AuthErrors.invalidSession();
    return { kind: 'user', userId: user.id, role: user.role, guarantorId: user.guarantorId };
  }

  private async invitationPrincipal(req: Request): Promise<Principal> {
    const raw = req.headers['x-invitation-token'];
    const token = Array.isArray(raw) ? raw[0] : raw;
    if (!token || token.length > 200) throw AuthErrors.invalidInvitation();
    const inv = await this.auth.activeInvitation(this.ds, hashToken(token));
    if (!inv) throw AuthErrors.invalidInvitation();
    return { kind: 'invitation', invitationId: inv.id, roundId: inv.roundId, institutionId: inv.institutionId };
  }
}
