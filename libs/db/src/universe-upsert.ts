import type { EntityManager } from 'typeorm';

/**
 * The set-based universe upsert and its dry-run twin, shared by the API (small files, answered at
 * once) and the worker (large files, as a job) so both produce the same report from the same rows.
 */

/** A validated row (libs/geo's UniverseRow has these fields and more). */
export interface UniverseUpsertRow {
  key: string;
  name: string;
  type: string;
  level: string;
  cveEnt: string;
  cvegeo: string;
  email: string;
}

/** The report of an import; the synchronous route's 200 body and a finished job's `result`. */
export interface UniverseImportCounts {
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  total: number;
  notInFile: number;
}

/** Rows per upsert statement (seven arrays through unnest): 15,000 institutions take three statements. */
const UPSERT_CHUNK = 5000;

const COLUMNS = ['name', 'type', 'level', 'cve_ent', 'cvegeo', 'email'] as const;
const CHANGED = `(i.${COLUMNS.join(', i.')}) IS DISTINCT FROM (u.${COLUMNS.join(', u.')})`;
const UNNEST = `unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(key, ${COLUMNS.join(', ')})`;

const arrays = (rows: readonly UniverseUpsertRow[]): string[][] => [
  rows.map((r) => r.key),
  rows.map((r) => r.name),
  rows.map((r) => r.type),
  rows.map((r) => r.level),
  rows.map((r) => r.cveEnt),
  rows.map((r) => r.cvegeo),
  rows.map((r) => r.email),
];

async function countInstitutions(m: EntityManager, guarantorId: string): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await m.query(
    'SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1',
    [guarantorId],
  );
  return n;
}

/**
 * Writes the rows; call inside a transaction (all or nothing). Takes the guarantor's import lock, so
 * the counts describe exactly this file even when two imports race.
 */
export async function upsertUniverse(
  m: EntityManager,
  guarantorId: string,
  rows: readonly UniverseUpsertRow[],
): Promise<UniverseImportCounts> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('universe:' || $1))`, [guarantorId]);
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const part = rows.slice(i, i + UPSERT_CHUNK);
    // Unchanged rows match the conflict but not the WHERE, so they are neither written nor returned.
    const written: Array<{ inserted: boolean }> = await m.query(
      `INSERT INTO institution AS i (guarantor_id, key, ${COLUMNS.join(', ')})
       SELECT $1, u.key, ${COLUMNS.map((c) => `u.${c}`).join(', ')} FROM ${UNNEST}
       ON CONFLICT (guarantor_id, key) DO UPDATE SET
         ${COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
       WHERE (i.${COLUMNS.join(', i.')}) IS DISTINCT FROM (EXCLUDED.${COLUMNS.join(', EXCLUDED.')})
       RETURNING (xmax = 0) AS inserted`,
      [guarantorId, ...arrays(part)],
    );
    for (const w of written) {
      if (w.inserted) inserted++;
      else updated++;
    }
  }
  return {
    dryRun: false,
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
    total: rows.length,
    notInFile: (await countInstitutions(m, guarantorId)) - rows.length,
  };
}

/** What upsertUniverse would do, computed with the same comparison, writing nothing. */
export async function previewUniverse(
  m: EntityManager,
  guarantorId: string,
  rows: readonly UniverseUpsertRow[],
): Promise<UniverseImportCounts> {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const part = rows.slice(i, i + UPSERT_CHUNK);
    const [c]: Array<{ inserted: number; updated: number }> = await m.query(
      `SELECT count(*) FILTER (WHERE i.id IS NULL)::int AS inserted,
              count(*) FILTER (WHERE i.id IS NOT NULL AND ${CHANGED})::int AS updated
       FROM ${UNNEST} LEFT JOIN institution i ON i.guarantor_id = $1 AND i.key = u.key`,
      [guarantorId, ...arrays(part)],
    );
    inserted += c.inserted;
    updated += c.updated;
  }
  const existing = await countInstitutions(m, guarantorId);
  return {
    dryRun: true,
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
    total: rows.length,
    notInFile: existing - (rows.length - inserted),
  };
}
