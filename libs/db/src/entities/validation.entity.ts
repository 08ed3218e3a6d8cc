import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject } from './json';

export type AssignmentStatus = 'active' | 'completed' | 'expired';

/** An institution given to a validator to check (verify claims and/or try it as a citizen). */
@Entity('assignment')
@Index(['roundId', 'validatorId', 'institutionId'], { unique: true })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Index()
  @Column({ type: 'uuid' })
  validatorId: string;

  @Index()
  @Column({ type: 'uuid' })
  institutionId: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: AssignmentStatus;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Issue #16: when the expiry-reminder sweep queued this assignment's reminder mail. */
  @Column({ type: 'timestamptz', nullable: true })
  expiryReminderQueuedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const VERDICTS = ['confirmed', 'refuted', 'unverifiable'] as const;
export type VerdictValue = (typeof VERDICTS)[number];

/** A validator's verdict on one verifiable self-reported claim; one per (validator, institution, item). */
@Entity('verdict')
@Index(['roundId', 'validatorId', 'institutionId', 'questionName'], { unique: true })
@Index(['roundId', 'institutionId'])
export class VerdictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  institutionId: string;

  @Column({ type: 'uuid' })
  validatorId: string;

  @Column({ type: 'varchar', length: 200 })
  questionName: string;

  @Column({ type: 'varchar', length: 16 })
  verdict: VerdictValue;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'uuid', nullable: true })
  evidenceFileId: string | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  comment: string | null;

  /** Refutations: when the sweep queued the notice to the institution (METHOD.md §3.1). */
  @Column({ type: 'timestamptz', nullable: true })
  noticeQueuedAt: Date | null;

  /** Refutations: when the notice mail left; the institution's reply window runs from it. */
  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  /** Refutations: when the sweep announced that the reply window ended without a dispute. */
  @Column({ type: 'timestamptz', nullable: true })
  replyWindowClosedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A citizen report (citizen questionnaire) about one institution; one per (validator, institution). */
@Entity('citizen_report')
@Index(['roundId', 'validatorId', 'institutionId'], { unique: true })
@Index(['roundId', 'institutionId'])
export class CitizenReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  institutionId: string;

  @Column({ type: 'uuid' })
  validatorId: string;

  @Column({ type: 'uuid' })
  questionnaireId: string;

  @Column({ type: 'jsonb' })
  data: JsonObject;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
