import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const LEVELS = ['federal', 'estatal', 'municipal', 'autonomo'] as const;
export type Level = (typeof LEVELS)[number];

/** An obliged subject ("sujeto obligado") of a guarantor's universe. */
@Entity('institution')
@Index(['guarantorId', 'key'], { unique: true })
export class InstitutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  guarantorId: string;

  /** Stable key for idempotent re-import: the CSV's `key` column, or a slug of name + cvegeo. */
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Institution type (ayuntamiento, secretaría, organismo autónomo, …), free text normalised to lower case. */
  @Index()
  @Column({ type: 'varchar', length: 100 })
  type: string;

  @Column({ type: 'varchar', length: 32 })
  level: Level;

  @Index()
  @Column({ type: 'char', length: 2 })
  cveEnt: string;

  @Index()
  @Column({ type: 'char', length: 5 })
  cvegeo: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Retired from the padrón: kept for the rounds that included it, left out of new ones. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
