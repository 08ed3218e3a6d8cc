import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

export type QuestionnaireKind = 'institution' | 'citizen';

/**
 * One immutable version of a SurveyJS questionnaire. A change is a new row with version + 1;
 * a version used by a round that has opened is never modified.
 */
@Entity('questionnaire')
@Index(['guarantorId', 'slug', 'version'], { unique: true })
export class QuestionnaireEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  guarantorId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuestionnaireKind;

  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'jsonb' })
  definition: JsonObject;

  /** sha256 of the canonical JSON, so identical uploads are recognised. */
  @Column({ type: 'char', length: 64 })
  checksum: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
