import type { EntityManager } from 'typeorm';

/**
 * Rows of an `UPDATE … RETURNING` / `DELETE … RETURNING`. TypeORM's PostgreSQL runner answers those
 * commands with `[rows, rowCount]` instead of the rows (INSERT and SELECT give the rows), so reading
 * `.length` of the raw result would always see 2.
 */
export async function mutateReturning<T>(
  m: Pick<EntityManager, 'query'>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result: unknown = await m.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  if (!Array.isArray(result)) throw new Error('unexpected query result');
  return result as T[];
}
