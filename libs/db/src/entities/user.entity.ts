import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['guarantor_admin', 'analyst', 'institution_respondent', 'citizen_validator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An account. Guarantor admins and analysts belong to a guarantor; citizen validators do not.
 * Institutions answer through invitation tokens, not accounts (see InvitationEntity).
 */
@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; null once the person asked to be deleted (pseudonymised). */
  @Index({ unique: true, where: 'email IS NOT NULL' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  guarantorId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** No longer read: failed sign-ins are counted per (account, client) in login_failure (migration 1765000100000). */
  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  /** No longer read (see failedLogins). */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Last password change (reset): sessions issued before it are refused. */
  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** Switched off by a guarantor admin (staff only): no sign-in, open sessions refused; reversible. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Pseudonymised on a deletion request: personal fields nulled, verdicts kept. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
