import { METHOD_ID, METHOD_VERSION } from '@apertura/metric';
import { AGGREGATION_ORDER, ExportDataset, ExportFormat, fileColumns, INDICATOR_ORDER } from './export-columns';

/**
 * One SELECT per dataset, read through a server-side cursor. Only result tables and the public
 * catalogue are read: no join to app_user, validator_profile, verdicts or reports exists here, so a
 * validator's personal data cannot reach a file. Column aliases are the export column names.
 *
 * Parameters: $1 round id, $2 indicator order (text[]), $3 aggregation order (text[]); institutions
 * also $4 method id, $5 method version.
 */
const PROVENANCE = `mr.round_id, r.synthetic, mr.method_id, mr.method_version, mr.watermark, mr.computed_at`;
// details is plain json read whole elsewhere; only its reason codes leave the database here.
const VALUE = `mr.aggregation, mr.indicator, mr.formula, mr.estimate, mr.se, mr.lo, mr.hi, mr.cv, mr.n,
  mr.population_size AS "N_universe", mr.status, mr.details -> 'reasons' AS reason_codes, mr.details -> 'missing' AS missing_codes,
  mr.validated_share, mr.needed, mr.needed_subjects, mr.needed_reports`;
const VALUE_ORDER = `array_position($3::text[], mr.aggregation::text), mr.aggregation,
  array_position($2::text[], mr.indicator::text), mr.indicator`;

const SQL: Readonly<Record<ExportDataset, string>> = {
  // Every institution of the round's universe, whether or not the worker has written its rows yet
  // (issue #13 item 7): one without any row is listed once, with status `no_response` (nothing
  // submitted) or `not_computed` (its rows are not written yet), so the file does not depend on
  // whether a rebuild already ran. $4, $5: method id and version the status is defined by.
  institutions: `SELECT * FROM (
    SELECT ${PROVENANCE},
      mr.scope_key AS institution_id, i.key AS institution_key, i.name AS institution_name, i.type AS institution_type,
      i.level AS institution_level, i.cvegeo, m.nom_mun AS municipality_name, i.cve_ent, m.nom_ent AS state_name,
      ${VALUE}
    FROM metric_result mr
    JOIN round r ON r.id = mr.round_id
    LEFT JOIN institution i ON i.id::text = mr.scope_key
    LEFT JOIN municipality m ON m.cvegeo = i.cvegeo
    WHERE mr.round_id = $1 AND mr.scope = 'institution'
    UNION ALL
    SELECT r.id, r.synthetic, $4::varchar, $5::varchar, 0::bigint, now(),
      i.id::text, i.key, i.name, i.type, i.level, i.cvegeo, m.nom_mun, i.cve_ent, m.nom_ent,
      'unweighted', 'I', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL,
      CASE WHEN EXISTS (SELECT 1 FROM response s WHERE s.round_id = r.id AND s.institution_id = i.id AND s.status = 'submitted')
           THEN 'not_computed' ELSE 'no_response' END,
      NULL::json, NULL::json, NULL::float8, NULL::int, NULL::int, NULL::int
    FROM round_institution ri
    JOIN round r ON r.id = ri.round_id
    JOIN institution i ON i.id = ri.institution_id
    LEFT JOIN municipality m ON m.cvegeo = i.cvegeo
    WHERE ri.round_id = $1
      AND NOT EXISTS (SELECT 1 FROM metric_result x WHERE x.round_id = ri.round_id AND x.scope = 'institution' AND x.scope_key = i.id::text)
  ) e
  ORDER BY e.cvegeo, e.institution_name, e.institution_id, array_position($3::text[], e.aggregation::text), e.aggregation,
    array_position($2::text[], e.indicator::text), e.indicator`,
  municipalities: `SELECT ${PROVENANCE},
      mr.scope_key AS cvegeo, m.nom_mun AS municipality_name, m.cve_ent, m.nom_ent AS state_name,
      ${VALUE}
    FROM metric_result mr
    JOIN round r ON r.id = mr.round_id
    LEFT JOIN municipality m ON m.cvegeo = mr.scope_key
    WHERE mr.round_id = $1 AND mr.scope = 'municipality'
    ORDER BY mr.scope_key, ${VALUE_ORDER}`,
  states: `SELECT ${PROVENANCE},
      mr.scope_key AS cve_ent, s.nom_ent AS state_name,
      ${VALUE}
    FROM metric_result mr
    JOIN round r ON r.id = mr.round_id
    LEFT JOIN (SELECT DISTINCT cve_ent, nom_ent FROM municipality) s ON s.cve_ent = mr.scope_key
    WHERE mr.round_id = $1 AND mr.scope = 'state'
    ORDER BY mr.scope_key, ${VALUE_ORDER}`,
  // A one-state round is that state, never "nacional" (METHOD.md §9: scope-aware titles).
  national: `WITH u AS (
      SELECT count(DISTINCT i.cve_ent)::int AS states, min(i.cve_ent) AS only_state
      FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
      WHERE ri.round_id = $1)
    SELECT ${PROVENANCE},
      CASE WHEN u.states = 1 THEN coalesce((SELECT m.nom_ent FROM municipality m WHERE m.cve_ent = u.only_state LIMIT 1), 'Nacional') ELSE 'Nacional' END AS area_name,
      u.states AS states_in_universe,
      ${VALUE}
    FROM metric_result mr
    JOIN round r ON r.id = mr.round_id
    CROSS JOIN u
    WHERE mr.round_id = $1 AND mr.scope = 'national'
    ORDER BY mr.scope_key, ${VALUE_ORDER}`,
  levels: `SELECT ${PROVENANCE},
      mr.scope_key AS institution_level, coalesce(lv.name, mr.scope_key) AS level_name,
      ${VALUE}
    FROM metric_result mr
    JOIN round r ON r.id = mr.round_id
    LEFT JOIN (VALUES (1, 'federal', 'Federal'), (2, 'estatal', 'Estatal'), (3, 'municipal', 'Municipal'), (4, 'autonomo', 'Autónomo')) lv(pos, code, name)
      ON lv.code = mr.scope_key
    WHERE mr.round_id = $1 AND mr.scope = 'level'
    ORDER BY lv.pos NULLS LAST, mr.scope_key, ${VALUE_ORDER}`,
  types: `SELECT ${PROVENANCE},
      mr.scope_key AS institution_type,
      ${VALUE}
    FROM metric_result mr
    JOIN round r ON r.id = mr.round_id
    WHERE mr.round_id = $1 AND mr.scope = 'type'
    ORDER BY mr.scope_key, ${VALUE_ORDER}`,
};

export function exportQuery(
  dataset: ExportDataset,
  format: ExportFormat,
  roundId: string,
): { text: string; values: unknown[]; columns: readonly string[] } {
  const values: unknown[] = [roundId, [...INDICATOR_ORDER], [...AGGREGATION_ORDER]];
  if (dataset === 'institutions') values.push(METHOD_ID, METHOD_VERSION);
  return { text: SQL[dataset], values, columns: fileColumns(dataset, format) };
}

/** The methods the round's stored results were computed with (a round not yet rebuilt keeps apertura-1). */
export const STORED_METHODS_SQL = `SELECT DISTINCT method_id, method_version FROM metric_result WHERE round_id = $1 ORDER BY method_id, method_version`;
