import { useSyncExternalStore } from 'react';
import type { Schema } from './api';

/** GET /api/auth/me and the `user` of a login (apps/api/src/auth/dto/login.dto.ts). */
export type Me = Schema<'MeDto'>;
/** Roles of apps/api (libs/db user.entity.ts ROLES). */
export type Role = Me['role'];

export interface Session {
  /** Epoch milliseconds after which the server no longer accepts the session. */
  expiresAt: number;
  user: Me;
}

/** Login answer (SessionDto). The web app ignores `accessToken`: its session is the httpOnly cookie. */
export type SessionDto = Schema<'SessionDto'>;

/*
 * The session itself is an httpOnly cookie the server sets (scripts never see the JWT, docs/security.md
 * "Sessions"); the browser sends it from every tab. What is kept here is only who is signed in and until
 * when, so every tab renders the right navigation at once: localStorage (shared by the tabs of one
 * origin), and the `storage` event tells the other tabs when someone signs in or out.
 */
const KEY = 'apertura.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (typeof s.expiresAt !== 'number' || !s.user || typeof s.user.role !== 'string') return null;
    return s;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const l of listeners) l();
}

function forget(): void {
  try {
    localStorage.removeItem(KEY);
    // The JWT was kept in sessionStorage before the cookie (issue #15 item 5): do not leave one behind.
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  if (cached && cached.expiresAt <= Date.now()) {
    // Silently: this runs inside React's getSnapshot, where notifying listeners is not allowed.
    cached = null;
    forget();
  }
  return cached;
}

export function setSession(dto: SessionDto): Session {
  // A small margin so a request never goes out with a session about to expire.
  const session: Session = { expiresAt: Date.now() + (dto.expiresIn - 30) * 1000, user: dto.user };
  cached = session;
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage blocked: this tab still knows; others learn it from the cookie when they call the API.
  }
  emit();
  return session;
}

/** Updates who is signed in (after /api/auth/me), keeping the expiry. */
export function refreshUser(user: Me): void {
  const current = getSession();
  if (!current) return;
  setSession({ accessToken: '', expiresIn: Math.max(60, (current.expiresAt - Date.now()) / 1000 + 30), user });
}

export function clearSession(): void {
  if (cached === null) return;
  cached = null;
  forget();
  emit();
}

/** Signs out: the server clears the cookie, and every tab forgets the session. */
export async function signOut(): Promise<void> {
  try {
    await fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    // Offline: the cookie expires on its own; this tab forgets the session anyway.
  }
  clearSession();
}

// Another tab signed in or out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY && e.key !== null) return;
    cached = read();
    emit();
  });
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
    case 'cosigner':
      return '/cofirma';
  }
}
