import type { SelectQueryBuilder } from 'typeorm';
import type { InstitutionEntity, UniverseSelection } from '@apertura/db';

const unique = <T>(xs: readonly T[] | undefined): T[] | undefined =>
  xs && xs.length ? [...new Set(xs)].sort() : undefined;

/**
 * Canonical form of a selection as stored on the round: empty lists dropped (empty = no restriction),
 * duplicates removed, types lower-cased like the import does, lists sorted so equal selections are equal.
 */
export function normaliseSelection(sel: UniverseSelection | undefined): UniverseSelection {
  const out: UniverseSelection = {};
  const cveEnt = unique(sel?.cveEnt);
  const cvegeo = unique(sel?.cvegeo);
  const levels = unique(sel?.levels);
  const types = unique(
    sel?.types?.map((t) => t.replace(/\s+/g, ' ').trim().toLocaleLowerCase('es-MX')).filter(Boolean),
  );
  const institutionIds = unique(sel?.institutionIds?.map((id) => id.toLowerCase()));
  if (cveEnt) out.cveEnt = cveEnt;
  if (cvegeo) out.cvegeo = cvegeo;
  if (levels) out.levels = levels;
  if (types) out.types = types;
  if (institutionIds) out.institutionIds = institutionIds;
  return out;
}

/**
 * Narrows a query over institutions (alias `i`) to a selection. Geography is a union (states ∪
 * municipalities: "all of state 15 plus municipality 09002"); levels, types and explicit ids narrow it.
 * A selection describes a round still to open, so institutions retired from the padrón never match
 * (not even by explicit id); rounds already open keep their frozen round_institution rows.
 */
export function applySelection(
  qb: SelectQueryBuilder<InstitutionEntity>,
  sel: UniverseSelection,
): SelectQueryBuilder<InstitutionEntity> {
  qb.andWhere('i.retiredAt IS NULL');
  const geo: string[] = [];
  if (sel.cveEnt?.length) geo.push('i.cveEnt IN (:...selCveEnt)');
  if (sel.cvegeo?.length) geo.push('i.cvegeo IN (:...selCvegeo)');
  if (geo.length) qb.andWhere(`(${geo.join(' OR ')})`, { selCveEnt: sel.cveEnt, selCvegeo: sel.cvegeo });
  if (sel.levels?.length) qb.andWhere('i.level IN (:...selLevels)', { selLevels: sel.levels });
  if (sel.types?.length) qb.andWhere('i.type IN (:...selTypes)', { selTypes: sel.types });
  if (sel.institutionIds?.length) qb.andWhere('i.id = ANY(CAST(:selIds AS uuid[]))', { selIds: sel.institutionIds });
  return qb;
}
