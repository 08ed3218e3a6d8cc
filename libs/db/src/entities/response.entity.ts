import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject } from './json';

export type ResponseStatus = 'draft' | 'submitted';

/** The current self-report of an institution in a round (draft or last submitted version). */
@Entity('response')
@Index(['roundId', 'institutionId'], { unique: true })
export class ResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Index()
  @Column({ type: 'uuid' })
  institutionId: string;

  @Column({ type: 'uuid' })
  questionnaireId: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ResponseStatus;

  /** Working copy (draft answers, autosaved per page). */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  draft: JsonObject;

  @Column({ type: 'integer', default: 0 })
  currentPage: number;

  /** Last submitted, server-validated answers (null until first submit). */
  @Column({ type: 'jsonb', nullable: true })
  submitted: JsonObject | null;

  /** Number of submitted versions (0 while only a draft exists). */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Every submitted version, kept for audit; the idempotency key makes a double submit one version. */
@Entity('response_version')
@Index(['responseId', 'version'], { unique: true })
export class ResponseVersionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  responseId: string;

  @Column({ type: 'integer' })
  version: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 128 })
  idempotencyKey: string;

  @Column({ type: 'jsonb' })
  data: JsonObject;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cleared: string[];

  /** Evidence files attached when this version was submitted (id, filename, mimeType, size, sha256, questionName). */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  evidence: JsonObject[];

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;
}

/** An uploaded evidence file, stored in PostgreSQL with its checksum (sniffed content type). */
@Entity('evidence_file')
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  roundId: string;

  /** Uploaded by an institution (invitation) … */
  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  /** … or by a citizen validator. */
  @Column({ type: 'uuid', nullable: true })
  uploaderUserId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  questionName: string | null;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  /** Removed by the institution but kept because a submitted version cites it (see response_version.evidence). */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
