import type { DataSource, EntityManager } from 'typeorm';

/**
 * What a repository method reads and writes through: the caller's transaction (an EntityManager) or
 * the pool (the DataSource). Repositories take it as their first argument so a service decides the
 * transaction and the repository only the SQL.
 */
export type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

/**
 * Rows of a SELECT (or INSERT … RETURNING), typed by the caller's row interface. The row type is
 * the snake_case shape PostgreSQL answers with; a repository maps it to a camelCase record before
 * it leaves (see ./index.ts). Use mutateReturning for UPDATE / DELETE … RETURNING.
 */
export async function queryRows<T>(m: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const rows: unknown = await m.query(sql, [...params]);
  if (!Array.isArray(rows)) throw new Error('unexpected query result');
  return rows as T[];
}

/** The first row of queryRows, or undefined. */
export async function queryOne<T>(m: Queryable, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  const [row] = await queryRows<T>(m, sql, params);
  return row;
}

/**
 * Row locks a repository may take, by what they protect against (PostgreSQL's names):
 * - `update`: FOR UPDATE, the row is about to change (lifecycle transitions, settings).
 * - `share`: FOR SHARE, writes that must not interleave with a change of the row (submissions vs. close).
 * - `key_share`: FOR KEY SHARE, only keeps the row from disappearing (a row that references it is being written).
 */
export type RowLock = 'update' | 'share' | 'key_share';

const LOCK_SQL: Record<RowLock, string> = { update: 'FOR UPDATE', share: 'FOR SHARE', key_share: 'FOR KEY SHARE' };

/** The locking clause for `lock` (empty without one), optionally `OF` one table alias of a join. */
export function lockClause(lock: RowLock | undefined, of?: string): string {
  if (!lock) return '';
  return of ? `${LOCK_SQL[lock]} OF ${of}` : LOCK_SQL[lock];
}
