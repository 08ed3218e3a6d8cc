/**
 * The SQL baseline of the full-recompute benchmark: what PostgreSQL itself needs to compute the
 * round's core numbers under method apertura-2 from the same tables the worker reads, in ONE
 * set-based statement.
 *
 * Setup (timed separately, not part of the baseline time), per questionnaire version the round uses:
 * the item → component / weight / verifiable / score-map table of its scoring map
 * (compileScoring(scoringDefinitionFor(definition)).items, exactly what the worker scores with), its
 * gated failures unfolded into atoms and clauses (lib/baseline-gates.ts), and the sub-index weights of
 * the round's method settings (METHOD.md §3.4 defaults unless the round overrides them).
 *
 * The statement (METHOD.md §3–§5): scores every answer with jsonb_each over response.submitted and
 * citizen_report.data, adds each report's gated failures (§3.2), applies counted verdicts
 * (s' = s·c/(c+r), refutations counted once final, §3.1), weighted self-report components (raw and
 * validated), renormalised sub-indices, I_G, ΔG for verified institutions (§3.6); per report c_kj,
 * TC_j and PC_j (§3.3), cluster means per validator, C_k, TC, PC, T, P and I with the clustered
 * linearisation of I; the round's pooled per-validator variances and the small-n rule
 * s̃² = max(s², ((n − 1)·s² + s_p²)/n), SE = s̃/√n (§5); and per municipality the unweighted means of
 * I_G, I and ΔG with SE² = (1 − n/N)·s²/n + ΣSE_j²/n². It writes component rows, indicator rows and
 * municipal rows into a logged table, as the worker writes its results.
 */
