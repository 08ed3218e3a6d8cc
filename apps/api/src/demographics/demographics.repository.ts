import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

/** SQL of the `validator_demographics` table (kept apart from identity: keyed by user id only). */
@Injectable()
export class DemographicsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

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
}
