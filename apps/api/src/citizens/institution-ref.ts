import type { InstitutionRefDto } from './dto/common.dto';

/** Columns to select (alias `i` = institution, `mu` = municipality) for `toInstitutionRef`. */
export const INSTITUTION_REF_COLUMNS = `i.id AS institution_id, i.name AS institution_name, i.type AS institution_type,
  i.level AS institution_level, i.cvegeo AS institution_cvegeo, i.cve_ent AS institution_cve_ent,
  mu.nom_mun AS municipality_name, mu.nom_ent AS state_name`;

export const INSTITUTION_REF_JOIN = 'JOIN municipality mu ON mu.cvegeo = i.cvegeo';

export interface InstitutionRefRow {
  institution_id: string;
  institution_name: string;
  institution_type: string;
  institution_level: string;
  institution_cvegeo: string;
  institution_cve_ent: string;
  municipality_name: string;
  state_name: string;
}

export const toInstitutionRef = (r: InstitutionRefRow): InstitutionRefDto => ({
  id: r.institution_id,
  name: r.institution_name,
  type: r.institution_type,
  level: r.institution_level,
  municipality: { cvegeo: r.institution_cvegeo, name: r.municipality_name },
  state: { cveEnt: r.institution_cve_ent, name: r.state_name },
});
