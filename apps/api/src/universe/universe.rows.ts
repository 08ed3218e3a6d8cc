/**
 * Rows the universe and catalogue repositories read with SQL, as PostgreSQL answers them
 * (snake_case). They never leave the repositories: each maps them to camelCase records.
 */

export interface InstitutionRow {
  id: string;
  key: string;
  name: string;
  type: string;
  level: string;
  cve_ent: string;
  cvegeo: string;
  email: string;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
  nom_mun: string;
  nom_ent: string;
}

export interface RetiredAtRow {
  retired_at: Date | null;
}

export interface StateCountRow {
  cve_ent: string;
  name: string;
  count: number;
}

export interface LevelCountRow {
  level: string;
  count: number;
}

export interface TypeCountRow {
  type: string;
  count: number;
}

export interface UniverseTotalsRow {
  total: number;
  retired: number;
  municipalities: number;
}

export interface MunicipalityRow {
  cvegeo: string;
  cve_ent: string;
  nom_ent: string;
  nom_mun: string;
  population: number;
  marginalisation: string;
}
