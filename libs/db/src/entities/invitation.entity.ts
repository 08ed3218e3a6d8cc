import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One secret link per (round, institution). Only the token's sha256 is stored. Revoking keeps the row
 * and adds a new one, so (round, institution) is unique among active (not revoked) invitations.
 */
@Entity('invitation')
@Index('invitation_active_round_institution', ['roundId', 'institutionId'], { unique: true, where: 'revoked_at IS NULL' })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  institutionId: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastRemindedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  reminderCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A mail outbox event that was handled (sent, or skipped because it no longer applied). Written in the
 * same transaction as the invitation's sent_at/last_reminded_at, so a redelivered job sends nothing twice.
 */
@Entity('mail_delivery')
export class MailDeliveryEntity {
  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: 'sent' | 'skipped';

  @CreateDateColumn({ type: 'timestamptz' })
  deliveredAt: Date;
}
