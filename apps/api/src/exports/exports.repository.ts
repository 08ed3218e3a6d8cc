import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db';
import type { RoundStatus } from '@apertura/db';
import { queryOne, queryRows } from '../common/persistence';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { ExportDataset, ExportFormat } from './export-columns';
import { exportQuery, STORED_METHODS_SQL } from './export-sql';
import type { ExportRoundRow, MicrodataRoundRow, QuestionnaireVersionRow, StoredMethodRow } from './exports.rows';
import type { MicrodataDataset, QuestionnaireVersion } from './microdata';
import { openCursor } from './pg-cursor';
import { validatorPseudonymSql } from '../common/pseudonym';

export interface ExportRound {
  id: string;
  name: string;
  status: RoundStatus;
  synthetic: boolean;
  publishedAt: Date | null;
  guarantorName: string;
}

export interface StoredMethod {
  id: string;
  version: string;
}

/** A round of the caller's guarantor, for its microdata. */
export interface MicrodataRound {
  id: string;
  guarantorId: string;
  synthetic: boolean;
}

/** An open-data file's rows, streaming from a server-side cursor, and its columns in order. */
export interface ExportRows {
  columns: readonly string[];
  rows: QueryStream;
}

const INSTITUTION_SELECT = `r.id AS round_id, i.id AS institution_id, i.key AS institution_key, i.name AS institution_name,
  i.type AS institution_type, i.level, i.cve_ent, i.cvegeo`;

/** One query per dataset, in a stable order; `$1` the round. Never joins app_user or validator_profile. */
const DATASET_SQL: Record<MicrodataDataset, string> = {
  answers: `SELECT ${INSTITUTION_SELECT}, s.version AS response_version, s.submitted_at, q.version AS questionnaire_version, s.submitted AS data
    FROM response s JOIN round r ON r.id = s.round_id JOIN institution i ON i.id = s.institution_id JOIN questionnaire q ON q.id = s.questionnaire_id
    WHERE s.round_id = $1 AND s.version > 0 AND s.submitted IS NOT NULL
    ORDER BY i.name, i.id`,
  verdicts: `SELECT ${INSTITUTION_SELECT}, v.question_name, v.verdict, ${VERDICT_STANDING_SQL} AS standing,
      ${validatorPseudonymSql('r', 'v.validator_id')} AS validator, v.evidence_url, v.evidence_file_id IS NOT NULL AS has_evidence_file, v.comment,
      v.created_at AS recorded_at, v.updated_at, v.notified_at
    FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN} JOIN institution i ON i.id = v.institution_id
    WHERE v.round_id = $1
    ORDER BY i.name, i.id, v.question_name, validator`,
  citizen_reports: `SELECT ${INSTITUTION_SELECT}, ${validatorPseudonymSql('r', 'c.validator_id')} AS validator, q.version AS questionnaire_version,
      c.created_at AS submitted_at, c.updated_at, c.data
    FROM citizen_report c JOIN round r ON r.id = c.round_id JOIN institution i ON i.id = c.institution_id JOIN questionnaire q ON q.id = c.questionnaire_id
    WHERE c.round_id = $1
    ORDER BY i.name, i.id, validator`,
};

/**
 * What the open-data exports and the staff microdata read: result tables, the round and its
 * questionnaires. Read-only, on the read connection (a replica when DATABASE_READ_URL is set) and
 * outside any transaction. The files' own SELECTs are built in export-sql.ts / the microdata
 * datasets and stream through pg-cursor.ts (infrastructure: a pooled connection held by a cursor).
 */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource(READ_CONNECTION) private readonly read: DataSource) {}

  /** A round with its guarantor's name, optionally only when `guarantorId` owns it. */
  async findRound(roundId: string, guarantorId?: string): Promise<ExportRound | undefined> {
    const r = await queryOne<ExportRoundRow>(
      this.read,
      `SELECT r.id, r.name, r.status, r.synthetic, r.published_at, g.name AS guarantor_name
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id
         WHERE r.id = $1 AND ($2::uuid IS NULL OR r.guarantor_id = $2)`,
      [roundId, guarantorId ?? null],
    );
    return r === undefined
      ? undefined
      : {
          id: r.id,
          name: r.name,
          status: r.status,
          synthetic: r.synthetic,
          publishedAt: r.published_at,
          guarantorName: r.guarantor_name,
        };
  }

  /** The methods (id and version) of the round's stored results, in order. */
  async storedMethods(roundId: string): Promise<StoredMethod[]> {
    const rows = await queryRows<StoredMethodRow>(this.read, STORED_METHODS_SQL, [roundId]);
    return rows.map((r) => ({ id: r.method_id, version: r.method_version }));
  }

  /** The rows of one open-data file of the round, from a cursor (the caller ends the stream). */
  async openExport(dataset: ExportDataset, format: ExportFormat, roundId: string): Promise<ExportRows> {
    const q = exportQuery(dataset, format, roundId);
    return { columns: q.columns, rows: await openCursor(this.read, q.text, q.values) };
  }

  /** A round of `guarantorId`, for its microdata. */
  async findMicrodataRound(roundId: string, guarantorId: string): Promise<MicrodataRound | undefined> {
    const r = await queryOne<MicrodataRoundRow>(
      this.read,
      'SELECT id, guarantor_id, synthetic FROM round WHERE id = $1 AND guarantor_id = $2',
      [roundId, guarantorId],
    );
    return r === undefined ? undefined : { id: r.id, guarantorId: r.guarantor_id, synthetic: r.synthetic };
  }

  /** Every questionnaire version the round uses or was answered with (a round's instrument can be replaced while it is a draft). */
  async questionnaireVersions(roundId: string): Promise<QuestionnaireVersion[]> {
    const rows = await queryRows<QuestionnaireVersionRow>(
      this.read,
      `SELECT q.kind, q.version, q.definition FROM questionnaire q WHERE q.id IN (
         SELECT institution_questionnaire_id FROM round WHERE id = $1
         UNION SELECT citizen_questionnaire_id FROM round WHERE id = $1
         UNION SELECT questionnaire_id FROM response WHERE round_id = $1
         UNION SELECT questionnaire_id FROM citizen_report WHERE round_id = $1)
       ORDER BY q.kind, q.version`,
      [roundId],
    );
    return rows.map((r) => ({ kind: r.kind, version: r.version, definition: r.definition }));
  }

  /**
   * The raw rows of one microdata dataset of the round, from a cursor (the caller ends the stream).
   * Their snake_case keys are the published microdata columns (microdata.ts shapes them into cells).
   */
  async openMicrodata(dataset: MicrodataDataset, roundId: string): Promise<QueryStream> {
    return openCursor(this.read, DATASET_SQL[dataset], [roundId]);
  }
}
