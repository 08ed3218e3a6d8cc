import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

/**
 * Transactional outbox (DESIGN.md §Flow 3). Written in the same transaction as the change it
 * announces; a relay moves undispatched rows to Bull. If Redis is down rows simply wait here.
 * The id is also the input watermark recorded on metric results.
 */
@Entity('outbox_event')
@Index('outbox_undispatched', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'jsonb' })
  payload: JsonObject;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
