import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CATALOGUE_SOURCE } from '@apertura/geo';
import { notFound } from '../common/domain-error';
import { CatalogueRepository } from './catalogue.repository';
import { MunicipalitiesDto, MunicipalityDto, StateDto, StatesDto } from './dto/catalogue.dto';
import type { CatalogueIndex } from '@apertura/geo';

interface Catalogue {
  municipalities: MunicipalityDto[];
  states: StateDto[];
  index: CatalogueIndex;
}

/**
 * The CONAPO 2020 municipal catalogue, read once from the `municipality` table (seeded by the initial
 * migration and never changed at run time), for validation and the public catalogue endpoints.
 */
@Injectable()
export class CatalogueService {
  private loading?: Promise<Catalogue>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CatalogueRepository,
  ) {}

  async index(): Promise<CatalogueIndex> {
    return (await this.catalogue()).index;
  }

  async states(): Promise<StatesDto> {
    return { source: CATALOGUE_SOURCE, items: (await this.catalogue()).states };
  }

  async municipalities(cveEnt?: string): Promise<MunicipalitiesDto> {
    const c = await this.catalogue();
    if (cveEnt !== undefined && !c.index.states.has(cveEnt)) throw notFound(`entidad ${cveEnt}`, 'cveEnt');
    const items = cveEnt === undefined ? c.municipalities : c.municipalities.filter((m) => m.cveEnt === cveEnt);
    return { source: CATALOGUE_SOURCE, items };
  }

  private catalogue(): Promise<Catalogue> {
    this.loading ??= this.load().catch((err: unknown) => {
      // A failed read (database briefly down) must not be cached: the next request tries again.
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  private async load(): Promise<Catalogue> {
    const municipalities: MunicipalityDto[] = (await this.repo.municipalities(this.ds)).map((r) => ({
      cvegeo: r.cvegeo,
      cveEnt: r.cveEnt,
      name: r.name,
      stateName: r.stateName,
      population: r.population,
      marginalisation: r.marginalisation,
    }));
    const byState = new Map<string, StateDto>();
    for (const m of municipalities) {
      const s = byState.get(m.cveEnt) ?? { cveEnt: m.cveEnt, name: m.stateName, municipalities: 0, population: 0 };
      s.municipalities++;
      s.population += m.population;
      byState.set(m.cveEnt, s);
    }
    return {
      municipalities,
      states: [...byState.values()],
      index: {
        states: new Set(byState.keys()),
        municipalities: new Map(municipalities.map((m) => [m.cvegeo, m.cveEnt])),
      },
    };
  }
}
