import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One secret link per (round, institution). Only the token's sha256 is stored. Revoking keeps the row
 * and adds a new one, so (round, institution) is unique among active (not revoked) invitations.
 */
@Entity('invitation')
@Index('invitation_active_round_institution', ['roundId', 'institutionId'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
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

  /** The address for this round when staff corrected it; null: the institution's own address. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Reminders queued (manual or scheduled), counted in the transaction that queues them. */
  @Column({ type: 'integer', default: 0 })
  remindersQueued: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastReminderQueuedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Where one mail stands: queued → sent | skipped (no longer applied) | failed (retrying) → given_up;
 * failed or given_up → resent (staff re-sent it: a new row, resentAs, carries the new attempt).
 */
export const MAIL_OUTCOMES = ['queued', 'sent', 'skipped', 'failed', 'given_up', 'resent'] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

/**
 * One mail outbox event and where it stands. A trigger on outbox_event creates it as 'queued' with its
 * guarantor, round, institution and recipient (migration 1765000300000). The worker claims it in the
 * transaction that sends, so a redelivered job finds it 'sent' and sends nothing twice; a failed attempt
 * is recorded with the server's reason outside that transaction, and the last one marks it 'given_up'.
 */
@Entity('mail_delivery')
export class MailDeliveryEntity {
  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: MailOutcome;

  @Column({ type: 'uuid', nullable: true })
  guarantorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  roundId: string | null;

  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  recipient: string | null;

  /** Attempts that reached the point of talking to the SMTP server (successful or not). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The SMTP server's answer (or the connection error) of the last failed attempt. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When the row was created, i.e. when the mail was queued (the name predates the states). */
  @CreateDateColumn({ type: 'timestamptz' })
  deliveredAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Outcome 'resent': the event of the re-sent message (migration 1765000530000). */
  @Column({ type: 'bigint', nullable: true })
  resentAs: string | null;

  /** This message re-sends that event's (staff's "re-send"). */
  @Column({ type: 'bigint', nullable: true })
  resentFrom: string | null;
}

/** A message caught by the development mail catcher (never in production; see usesMailCatcher). */
@Entity('mail_capture')
export class MailCaptureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index('mail_capture_received')
  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;

  /** The outbox event the message was sent for (X-Apertura-Event header), when it has one. */
  @Column({ type: 'bigint', nullable: true })
  eventId: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  mailFrom: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recipients: string[];

  @Column({ type: 'varchar', length: 1000, default: '' })
  subject: string;

  @Column({ type: 'text', default: '' })
  textBody: string;

  @Column({ type: 'text', default: '' })
  htmlBody: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  links: string[];
}

/** A guarantor's own invitation or reminder text in one language (libs/db/src/mail-template.ts). */
@Entity('mail_template')
export class MailTemplateEntity {
  @PrimaryColumn({ type: 'uuid' })
  guarantorId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  locale: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
