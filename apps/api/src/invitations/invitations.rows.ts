import type { MailOutcome } from '@apertura/db';
import type { InvitationStatus } from './dto/invitation.dto';

/**
 * Rows the invitations repository reads, as PostgreSQL answers them (snake_case). They never leave
 * invitations.repository.ts: it maps each to a camelCase record.
 */

export interface CountsRow {
  invited: number;
  mailed: number;
  opened: number;
  draft: number;
  submitted: number;
}

export interface StateCountsRow extends CountsRow {
  cve_ent: string | null;
  name: string | null;
  is_total: boolean;
}

export interface MunicipalityCountsRow extends CountsRow {
  cvegeo: string;
  cve_ent: string;
  name: string | null;
  total_groups: number;
}

export interface ItemRow {
  invitation_id: string;
  institution_id: string;
  institution_key: string;
  institution_name: string;
  email: string;
  cve_ent: string;
  cvegeo: string;
  status: InvitationStatus;
  sent_at: Date | null;
  opened_at: Date | null;
  last_reminded_at: Date | null;
  reminder_count: number;
  reminders_queued: number;
  created_at: Date;
  revoked_at: Date | null;
  email_overridden: boolean;
  mail_outcome: MailOutcome | null;
  mail_error: string | null;
  mail_updated_at: Date | null;
  total: number;
}

export interface LatestInvitationRow {
  id: string;
  email: string | null;
  revoked_at: Date | null;
}

export interface OpenedInvitationRow {
  opened_at: Date;
  round_name: string;
  round_status: string;
  opens_at: Date;
  closes_at: Date;
  institution_name: string;
}
