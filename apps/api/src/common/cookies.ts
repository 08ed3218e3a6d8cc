import type { Request } from 'express';

/** One cookie's value from the Cookie header (no cookie-parser: this is the only cookie the API reads). */
export function readCookie(req: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value.length > 0 && value.length <= 4096 ? value : undefined;
  }
  return undefined;
}
