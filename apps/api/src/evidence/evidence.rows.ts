import type { JsonObject, RoundStatus } from '@apertura/db';

/**
 * Rows the evidence repository reads, as PostgreSQL answers them (snake_case). They never leave
 * evidence.repository.ts: it maps each to a camelCase record.
 */

export interface EvidenceRow {
  id: string;
  question_name: string | null;
  filename: string;
  mime_type: string;
  size: number;
  /** character(64): comes back blank-padded if it ever held fewer characters. */
  sha256: string;
}

export interface EvidenceContentRow extends EvidenceRow {
  content: Buffer;
}

export interface UploadRoundRow {
  definition: JsonObject;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  now: Date;
}

export interface UsageRow {
  files: number;
  /** bigint, which the driver hands over as a string. */
  bytes: string;
}
