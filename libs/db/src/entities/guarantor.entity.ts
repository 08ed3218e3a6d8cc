import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A guarantor body for access to information (INAI, INFOEM, …) that runs diagnostic rounds. */
@Entity('guarantor')
export class GuarantorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  /** State code for state bodies (e.g. '15' for INFOEM); null for the national body. */
  @Column({ type: 'char', length: 2, nullable: true })
  cveEnt: string | null;

  /** The demo's guarantor (generated data): never counted as a configured installation. */
  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
