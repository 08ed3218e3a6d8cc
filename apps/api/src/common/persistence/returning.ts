import type { Queryable } from './query';

/**
 * Rows of an `UPDATE … RETURNING` / `DELETE … RETURNING`, and of INSERT / SELECT alike. TypeORM's
 * PostgreSQL runner answers UPDATE and DELETE with `[rows, rowCount]` instead of the rows (INSERT and
 * SELECT give the rows), so reading `.length` of the raw result would always see 2, and destructuring
 * `[row]` would take the array of rows for the row. Every statement with RETURNING goes through here.
 */
export async function mutateReturning<T>(m: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result: unknown = await m.query(sql, [...params]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  if (!Array.isArray(result)) throw new Error('unexpected query result');
  return result as T[];
}

/** The first row an `… RETURNING` statement gave back, or undefined when it touched none. */
export async function mutateReturningOne<T>(
  m: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T | undefined> {
  const [row] = await mutateReturning<T>(m, sql, params);
  return row;
}