import type { ClientBase } from 'pg';
import { VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db/verdict-standing';
import { resolveSettings } from '@apertura/metric';
import { deriveGates } from './baseline-gates';

export const BASELINE_TABLE = 'bench_baseline_result';

/** Creates the mapping tables and the result table; returns the seconds it took. */
export async function setupBaseline(client: ClientBase, roundId: string): Promise<number> {
  const started = process.hrtime.bigint();
  const [round] = (await client.query<{ settings: unknown }>('SELECT settings FROM round WHERE id = $1', [roundId]))
    .rows;
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
  await client.query(
    `DROP TABLE IF EXISTS bench_items, bench_gate_atoms, bench_gate_clauses, bench_weights, ${BASELINE_TABLE}`,
  );
  await client.query(
    `CREATE TABLE bench_items (questionnaire_id uuid NOT NULL, name text NOT NULL, component text NOT NULL, weight float8 NOT NULL,
       verifiable boolean NOT NULL, kind text NOT NULL, scores jsonb, rmin float8, rmax float8, PRIMARY KEY (questionnaire_id, name))`,
  );
  await client.query(
    `CREATE TABLE bench_gate_atoms (questionnaire_id uuid NOT NULL, bit int NOT NULL, question text NOT NULL, vals text[] NOT NULL,
       any_element boolean NOT NULL, PRIMARY KEY (questionnaire_id, bit))`,
  );
  await client.query(
    `CREATE TABLE bench_gate_clauses (questionnaire_id uuid NOT NULL, name text NOT NULL, score float8 NOT NULL, must bigint NOT NULL, must_not bigint NOT NULL)`,
  );
  for (const q of questionnaires) {
    const { items, atoms, clauses } = deriveGates(q.definition);
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
        items.map((i) =>
          i.scoring.kind === 'choices' || i.scoring.kind === 'multi' ? JSON.stringify(i.scoring.scores) : null,
        ),
        items.map((i) => (i.scoring.kind === 'range' ? i.scoring.min : null)),
        items.map((i) => (i.scoring.kind === 'range' ? i.scoring.max : null)),
      ],
    );
    for (const a of atoms) {
      await client.query('INSERT INTO bench_gate_atoms VALUES ($1, $2, $3, $4, $5)', [
        q.id,
        a.bit,
        a.question,
        a.values,
        a.anyElement,
      ]);
    }
    for (const c of clauses) {
      await client.query('INSERT INTO bench_gate_clauses VALUES ($1, $2, $3, $4, $5)', [
        q.id,
        c.name,
        c.score,
        c.must.toString(),
        c.mustNot.toString(),
      ]);
    }
  }
  await client.query(
    'CREATE TABLE bench_weights (sub text NOT NULL, component text PRIMARY KEY, weight float8 NOT NULL)',
  );
  for (const [sub, map] of Object.entries(resolved.settings.weights)) {
    for (const [suffix, weight] of Object.entries(map)) {
      if (weight > 0)
        await client.query('INSERT INTO bench_weights VALUES ($1, $2, $3)', [sub, `${sub}.${suffix}`, weight]);
    }
  }
  await client.query(
    `CREATE TABLE ${BASELINE_TABLE} (scope text NOT NULL, scope_key text NOT NULL, indicator text NOT NULL, estimate float8, se float8, n int, population_size int)`,
  );
  await client.query('ANALYZE bench_items, bench_gate_atoms, bench_gate_clauses, bench_weights');
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
 *  - scope 'component':    per institution and component (TG.* and PG.* validated, SE 0; TC.* and PC.*
 *                          means over validators with their small-n SE)
 *  - scope 'institution':  TG, PG, I_G, ΔG (verified only; SE 0); TC, PC, T, P, I with SE and validators n
 *  - scope 'municipality': unweighted means of I_G, I and ΔG over the subjects with a value, n, N and SE
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
verdict_counts AS (   -- §3.1: counted verdicts only (a refutation once its reply window passed, or upheld)
  SELECT v.institution_id, v.question_name,
         count(*) FILTER (WHERE v.verdict = 'confirmed')::float8 AS c,
         count(*) FILTER (WHERE v.verdict = 'refuted' AND ${VERDICT_STANDING_SQL} = 'counted')::float8 AS r
  FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
  WHERE v.round_id = $1 GROUP BY v.institution_id, v.question_name
),
gov_components AS (   -- validated (s') and raw (s) component means; verified: a counted verdict on an answered verifiable item
  SELECT a.institution_id, a.component,
         sum(a.weight * CASE WHEN a.verifiable AND v.c + v.r > 0 THEN a.s * (v.c / (v.c + v.r)) ELSE a.s END) / sum(a.weight) AS value,
         sum(a.weight * a.s) / sum(a.weight) AS raw,
         bool_or(a.verifiable AND coalesce(v.c + v.r, 0) > 0) AS verified
  FROM self_scores a LEFT JOIN verdict_counts v ON v.institution_id = a.institution_id AND v.question_name = a.name
  WHERE a.s IS NOT NULL
  GROUP BY a.institution_id, a.component
),
gov_subs AS (   -- renormalised over the components present
  SELECT g.institution_id, w.sub, sum(w.weight * g.value) / sum(w.weight) AS value, sum(w.weight * g.raw) / sum(w.weight) AS raw
  FROM gov_components g JOIN bench_weights w ON w.component = g.component
  GROUP BY g.institution_id, w.sub
),
per_institution AS (
  SELECT s.institution_id,
         max(s.value) FILTER (WHERE s.sub = 'TG') AS tg, max(s.value) FILTER (WHERE s.sub = 'PG') AS pg,
         max(s.raw) FILTER (WHERE s.sub = 'TG') AS tg_raw, max(s.raw) FILTER (WHERE s.sub = 'PG') AS pg_raw,
         bool_or(v.verified) AS verified
  FROM gov_subs s
  LEFT JOIN (SELECT institution_id, bool_or(verified) AS verified FROM gov_components GROUP BY institution_id) v ON v.institution_id = s.institution_id
  GROUP BY s.institution_id
),
reports AS MATERIALIZED (   -- the round's reports in the universe, each with its gate mask: one bit per atom that holds
  SELECT cr.id AS report_id, cr.institution_id, cr.validator_id, cr.questionnaire_id, cr.data,
         (SELECT coalesce(bit_or(1::bigint << a.bit), 0) FROM bench_gate_atoms a
          WHERE a.questionnaire_id = cr.questionnaire_id
            AND ((cr.data ->> a.question) = ANY (a.vals) OR (a.any_element AND (cr.data -> a.question) ?| a.vals))) AS mask
  FROM citizen_report cr JOIN universe u ON u.institution_id = cr.institution_id
  WHERE cr.round_id = $1
),
report_scores AS (   -- every scored answer of every report, then its gated failures (§3.2)
  SELECT r.report_id, r.institution_id, r.validator_id, it.component, it.weight, sc.s
  FROM reports r
  CROSS JOIN LATERAL jsonb_each(r.data) AS e(key, value)
  JOIN bench_items it ON it.questionnaire_id = r.questionnaire_id AND it.name = e.key
  CROSS JOIN LATERAL (SELECT ${SCORE} AS s) sc
  WHERE sc.s IS NOT NULL AND (it.component LIKE 'TC.%' OR it.component LIKE 'PC.%')
  UNION ALL
  SELECT r.report_id, r.institution_id, r.validator_id, it.component, it.weight, g.score
  FROM reports r
  JOIN bench_gate_clauses g ON g.questionnaire_id = r.questionnaire_id AND r.mask & g.must = g.must AND r.mask & g.must_not = 0
  JOIN bench_items it ON it.questionnaire_id = g.questionnaire_id AND it.name = g.name
  CROSS JOIN LATERAL (SELECT r.data -> g.name AS value) e
  WHERE (it.component LIKE 'TC.%' OR it.component LIKE 'PC.%') AND (${SCORE}) IS NULL
),
report_components AS (   -- c_kj
  SELECT institution_id, validator_id, report_id, component, sum(weight * s) / sum(weight) AS value
  FROM report_scores GROUP BY institution_id, validator_id, report_id, component
),
report_subs AS (   -- §3.3: TC_j and PC_j, weights renormalised over the components report j has
  SELECT rc.institution_id, rc.validator_id, rc.report_id, w.sub AS code, sum(w.weight * rc.value) / sum(w.weight) AS value
  FROM report_components rc JOIN bench_weights w ON w.component = rc.component
  WHERE w.sub IN ('TC', 'PC')
  GROUP BY rc.institution_id, rc.validator_id, rc.report_id, w.sub
),
cluster_values AS (   -- one value per validator (cluster) of every citizen component and of TC and PC
  SELECT institution_id, validator_id, component AS code, avg(value) AS value FROM report_components GROUP BY institution_id, validator_id, component
  UNION ALL
  SELECT institution_id, validator_id, code, avg(value) FROM report_subs GROUP BY institution_id, validator_id, code
),
citizen_stats AS (   -- mean over validators, validators n, observed per-validator variance s²
  SELECT institution_id, code, avg(value) AS mean, count(*)::int AS n, var_samp(value) AS s2
  FROM cluster_values GROUP BY institution_id, code
),
influence AS (   -- clustered linearisation of I = (TG + TC + PG + PC)/4: z_v = Σ ¼·(y_v − mean)/n over TC, PC
  SELECT v.institution_id, v.validator_id, sum(0.25 * (v.value - s.mean) / s.n) AS z
  FROM cluster_values v JOIN citizen_stats s ON s.institution_id = v.institution_id AND s.code = v.code
  WHERE v.code IN ('TC', 'PC')
  GROUP BY v.institution_id, v.validator_id
),
i_variance AS (
  SELECT institution_id, count(*)::int AS n, CASE WHEN count(*) >= 2 THEN count(*)::float8 / (count(*) - 1) * sum(z * z) END AS variance
  FROM influence GROUP BY institution_id
),
institution_parts AS (   -- pivoted by aggregation, not joins (CTE row estimates would invite nested loops)
  SELECT institution_id, tg, pg, NULL::float8 AS tc, NULL::int AS n_tc, NULL::float8 AS s2_tc,
         NULL::float8 AS pc, NULL::int AS n_pc, NULL::float8 AS s2_pc, NULL::int AS n_i, NULL::float8 AS var_i
  FROM per_institution
  UNION ALL
  SELECT institution_id, NULL, NULL, mean, n, s2, NULL, NULL, NULL, NULL, NULL FROM citizen_stats WHERE code = 'TC'
  UNION ALL
  SELECT institution_id, NULL, NULL, NULL, NULL, NULL, mean, n, s2, NULL, NULL FROM citizen_stats WHERE code = 'PC'
  UNION ALL
  SELECT institution_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, n, variance FROM i_variance
),
institution_values AS (   -- one row per institution: TG, PG, TC and PC with n and s², the clustered variance of I
  SELECT institution_id, max(tg) AS tg, max(pg) AS pg, max(tc) AS tc, max(n_tc) AS n_tc, max(s2_tc) AS s2_tc,
         max(pc) AS pc, max(n_pc) AS n_pc, max(s2_pc) AS s2_pc, max(n_i) AS n_i, max(var_i) AS var_i
  FROM institution_parts GROUP BY institution_id
),
citizen_raw AS (   -- every citizen value before §5: estimate, n, s², citizen share c
  SELECT institution_id, code, mean AS estimate, n, s2, 1.0::float8 AS share FROM citizen_stats
  UNION ALL
  SELECT institution_id, 'T', (tg + tc) / 2, n_tc, s2_tc / 4, 0.5 FROM institution_values WHERE tg IS NOT NULL AND tc IS NOT NULL
  UNION ALL
  SELECT institution_id, 'P', (pg + pc) / 2, n_pc, s2_pc / 4, 0.5 FROM institution_values WHERE pg IS NOT NULL AND pc IS NOT NULL
  UNION ALL
  SELECT institution_id, 'I', ((tg + tc) / 2 + (pg + pc) / 2) / 2, n_i, var_i * n_i, 0.5
  FROM institution_values WHERE tg IS NOT NULL AND pg IS NOT NULL AND tc IS NOT NULL AND pc IS NOT NULL
),
pool AS (   -- §5: the round's pooled per-validator variance of each value over institutions with ≥ 2 validators
  SELECT code, sum((n - 1) * s2) / sum(n - 1) AS sp2 FROM citizen_raw WHERE n >= 2 AND s2 IS NOT NULL GROUP BY code
),
citizen_values AS (   -- §5 small-n rule: s̃² = max(s², ((n − 1)·s² + s_p²)/n) (s² = 0 below two validators), SE = s̃/√n
  SELECT c.institution_id, c.code, c.estimate, c.n,
         sqrt(greatest(x.s, ((c.n - 1) * x.s + coalesce(p.sp2, (c.share * 0.5) ^ 2)) / c.n) / c.n) AS se
  FROM citizen_raw c
  CROSS JOIN LATERAL (SELECT CASE WHEN c.n >= 2 AND c.s2 IS NOT NULL THEN c.s2 ELSE 0.0::float8 END AS s) x
  LEFT JOIN pool p ON p.code = c.code
),
member_values AS (   -- what the municipal means average: I_G and ΔG (census, SE 0) and I
  SELECT institution_id, 'I_G' AS indicator, (tg + pg) / 2 AS estimate, 0.0::float8 AS se
  FROM per_institution WHERE tg IS NOT NULL AND pg IS NOT NULL
  UNION ALL
  SELECT institution_id, 'DELTA_G', (tg_raw + pg_raw) / 2 - (tg + pg) / 2, 0.0::float8
  FROM per_institution WHERE verified AND tg IS NOT NULL AND pg IS NOT NULL
  UNION ALL
  SELECT institution_id, code, estimate, se FROM citizen_values WHERE code = 'I'
),
municipal_universe AS (
  SELECT cvegeo, count(*)::int AS big_n FROM universe GROUP BY cvegeo
),
municipal AS (
  SELECT u.cvegeo, x.indicator, count(*)::int AS n, avg(x.estimate) AS estimate, var_samp(x.estimate) AS s2, sum(x.se * x.se) AS within
  FROM member_values x JOIN universe u ON u.institution_id = x.institution_id
  GROUP BY u.cvegeo, x.indicator
)
SELECT 'component', institution_id::text, component, value, 0.0::float8, NULL::int, NULL::int FROM gov_components
UNION ALL
SELECT 'component', institution_id::text, code, estimate, se, n, NULL FROM citizen_values WHERE code LIKE '%.%'
UNION ALL
SELECT 'institution', institution_id::text, sub, value, 0.0::float8, NULL, NULL FROM gov_subs WHERE sub IN ('TG', 'PG')
UNION ALL
SELECT 'institution', institution_id::text, code, estimate, se, n, NULL FROM citizen_values WHERE code NOT LIKE '%.%'
UNION ALL
SELECT 'institution', institution_id::text, indicator, estimate, se, NULL, NULL FROM member_values WHERE indicator <> 'I'
UNION ALL
SELECT 'municipality', m.cvegeo, m.indicator, m.estimate,
       sqrt(CASE WHEN m.n = mu.big_n THEN 0 ELSE (1 - m.n::float8 / mu.big_n) * m.s2 / m.n END + m.within / (m.n::float8 * m.n)),
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
