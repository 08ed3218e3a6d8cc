import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { JsonObject } from './json';

export const ROUND_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** Which obliged subjects of the guarantor's universe a round covers. Empty arrays mean "all". */
export interface UniverseSelection {
  cveEnt?: string[];
  cvegeo?: string[];
  levels?: string[];
  types?: string[];
  institutionIds?: string[];
}

/**
 * METHOD.md §4 design of a round. `sample`: every state of the universe declares N_pop (obliged
 * subjects in the population); municipalities may declare theirs.
 */
export type RoundDesignDocument =
  | { kind: 'census' }
  | {
      kind: 'sample';
      states: Array<{ cveEnt: string; population: number }>;
      municipalities?: Array<{ cvegeo: string; population: number }>;
    };

@Entity('round')
export class RoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  guarantorId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: RoundStatus;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'uuid' })
  institutionQuestionnaireId: string;

  @Column({ type: 'uuid' })
  citizenQuestionnaireId: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  universeSelection: UniverseSelection & JsonObject;

  /** Method settings (weights, thresholds) merged over METHOD.md defaults. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  settings: JsonObject;

  /** Citizens can be assigned institutions of this round. */
  @Column({ type: 'boolean', default: false })
  validationOpen: boolean;

  /** METHOD.md §4: census (default) or sample with the population counts of its strata. */
  @Column({ type: 'jsonb', default: () => `'{"kind":"census"}'::jsonb` })
  design: RoundDesignDocument & JsonObject;

  /** METHOD.md §3.1: days an institution has to dispute a refutation, from its notification. */
  @Column({ type: 'integer', default: 10 })
  replyWindowDays: number;

  /** Conflicts of interest a validator may declare among this round's institutions (no steering). */
  @Column({ type: 'integer', default: 5 })
  maxConflicts: number;

  /** Most versions one institution may submit in this round (every version is kept and audited); then 409 VERSION_LIMIT_REACHED. */
  @Column({ type: 'integer', default: 50 })
  maxVersionsPerResponse: number;

  /** Scheduled reminders (issue #15): the worker mails institutions that have not submitted. */
  @Column({ type: 'boolean', default: false })
  remindersEnabled: boolean;

  /** Days at least between the invitation or a reminder and the next scheduled reminder. */
  @Column({ type: 'integer', default: 7 })
  reminderMinDays: number;

  /** Most reminders one institution receives in the round (manual ones count too). */
  @Column({ type: 'integer', default: 3 })
  reminderMaxCount: number;
  /** Co-signers whose current approval is needed to publish (issue #18); 0 = no co-signing. */
  @Column({ type: 'integer', default: 0 })
  cosignQuorum: number;

  /** Secret of the round's validator pseudonyms in staff microdata (never sent to clients; see the migration). */
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()', select: false })
  pseudonymSalt: string;

  /** Marks generated demo data so every page can label it as synthetic. */
  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The full rebuild a publication waits for: the worker publishes when this run is done (issue #13). */
  @Column({ type: 'uuid', nullable: true })
  publishRunId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Membership of an institution in a round's universe, frozen when the round opens. */
@Entity('round_institution')
export class RoundInstitutionEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index()
  institutionId: string;
}
