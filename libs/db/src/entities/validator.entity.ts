import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Citizen validator profile: the minimum needed to assign work and keep conflicts out. */
@Entity('validator_profile')
export class ValidatorProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  /** Stable public pseudonym (never the e-mail) used wherever a validator must be referred to. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  pseudonym: string;

  /** Optional municipality of residence. */
  @Column({ type: 'char', length: 5, nullable: true })
  cvegeo: string | null;

  @Column({ type: 'timestamptz' })
  consentAt: Date;

  @Column({ type: 'varchar', length: 32 })
  privacyNoticeVersion: string;

  /** Issue #16: no optional mails (new assignments, expiry reminders, digests). */
  @Column({ type: 'boolean', default: false })
  mailOptOut: boolean;
}

/** A declared conflict of interest: the validator works at (or for) this institution. */
@Entity('validator_conflict')
export class ValidatorConflictEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  institutionId: string;

  /** Why (required for new declarations; null only on rows declared before it was). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Single-use e-mail verification token (hash only). */
@Entity('email_verification')
export class EmailVerificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
