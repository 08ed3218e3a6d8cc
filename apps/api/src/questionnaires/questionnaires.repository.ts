import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JsonObject, QuestionnaireEntity } from '@apertura/db';
import type { QuestionnaireKind } from '@apertura/questionnaire';
import { queryOne, queryRows, type Queryable } from '../common/persistence';
import type { SummaryRow, TotalRow, VersionRow } from './questionnaires.rows';

/** A questionnaire version with what its slug's history says about it. */
export interface QuestionnaireSummaryRecord {
  id: string;
  kind: string;
  slug: string;
  version: number;
  title: string;
  checksum: string;
  createdAt: Date;
  /** How many versions its slug has. */
  versions: number;
  /** The highest version of its slug. */
  latestVersion: number;
}

export interface QuestionnaireVersionRecord extends QuestionnaireSummaryRecord {
  definition: Record<string, unknown>;
}

export interface QuestionnaireFilter {
  kind?: string;
  /** With a slug: its whole history. Without: the latest version of each slug. */
  slug?: string;
}

/** The fields of a new questionnaire version (the database assigns id and created_at). */
export interface NewQuestionnaireVersion {
  guarantorId: string;
  kind: QuestionnaireKind;
  slug: string;
  version: number;
  title: string;
  definition: JsonObject;
  checksum: string;
}

const SUMMARY_COLUMNS = `q.id, q.kind, q.slug, q.version, q.title, q.checksum, q.created_at,
  count(*) OVER (PARTITION BY q.slug)::int AS versions, max(q.version) OVER (PARTITION BY q.slug) AS latest_version`;

const toSummary = (r: SummaryRow): QuestionnaireSummaryRecord => ({
  id: r.id,
  kind: r.kind,
  slug: r.slug,
  version: r.version,
  title: r.title,
  checksum: r.checksum,
  createdAt: r.created_at,
  versions: r.versions,
  latestVersion: r.latest_version,
});

/** A guarantor's questionnaire versions (the `questionnaire` table; rows are immutable once written). */
@Injectable()
export class QuestionnairesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One page of a guarantor's questionnaires, in slug order (or newest version first within one slug). */
  async page(
    guarantorId: string,
    filter: QuestionnaireFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: QuestionnaireSummaryRecord[]; total: number }> {
    const params = [guarantorId, filter.kind ?? null, filter.slug ?? null, limit, offset];
    const base = `FROM questionnaire q WHERE q.guarantor_id = $1 AND ($2::text IS NULL OR q.kind = $2) AND ($3::text IS NULL OR q.slug = $3)`;
    const rows = filter.slug
      ? await queryRows<SummaryRow>(
          this.ds,
          `SELECT ${SUMMARY_COLUMNS} ${base} ORDER BY q.version DESC LIMIT $4 OFFSET $5`,
          params,
        )
      : await queryRows<SummaryRow>(
          this.ds,
          `SELECT * FROM (SELECT DISTINCT ON (q.slug) ${SUMMARY_COLUMNS} ${base} ORDER BY q.slug, q.version DESC) l
           ORDER BY l.slug LIMIT $4 OFFSET $5`,
          params,
        );
    const counted = await queryOne<TotalRow>(
      this.ds,
      `SELECT ${filter.slug ? 'count(*)' : 'count(DISTINCT q.slug)'}::int AS total ${base}`,
      params.slice(0, 3),
    );
    return { items: rows.map(toSummary), total: counted?.total ?? 0 };
  }

  /** A version of this guarantor with its slug's history, or undefined (other guarantors' ids look unknown). */
  async findVersion(q: Queryable, guarantorId: string, id: string): Promise<QuestionnaireVersionRecord | undefined> {
    const row = await queryOne<VersionRow>(
      q,
      `SELECT s.*, q.definition FROM (SELECT ${SUMMARY_COLUMNS} FROM questionnaire q
         WHERE q.guarantor_id = $1 AND q.slug = (SELECT slug FROM questionnaire WHERE id = $2 AND guarantor_id = $1)) s
       JOIN questionnaire q ON q.id = s.id WHERE s.id = $2`,
      [guarantorId, id],
    );
    return row && { ...toSummary(row), definition: row.definition };
  }

  /** A questionnaire of this guarantor, or null (other guarantors' ids are indistinguishable from unknown ones). */
  findOwned(m: EntityManager, guarantorId: string, id: string): Promise<QuestionnaireEntity | null> {
    return m.findOne(QuestionnaireEntity, { where: { id, guarantorId } });
  }

  /**
   * Serialises writes of one slug of a guarantor until the transaction ends, so versions are
   * gap-free and never collide.
   */
  async lockSlug(m: EntityManager, guarantorId: string, slug: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('questionnaire:' || $1 || ':' || $2))`, [guarantorId, slug]);
  }

  /** The highest version of a guarantor's slug, or null when the slug is new. */
  latestOfSlug(m: EntityManager, guarantorId: string, slug: string): Promise<QuestionnaireEntity | null> {
    return m.findOne(QuestionnaireEntity, { where: { guarantorId, slug }, order: { version: 'DESC' } });
  }

  /** Writes a new version. */
  insert(m: EntityManager, version: NewQuestionnaireVersion): Promise<QuestionnaireEntity> {
    return m.save(Object.assign(new QuestionnaireEntity(), version));
  }
}
