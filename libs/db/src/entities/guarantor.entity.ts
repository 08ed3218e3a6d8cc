import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Kinds of body that operate rounds (issue #18): shown on public pages, never assumed. */
export const OPERATOR_KINDS = [
  'guarantor_body',
  'transparency_authority',
  'comptroller',
  'civil_society',
  'academia',
] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

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

  /** What kind of body this operator is (guarantor body, transparency authority, comptroller, civil society, academia). */
  @Column({ type: 'varchar', length: 32, default: 'guarantor_body' })
  kind: OperatorKind;

  /** The demo's guarantor (generated data): never counted as a configured installation. */
  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
