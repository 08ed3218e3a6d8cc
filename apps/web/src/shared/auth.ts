import { useSyncExternalStore } from 'react';

/** Roles of apps/api (libs/db user.entity.ts ROLES). */
export type Role = 'guarantor_admin' | 'analyst' | 'institution_respondent' | 'citizen_validator';

/** GET /api/auth/me and the `user` of a login (apps/api/src/auth/dto/login.dto.ts). */
export interface Me {
  id: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  guarantorId: string | null;
  emailVerified: boolean;
}

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the JWT is no longer accepted. */
  expiresAt: number;
  user: Me;
}

/** Login answer (SessionDto). */
export interface SessionDto {
  accessToken: string;
  expiresIn: number;
  user: Me;
}

// sessionStorage: the JWT dies with the tab, is not shared between tabs and is never sent as a cookie.
const KEY = 'apertura.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (typeof s.accessToken !== 'string' || typeof s.expiresAt !== 'number' || !s.user) return null;
    return s;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const l of listeners) l();
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  if (cached && cached.expiresAt <= Date.now()) {
    // Silently: this runs inside React's getSnapshot, where notifying listeners is not allowed.
    cached = null;
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
  }
  return cached;
}

export function setSession(dto: SessionDto): Session {
  // A small margin so a request never goes out with a token about to expire.
  const session: Session = { accessToken: dto.accessToken, expiresAt: Date.now() + (dto.expiresIn - 30) * 1000, user: dto.user };
  cached = session;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage blocked: the session lives in memory until the page is reloaded.
  }
  emit();
  return session;
}

export function clearSession(): void {
  if (cached === null) return;
  cached = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

export const STAFF_ROLES: readonly Role[] = ['guarantor_admin', 'analyst'];

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'guarantor_admin':
    case 'analyst':
      return '/consola';
    case 'citizen_validator':
      return '/validador';
    case 'institution_respondent':
      return '/';
  }
}
