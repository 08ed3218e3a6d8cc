import { Injectable } from '@nestjs/common';
import { queryRows, type Queryable } from '../common/persistence';
import type { MunicipalityRow } from './universe.rows';

export interface MunicipalityRecord {
  cvegeo: string;
  cveEnt: string;
  stateName: string;
  name: string;
  population: number;
  marginalisation: string;
}

/** The CONAPO 2020 municipal catalogue (the `municipality` table, seeded by the initial migration). */
@Injectable()
export class CatalogueRepository {
  /** Every municipality, in cvegeo order. */
  async municipalities(q: Queryable): Promise<MunicipalityRecord[]> {
    const rows = await queryRows<MunicipalityRow>(
      q,
      'SELECT cvegeo, cve_ent, nom_ent, nom_mun, population, marginalisation FROM municipality ORDER BY cvegeo',
    );
    return rows.map((r) => ({
      cvegeo: r.cvegeo,
      cveEnt: r.cve_ent,
      stateName: r.nom_ent,
      name: r.nom_mun,
      population: r.population,
      marginalisation: r.marginalisation,
    }));
  }
}
