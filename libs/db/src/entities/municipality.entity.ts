import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** INEGI municipality, loaded from the CONAPO 2020 catalogue by the first migration. */
@Entity('municipality')
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'char', length: 5 })
  cvegeo: string;

  @Index()
  @Column({ type: 'char', length: 2 })
  cveEnt: string;

  @Column({ type: 'text' })
  nomEnt: string;

  @Column({ type: 'text' })
  nomMun: string;

  @Column({ type: 'integer' })
  population: number;

  @Column({ type: 'text' })
  marginalisation: string;
}
