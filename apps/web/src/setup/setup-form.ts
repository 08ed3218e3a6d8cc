import type { Schema } from '../shared/api';
import type { MessageKey } from '../shared/i18n';

export type SetupFieldName = 'code' | 'name' | 'slug' | 'cveEnt' | 'adminEmail' | 'adminPassword' | 'confirm';
export type SetupValues = Record<SetupFieldName, string>;

export const EMPTY_SETUP: SetupValues = {
  code: '',
  name: '',
  slug: '',
  cveEnt: '',
  adminEmail: '',
  adminPassword: '',
  confirm: '',
};

/** Client-side checks mirror the API's (FirstRunSetupDto) so most mistakes are caught before a round trip. */
export function setupProblems(v: SetupValues): Partial<Record<SetupFieldName, MessageKey>> {
  const out: Partial<Record<SetupFieldName, MessageKey>> = {};
  if (!v.code.trim()) out.code = 'setup.required';
  if (!v.name.trim()) out.name = 'setup.required';
  if (!/^[a-z0-9-]{2,64}$/.test(v.slug.trim())) out.slug = v.slug.trim() ? 'setup.slugInvalid' : 'setup.required';
  if (v.cveEnt.trim() && !/^\d{2}$/.test(v.cveEnt.trim())) out.cveEnt = 'setup.cveEntInvalid';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.adminEmail.trim()))
    out.adminEmail = v.adminEmail.trim() ? 'setup.emailInvalid' : 'setup.required';
  if (v.adminPassword.length < 12) out.adminPassword = 'setup.passwordShort';
  if (v.confirm !== v.adminPassword) out.confirm = 'setup.mismatch';
  return out;
}

/** The typed values → the API's body: trimmed, with an empty state code sent as null; the password as typed. */
export function setupBody(v: SetupValues): Schema<'FirstRunSetupDto'> {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    slug: v.slug.trim(),
    cveEnt: v.cveEnt.trim() || null,
    adminEmail: v.adminEmail.trim(),
    adminPassword: v.adminPassword,
  };
}
