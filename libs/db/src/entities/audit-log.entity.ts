import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

/** Append-only record of who changed what. UPDATE/DELETE are refused by a trigger (migration). */
@Entity('audit_log')
@Index(['entityType', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** User id, or null for institution (invitation) and system actions. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** Role or 'institution' / 'system'. */
  @Column({ type: 'varchar', length: 32 })
  actorRole: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  guarantorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entityType: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details: JsonObject;
}
