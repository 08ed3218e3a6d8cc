import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEMOGRAPHIC_QUESTION_KEYS, DemographicQuestion } from '@apertura/geo';
import { queryRows } from '../common/persistence';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { ProfileCountRow, ProfileRoundRow } from './demographics.rows';
import type { DemographicAnswersDto } from './dto/demographics.dto';

export interface DemographicsRow {
  age_band: DemographicAnswersDto['ageBand'];
  gender: DemographicAnswersDto['gender'];
  municipality_type: DemographicAnswersDto['municipalityType'];
  indigenous_language: DemographicAnswersDto['indigenousLanguage'];
  disability: DemographicAnswersDto['disability'];
  purpose_version: string;
  consent_at: Date;
}

export type ProfileCount = ProfileCountRow;

const COLUMN: Record<DemographicQuestion, string> = {
  ageBand: 'age_band',
  gender: 'gender',
  municipalityType: 'municipality_type',
  indigenousLanguage: 'indigenous_language',
  disability: 'disability',
};

/**
 * SQL of the `validator_demographics` table (kept apart from identity: keyed by user id only). The
 * validators' profile (aggregates only) reads on the read connection, like the other result pages.
 */
@Injectable()
export class DemographicsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectDataSource(READ_CONNECTION) private readonly read: DataSource,
  ) {}

  async find(userId: string, m: EntityManager | DataSource = this.ds): Promise<DemographicsRow | undefined> {
    const rows: DemographicsRow[] = await m.query(
      `SELECT age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at
       FROM validator_demographics WHERE user_id = $1`,
      [userId],
    );
    return rows[0];
  }

  /** Inserts or replaces; `consent_at` is the moment of this (re)confirmation. */
  async upsert(m: EntityManager, userId: string, a: DemographicAnswersDto, purposeVersion: string): Promise<boolean> {
    const rows: Array<{ created: boolean }> = await m.query(
      `INSERT INTO validator_demographics
         (user_id, age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now())
       ON CONFLICT (user_id) DO UPDATE SET age_band = EXCLUDED.age_band, gender = EXCLUDED.gender,
         municipality_type = EXCLUDED.municipality_type, indigenous_language = EXCLUDED.indigenous_language,
         disability = EXCLUDED.disability, purpose_version = EXCLUDED.purpose_version,
         consent_at = EXCLUDED.consent_at, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [userId, a.ageBand, a.gender, a.municipalityType, a.indigenousLanguage, a.disability, purposeVersion],
    );
    return rows[0].created;
  }

  async delete(m: EntityManager, userId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await m.query(
      'DELETE FROM validator_demographics WHERE user_id = $1 RETURNING user_id',
      [userId],
    );
    return rows.length > 0;
  }

  /** The round's status (a list of zero or one) when `guarantorId` owns it or is null. */
  async profileRounds(roundId: string, guarantorId: string | null): Promise<Array<{ status: string }>> {
    const rows = await queryRows<ProfileRoundRow>(
      this.read,
      'SELECT status FROM round WHERE id = $1 AND ($2::uuid IS NULL OR guarantor_id = $2::uuid)',
      [roundId, guarantorId],
    );
    return rows.map((r) => ({ status: r.status }));
  }

  /** Answers per question and category among the round's validators (not deleted), and the validators in all. */
  async profileCounts(roundId: string): Promise<ProfileCount[]> {
    const rows = await queryRows<ProfileCountRow>(
      this.read,
      // Distinct per table first: each is hashed in memory (a few thousand validators), where one UNION
      // over every verdict and report sorted 550,000 ids on disk at national size (0.45 → 0.19 s).
      `WITH v AS (SELECT validator_id FROM (SELECT DISTINCT validator_id FROM verdict WHERE round_id = $1) a
                  UNION SELECT DISTINCT validator_id FROM citizen_report WHERE round_id = $1),
            d AS (SELECT d.* FROM validator_demographics d JOIN v ON v.validator_id = d.user_id
                  JOIN app_user u ON u.id = d.user_id AND u.deleted_at IS NULL)
       ${DEMOGRAPHIC_QUESTION_KEYS.map(
         (q) => `SELECT '${q}' AS question, ${COLUMN[q]}::text AS category, count(*)::int AS n FROM d GROUP BY 2`,
       ).join(' UNION ALL ')}
       UNION ALL SELECT 'validators', '', count(*)::int FROM v`,
      [roundId],
    );
    return rows.map((r) => ({ question: r.question, category: r.category, n: r.n }));
  }
}
