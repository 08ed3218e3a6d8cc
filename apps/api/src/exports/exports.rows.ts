import type { RoundStatus } from '@apertura/db';
import type { QuestionnaireVersion } from './microdata';

/**
 * Rows the exports repository reads with SQL, as PostgreSQL answers them (snake_case); they never
 * leave exports.repository.ts. (The rows of the export files themselves stream from cursors: their
 * snake_case column aliases are the files' published column names, see export-sql.ts.)
 */

export interface ExportRoundRow {
  id: string;
  name: string;
  status: RoundStatus;
  synthetic: boolean;
  published_at: Date | null;
  guarantor_name: string;
}

export interface StoredMethodRow {
  method_id: string;
  method_version: string;
}

export interface MicrodataRoundRow {
  id: string;
  guarantor_id: string;
  synthetic: boolean;
}

export interface QuestionnaireVersionRow {
  kind: QuestionnaireVersion['kind'];
  version: number;
  definition: unknown;
}
