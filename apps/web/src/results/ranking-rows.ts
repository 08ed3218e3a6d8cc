/**
 * Pure pieces of the ranking pages (unit-tested): the institutions' query from the filters, and where
 * an area row leads and which list it belongs to.
 */
import type { AreaItem, AreaScope, RankingGroup } from './api';

/** The institution ranking's filters as chosen in the page; '' is "all". */
export interface InstitutionFilters {
  level: string;
  type: string;
  cveEnt: string;
  status: string;
  indicator: string;
}

/** The query of both institution lists: an empty filter is left out, not sent as ''. */
export function institutionQuery(filters: InstitutionFilters, pageSize: number) {
  return {
    pageSize,
    indicator: filters.indicator,
    level: filters.level || undefined,
    type: filters.type || undefined,
    cveEnt: filters.cveEnt || undefined,
    status: filters.status || undefined,
  };
}

/** Where an area row leads: a state to its own page, a municipality to its state's page. */
export function areaHref(
  roundId: string,
  scope: Extract<AreaScope, 'municipality' | 'state'>,
  a: Pick<AreaItem, 'scopeKey' | 'cveEnt'>,
): string | undefined {
  if (scope === 'state') return `/resultados/${roundId}/estados/${a.scopeKey}`;
  return a.cveEnt ? `/resultados/${roundId}/estados/${a.cveEnt}` : undefined;
}

/**
 * The list an area row belongs to: the API's group when the indicator is ranked. Government-perspective
 * indicators are never ranked; their not_validated aggregates rest on unverified self-reports.
 */
export function areaGroup(
  rankable: boolean,
  a: Pick<AreaItem, 'group'> & { value: Pick<AreaItem['value'], 'status'> },
): RankingGroup {
  if (rankable) return a.group;
  return a.value.status === 'not_validated' ? 'unverified_self_report' : 'insufficient_data';
}
