import type { CookieOptions, Request, Response } from 'express';
import type { Env } from '@apertura/config';
import { readCookie } from '../common/cookies';

/**
 * The browser's session: the same JWT API clients send as a Bearer token, carried in a cookie the page's
 * scripts cannot read (httpOnly), so a session survives a new tab and an injected script cannot steal it.
 * In production the cookie is Secure and uses the `__Host-` prefix (no Domain, Path=/, HTTPS only), so
 * neither a sibling sub-domain nor plain HTTP can set or read it. SameSite=Lax keeps it off cross-site
 * sub-requests; the origin check below is the CSRF defence for every unsafe request it authenticates
 * (docs/security.md, "Sessions").
 */
export function sessionCookieName(env: Pick<Env, 'NODE_ENV'>): string {
  return env.NODE_ENV === 'production' ? '__Host-apertura_session' : 'apertura_session';
}

function cookieOptions(env: Pick<Env, 'NODE_ENV'>): CookieOptions {
  return { httpOnly: true, secure: env.NODE_ENV === 'production', sameSite: 'lax', path: '/' };
}

export function setSessionCookie(res: Response, env: Pick<Env, 'NODE_ENV' | 'JWT_TTL_SECONDS'>, token: string): void {
  res.cookie(sessionCookieName(env), token, { ...cookieOptions(env), maxAge: env.JWT_TTL_SECONDS * 1000 });
}

export function clearSessionCookie(res: Response, env: Pick<Env, 'NODE_ENV'>): void {
  res.clearCookie(sessionCookieName(env), cookieOptions(env));
}

export const readSessionCookie = (req: Pick<Request, 'headers'>, env: Pick<Env, 'NODE_ENV'>): string | undefined =>
  readCookie(req, sessionCookieName(env));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isUnsafeMethod = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Whether a request comes from our own pages (OWASP: Fetch Metadata, then standard origin headers).
 *  - Sec-Fetch-Site, which every current browser sends, must be `same-origin` (or `none`: typed by the user);
 *  - otherwise the Origin header must be the public origin (PUBLIC_URL) or the origin the request was
 *    addressed to;
 *  - a request with neither header is not from a current browser's page and is refused: browsers send at
 *    least one of them on every unsafe request, so only a forged or non-browser request lacks both, and
 *    such clients authenticate with a Bearer token, not the cookie.
 * Returns why the request is refused, or undefined when it may use the session cookie.
 */
export function crossSiteProblem(
  req: Pick<Request, 'headers' | 'protocol'>,
  env: Pick<Env, 'PUBLIC_URL'>,
): string | undefined {
  const site = first(req.headers['sec-fetch-site']);
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? undefined : `Sec-Fetch-Site: ${site}`;
  const origin = first(req.headers.origin);
  if (origin === undefined) return 'neither Sec-Fetch-Site nor Origin';
  const host = first(req.headers.host);
  const allowed = new Set([originOf(env.PUBLIC_URL), host ? originOf(`${req.protocol}://${host}`) : undefined]);
  return allowed.has(origin) ? undefined : `Origin: ${origin}`;
}

/**
 * Gives a browser its session cookie when it signs in from our own pages (sign-in, e-mail verification,
 * accepting a staff invitation). A cross-site request gets no cookie, so another site cannot sign a
 * visitor into an account of its choosing (login CSRF); API clients keep using the token in the body.
 */
export function grantSessionCookie(
  req: Pick<Request, 'headers' | 'protocol'>,
  res: Response,
  env: Pick<Env, 'NODE_ENV' | 'JWT_TTL_SECONDS' | 'PUBLIC_URL'>,
  token: string,
): void {
  if (crossSiteProblem(req, env) === undefined) setSessionCookie(res, env, token);
}
