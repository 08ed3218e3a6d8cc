import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RequestErrors } from './request.errors';
import { assertRequestShape } from './request-shape';

/**
 * How much of a request body the API will read, decided before reading any of it:
 * - anonymous requests (no credential): small — sign-in, registration, password reset need a few hundred bytes;
 * - requests with a valid session or an invitation link: JSON up to 1 MB (questionnaire definitions;
 *   submissions are further capped at 256 KB by libs/questionnaire);
 * - the universe import, with a valid session: CSV up to 20 MB. Above STREAMED_UPLOAD_BYTES (or without a
 *   declared length, or with `?async=1`) the CSV is not read here at all: the handler streams it to
 *   PostgreSQL for the worker (streamedUpload), so a 19 MB import holds neither memory nor the event loop.
 * Multipart uploads (evidence) are read by their interceptors, which run after the access guard.
 */
export const BODY_LIMITS = Object.freeze({
  anonymous: 16 * 1024,
  authenticated: 1024 * 1024,
  upload: 20 * 1024 * 1024,
});

export type BodyTier = keyof typeof BODY_LIMITS;

/** CSV bodies above this many bytes become background imports (the synchronous answer stays for small files). */
export const STREAMED_UPLOAD_BYTES = 256 * 1024;

/** Requests whose CSV body was left unread for the handler to stream (see streamedUpload). */
const STREAMED = new WeakSet<Request>();

/** True when this request's CSV body is left in the request stream for the handler. */
export const streamedUpload = (req: Request): boolean => STREAMED.has(req);

const CSV_TYPES = /^text\/(csv|plain)\b/i;
const asked = (v: unknown): boolean => v === '1' || v === 'true';

/** A CSV upload is streamed when large, of unknown length (chunked), or when the client asks for a job. */
function streams(req: Request): boolean {
  if (!CSV_TYPES.test(req.headers['content-type'] ?? '')) return false;
  const length = req.headers['content-length'];
  return asked(req.query.async) || length === undefined || Number(length) > STREAMED_UPLOAD_BYTES;
}

/** Routes that take large files, and only from a signed-in account (method and path). */
const UPLOAD_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'POST', path: /^\/api\/universe\/import\/?$/ },
];

/** What the middleware needs to know about the request's credential; cheap checks only (no database). */
export interface CredentialCheck {
  /** True when the Authorization header holds a session JWT with a valid signature and lifetime. */
  validSession(req: Request): boolean;
}

const INVITATION_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

export function bodyTier(req: Request, check: CredentialCheck): BodyTier {
  const session = check.validSession(req);
  if (session && UPLOAD_ROUTES.some((r) => r.method === req.method && r.path.test(req.path))) return 'upload';
  // An invitation link cannot be checked without a query; one of the right shape gets the JSON limit and the
  // guard refuses it before any handler if it is not real.
  const invitation = req.headers['x-invitation-token'];
  if (session || (typeof invitation === 'string' && INVITATION_SHAPE.test(invitation))) return 'authenticated';
  return 'anonymous';
}

function parsersFor(limit: number, text: boolean): RequestHandler[] {
  const parsers = [
    express.json({ limit, strict: true }),
    express.urlencoded({ extended: false, limit: Math.min(limit, 100 * 1024) }),
  ];
  // CSV as text only where a file is expected; elsewhere a text body is left unread (the route refuses it).
  if (text) parsers.push(express.text({ type: ['text/csv', 'text/plain'], limit }));
  return parsers;
}

/**
 * Body parsing with the tier's limit: a declared Content-Length above it is refused before a byte is
 * read; a chunked body is cut by the parser at the limit. Then every decoded string of the body and
 * the query (and the decoded path) is checked for control characters and prototype keys, on every
 * route — including those whose handlers read the body without a DTO.
 */
export function bodyLimitMiddleware(check: CredentialCheck): RequestHandler {
  const chains: Record<BodyTier, RequestHandler[]> = {
    anonymous: parsersFor(BODY_LIMITS.anonymous, false),
    authenticated: parsersFor(BODY_LIMITS.authenticated, false),
    upload: parsersFor(BODY_LIMITS.upload, true),
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const tier = bodyTier(req, check);
    const limit = BODY_LIMITS[tier];
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // Do not keep reading what will be refused: answer, then close the connection.
      res.setHeader('Connection', 'close');
      return next(RequestErrors.payloadTooLarge(limit));
    }
    if (tier === 'upload' && streams(req)) {
      // Left unread: the handler streams it (checking size and control characters as it goes).
      STREAMED.add(req);
      try {
        assertRequestShape(req.query);
        assertRequestShape(safeDecode(req.path));
      } catch (e) {
        return next(e);
      }
      return next();
    }
    const chain = chains[tier];
    let i = 0;
    const step = (err?: unknown): void => {
      if (err) return next(err);
      if (i < chain.length) {
        void chain[i++](req, res, step);
        return;
      }
      try {
        assertRequestShape(req.body);
        assertRequestShape(req.query);
        assertRequestShape(safeDecode(req.path));
      } catch (e) {
        return next(e);
      }
      next();
    };
    step();
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape is the router's business (404), not a control character
  }
}
