/**
 * The SQL baseline of the full-recompute benchmark: what PostgreSQL itself needs to compute the
 * round's core numbers from the same tables the worker reads, in ONE set-based statement.
 *
 * Setup (timed separately, not part of the baseline time): the item → component / weight /
 * verifiable / score-map table of every questionnaire version the round uses, derived with
 * libs/questionnaire's extractScoredItems exactly as the worker derives it, and the sub-index
 * weights of the round's method settings (METHOD.md §3.4 defaults unless the round overrides them).
 *
 * The statement (METHOD.md §3–§5): scores every answer with jsonb_each over response.submitted and
 * citizen_report.data, applies verdict counts (s' = s·c/(c+r)), weighted component means, citizen
 * components with validators as clusters, renormalised sub-indices, I_G = (TG+PG)/2 and
 * I = (T+P)/2, the clustered-linearisation SE of I, and per municipality the unweighted means of
 * I_G and I with SE² = (1 − n/N)·s²/n + ΣSE_j²/n² (unknown SE_j imputed as the worker does). It
 * writes component rows, indicator rows and municipal rows into a logged table, as the worker writes
 * its results.
 */
import type { ClientBase } from 'pg';
import { resolveSettings } from '@apertura/metric';
import { extractScoredItems } from '@apertura/questionnaire';

export const BASELINE_TABLE = 'bench_baseline_result';

