import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';

/** One row of the CONAPO 2020 municipal catalogue. */
export interface Municipality {
  cveEnt: string;
  nomEnt: string;
  cvegeo: string;
  nomMun: string;
  population: number;
  marginalisation: string;
}

export const CATALOGUE_SOURCE =
  'CONAPO, Índice de marginación por municipio 2020 (población: INEGI, Censo de Población y Vivienda 2020). Datos abiertos del Gobierno de México.';

/** Absolute path of the shipped CSV, from the sources (libs/geo/src) or the build (dist/libs/geo/src). */
export function cataloguePath(): string {
  const candidates = [
    join(__dirname, '..', 'data', 'municipios.csv'),
    join(__dirname, '..', '..', '..', '..', 'libs', 'geo', 'data', 'municipios.csv'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`municipios.csv not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Parses the catalogue CSV (one municipality name has a quoted comma, so a real CSV parser is used). */
export function parseCatalogue(text: string): Municipality[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((r, i) => {
    if (!/^\d{5}$/.test(r.cvegeo ?? '') || !/^\d{2}$/.test(r.cve_ent ?? '')) {
      throw new Error(`Catalogue line ${i + 2}: bad cvegeo/cve_ent`);
    }
    return {
      cveEnt: r.cve_ent,
      nomEnt: r.nom_ent,
      cvegeo: r.cvegeo,
      nomMun: r.nom_mun,
      population: Number(r.pob_tot),
      marginalisation: r.grado_marginacion,
    };
  });
}

let cache: Municipality[] | undefined;

export function loadMunicipalities(): Municipality[] {
  cache ??= parseCatalogue(readFileSync(cataloguePath(), 'utf8'));
  return cache;
}
