import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DISPUTE_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * An institution's reply to one notification of a refutation (METHOD.md §3.1), and the guarantor's
 * decision. `upheld` keeps the refutation (it counts); `overturned` drops it. A refutation edited by
 * its validator is notified again, and the institution may reply to that new notification.
 */
@Entity('verdict_dispute')
@Index('verdict_dispute_once', ['verdictId', 'notifiedAt'], { unique: true })
@Index('verdict_dispute_round_status', ['roundId', 'status'])
export class VerdictDisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  verdictId: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  institutionId: string;

  /** The notification this dispute answers (verdict.notified_at when it was filed). */
  @Column({ type: 'timestamptz' })
  notifiedAt: Date;

  @Column({ type: 'varchar', length: 4000 })
  text: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'uuid', nullable: true })
  evidenceFileId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: DisputeStatus;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  decisionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
