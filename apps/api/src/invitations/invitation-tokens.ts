import { randomUUID } from 'crypto';
import { deriveToken, hashToken } from '@apertura/config';

export interface NewInvitationRow {
  id: string;
  tokenHash: string;
}

/**
 * New invitation ids with the hash of their derived token (docs/decisions.md §5): the plaintext is
 * never kept; the mail job derives it again from the id.
 */
export function newInvitationRows(secret: string, count: number): NewInvitationRow[] {
  const rows: NewInvitationRow[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    rows.push({ id, tokenHash: hashToken(deriveToken(secret, 'invitation', id)) });
  }
  return rows;
}