/** Creates the mapping tables and the result table; returns the seconds it took. */
export async function setupBaseline(client: ClientBase, roundId: string): Promise<number> {
  const started = process.hrtime.bigint();
  const [round] = (await client.query<{ settings: unknown }>('SELECT settings FROM round WHERE id = $1', [roundId])).rows;
  const resolved = resolveSettings(round.settings ?? {});
  if (!resolved.ok) throw new Error('round settings do not resolve');
  const questionnaires = (
    await client.query<{ id: string; definition: unknown }>(
      `SELECT id, definition FROM questionnaire WHERE id IN (
         SELECT institution_questionnaire_id FROM round WHERE id = $1 UNION SELECT citizen_questionnaire_id FROM round WHERE id = $1
         UNION SELECT questionnaire_id FROM response WHERE round_id = $1 UNION SELECT questionnaire_id FROM citizen_report WHERE round_id = $1)`,
      [roundId],
    )
  ).rows;
  await client.query(`DROP TABLE IF EXISTS bench_items, bench_weights, ${BASELINE_TABLE}`);
  await client.query(
    `CREATE TABLE bench_items (questionnaire_id uuid NOT NULL, name text NOT NULL, component text NOT NULL, weight float8 NOT NULL,
       verifiable boolean NOT NULL, kind text NOT NULL, scores jsonb, rmin float8, rmax float8, PRIMARY KEY (questionnaire_id, name))`,
  );
  for (const q of questionnaires) {
    const items = extractScoredItems(q.definition);
    await client.query(
      `INSERT INTO bench_items SELECT $1::uuid, u.name, u.component, u.weight, u.verifiable, u.kind, u.scores, u.rmin, u.rmax
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::boolean[], $6::text[], $7::jsonb[], $8::float8[], $9::float8[])
         AS u(name, component, weight, verifiable, kind, scores, rmin, rmax)`,
      [
        q.id,
        items.map((i) => i.name),
        items.map((i) => i.component),
        items.map((i) => i.weight),
        items.map((i) => i.verifiable),
        items.map((i) => i.scoring.kind),
        items.map((i) => (i.scoring.kind === 'choices' || i.scoring.kind === 'multi' ? JSON.stringify(i.scoring.scores) : null)),
        items.map((i) => (i.scoring.kind === 'range' ? i.scoring.min : null)),
        items.map((i) => (i.scoring.kind === 'range' ? i.scoring.max : null)),
      ],
    );
  }
  await client.query('CREATE TABLE bench_weights (sub text NOT NULL, component text PRIMARY KEY, weight float8 NOT NULL)');
  for (const [sub, map] of Object.entries(resolved.settings.weights)) {
    for (const [suffix, weight] of Object.entries(map)) {
      if (weight > 0) await client.query('INSERT INTO bench_weights VALUES ($1, $2, $3)', [sub, `${sub}.${suffix}`, weight]);
    }
  }
  await client.query(
    `CREATE TABLE ${BASELINE_TABLE} (scope text NOT NULL, scope_key text NOT NULL, indicator text NOT NULL, estimate float8, se float8, n int, population_size int)`,
  );
  await client.query('ANALYZE bench_items, bench_weights');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Score of one answer (METHOD.md §2), the SQL twin of libs/metric scoreItem. `it` = bench_items row,
 * `e.value` = the answer. Clipping to [0,1] uses CASE, not greatest/least (which ignore NULLs and
 * would turn "no score" into 1). Choice scores need no clip: extractScoredItems refuses scores
 * outside [0,1].
 */
const SCORE = `
  CASE
    WHEN e.value IS NULL OR jsonb_typeof(e.value) = 'null' OR e.value = '""'::jsonb THEN NULL
    WHEN it.kind = 'boolean' THEN CASE WHEN jsonb_typeof(e.value) = 'boolean' THEN CASE WHEN e.value = 'true'::jsonb THEN 1.0::float8 ELSE 0.0::float8 END END
    WHEN it.kind = 'range' THEN CASE WHEN jsonb_typeof(e.value) = 'number' THEN
      CASE WHEN ((e.value)::float8 - it.rmin) / (it.rmax - it.rmin) < 0 THEN 0.0::float8
           WHEN ((e.value)::float8 - it.rmin) / (it.rmax - it.rmin) > 1 THEN 1.0::float8
           ELSE ((e.value)::float8 - it.rmin) / (it.rmax - it.rmin) END END
    WHEN it.kind = 'choices' THEN CASE WHEN jsonb_typeof(e.value) IN ('string', 'number', 'boolean') THEN (it.scores ->> (e.value #>> '{}'))::float8 END
    WHEN it.kind = 'multi' THEN CASE WHEN jsonb_typeof(e.value) = 'array' THEN (
      SELECT CASE WHEN t.x < 0 THEN 0.0::float8 WHEN t.x > 1 THEN 1.0::float8 ELSE t.x END
      FROM (SELECT sum((it.scores ->> (x.value #>> '{}'))::float8) AS x FROM jsonb_array_elements(e.value) AS x(value)) t) END
  END`;

/**
 * The one statement. $1 = round id. Writes into BASELINE_TABLE:
 *  - scope 'component':    per institution and component (TG and PG components validated, TC and PC citizen means)
 *  - scope 'institution':  TG, PG, TC, PC, I_G and I (I with its clustered SE and validator count n)
 *  - scope 'municipality': unweighted means of I_G and I over the subjects with a value, n, N and SE
 */
export const BASELINE_SQL = `
INSERT INTO ${BASELINE_TABLE} (scope, scope_key, indicator, estimate, se, n, population_size)
WITH
universe AS (
  SELECT i.id AS institution_id, i.cvegeo FROM round_institution ri JOIN institution i ON i.id = ri.institution_id WHERE ri.round_id = $1
),
self_scores AS (
  SELECT r.institution_id, it.name, it.component, it.weight, it.verifiable, ${SCORE} AS s
  FROM response r
  JOIN universe u ON u.institution_id = r.institution_id
  CROSS JOIN LATERAL jsonb_each(r.submitted) AS e(key, value)
  JOIN bench_items it ON it.questionnaire_id = r.questionnaire_id AND it.name = e.key
  WHERE r.round_id = $1 AND r.status = 'submitted' AND r.submitted IS NOT NULL AND (it.component LIKE 'TG.%' OR it.component LIKE 'PG.%')
),
verdict_counts AS (
  SELECT institution_id, question_name,
         count(*) FILTER (WHERE verdict = 'confirmed')::float8 AS c, count(*) FILTER (WHERE verdict = 'refuted')::float8 AS r
  FROM verdict WHERE round_id = $1 GROUP BY institution_id, question_name
),
gov_components AS (
  SELECT a.institution_id, a.component,
         sum(a.weight * CASE WHEN a.verifiable AND v.c + v.r > 0 THEN a.s * (v.c / (v.c + v.r)) ELSE a.s END) / sum(a.weight) AS value
  FROM self_scores a LEFT JOIN verdict_counts v ON v.institution_id = a.institution_id AND v.question_name = a.name
  WHERE a.s IS NOT NULL
  GROUP BY a.institution_id, a.component
),
report_components AS (
  SELECT cr.institution_id, cr.validator_id, cr.id AS report_id, it.component, sum(it.weight * sc.s) / sum(it.weight) AS value
  FROM citizen_report cr
  JOIN universe u ON u.institution_id = cr.institution_id
  CROSS JOIN LATERAL jsonb_each(cr.data) AS e(key, value)
  JOIN bench_items it ON it.questionnaire_id = cr.questionnaire_id AND it.name = e.key
  CROSS JOIN LATERAL (SELECT ${SCORE} AS s) sc
  WHERE cr.round_id = $1 AND sc.s IS NOT NULL AND (it.component LIKE 'TC.%' OR it.component LIKE 'PC.%')
  GROUP BY cr.institution_id, cr.validator_id, cr.id, it.component
),
validator_values AS (   -- clusters: one value per validator and component
  SELECT institution_id, validator_id, component, avg(value) AS value FROM report_components GROUP BY institution_id, validator_id, component
),
citizen_components AS (
  SELECT institution_id, component, avg(value) AS value, count(*) AS n FROM validator_values GROUP BY institution_id, component
),
components AS (
  SELECT institution_id, component, value FROM gov_components
  UNION ALL
  SELECT institution_id, component, value FROM citizen_components
),
sub_indices AS (   -- renormalised over the components present
  SELECT c.institution_id, w.sub, sum(w.weight * c.value) / sum(w.weight) AS value
  FROM components c JOIN bench_weights w ON w.component = c.component
  GROUP BY c.institution_id, w.sub
),
per_institution AS (
  SELECT institution_id,
         max(value) FILTER (WHERE sub = 'TG') AS tg, max(value) FILTER (WHERE sub = 'PG') AS pg,
         max(value) FILTER (WHERE sub = 'TC') AS tc, max(value) FILTER (WHERE sub = 'PC') AS pc
  FROM sub_indices GROUP BY institution_id
),
coefficients AS (   -- d I / d C_k for citizen components: 1/4 of the renormalised sub-index weight
  SELECT c.institution_id, c.component, c.value AS mean, c.n,
         0.25 * w.weight / sum(w.weight) OVER (PARTITION BY c.institution_id, w.sub) AS a
  FROM citizen_components c JOIN bench_weights w ON w.component = c.component
),
influence AS (
  SELECT v.institution_id, v.validator_id, sum(k.a * (v.value - k.mean) / k.n) AS z
  FROM validator_values v JOIN coefficients k ON k.institution_id = v.institution_id AND k.component = v.component
  GROUP BY v.institution_id, v.validator_id
),
i_variance AS (
  SELECT institution_id, count(*)::int AS n, CASE WHEN count(*) >= 2 THEN count(*)::float8 / (count(*) - 1) * sum(z * z) END AS variance
  FROM influence GROUP BY institution_id
),
indicators AS (
  SELECT p.institution_id, 'I_G' AS indicator, (p.tg + p.pg) / 2 AS estimate, 0.0::float8 AS se, NULL::int AS n
  FROM per_institution p WHERE p.tg IS NOT NULL AND p.pg IS NOT NULL
  UNION ALL
  SELECT p.institution_id, 'I', ((p.tg + p.tc) / 2 + (p.pg + p.pc) / 2) / 2, sqrt(v.variance), v.n
  FROM per_institution p JOIN i_variance v ON v.institution_id = p.institution_id
  WHERE p.tg IS NOT NULL AND p.pg IS NOT NULL AND p.tc IS NOT NULL AND p.pc IS NOT NULL
),
municipal_universe AS (
  SELECT cvegeo, count(*)::int AS big_n FROM universe GROUP BY cvegeo
),
municipal AS (
  SELECT u.cvegeo, x.indicator, count(*)::int AS n, avg(x.estimate) AS estimate, var_samp(x.estimate) AS s2,
         sum(x.se * x.se) FILTER (WHERE x.se IS NOT NULL) AS known_within,
         avg(x.se * x.se * x.n) FILTER (WHERE x.se IS NOT NULL AND x.n >= 2) AS pooled_unit_variance,
         sum(1.0 / greatest(coalesce(x.n, 1), 1)) FILTER (WHERE x.se IS NULL) AS imputed_inverse_n
  FROM indicators x JOIN universe u ON u.institution_id = x.institution_id
  GROUP BY u.cvegeo, x.indicator
)
SELECT 'component', institution_id::text, component, value, NULL::float8, NULL::int, NULL::int FROM components
UNION ALL
SELECT 'institution', institution_id::text, sub, value, NULL, NULL, NULL FROM sub_indices
UNION ALL
SELECT 'institution', institution_id::text, indicator, estimate, se, n, NULL FROM indicators
UNION ALL
SELECT 'municipality', m.cvegeo, m.indicator, m.estimate,
       sqrt(CASE WHEN m.n = mu.big_n THEN 0 ELSE (1 - m.n::float8 / mu.big_n) * m.s2 / m.n END
            + (coalesce(m.known_within, 0) + coalesce(m.pooled_unit_variance, 0.25) * coalesce(m.imputed_inverse_n, 0)) / (m.n::float8 * m.n)),
       m.n, mu.big_n
FROM municipal m JOIN municipal_universe mu ON mu.cvegeo = m.cvegeo
`;

/** Runs the statement (after emptying the result table, untimed); returns seconds and rows written. */
export async function runBaseline(client: ClientBase, roundId: string): Promise<{ seconds: number; rows: number }> {
  await client.query(`TRUNCATE ${BASELINE_TABLE}`);
  const started = process.hrtime.bigint();
  const r = await client.query(BASELINE_SQL, [roundId]);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows: r.rowCount ?? 0 };
}
