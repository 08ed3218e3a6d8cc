/** Staff roles a guarantor admin may grant (citizens register themselves; institutions use invitations). */
export const STAFF_ROLES = ['guarantor_admin', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Invitation links work once, for seven days (a colleague may be away for a few days). */
export const STAFF_INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
