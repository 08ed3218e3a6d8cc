/**
 * The API's persistence toolkit. Conventions every `*.repository.ts` follows (the worker's
 * metric-inputs.repository.ts is the model):
 *
 * - SQL stays SQL, written in the repository of the aggregate it belongs to; services hold the
 *   business rules and call repositories. A repository takes a Queryable first (the caller's
 *   transaction or the pool) so the service decides the transaction.
 * - Row types (`FooRow`, snake_case as PostgreSQL answers) live in one place per aggregate, the
 *   feature's `*.rows.ts`, and never leave the repository: it maps each row to a camelCase record
 *   (`toFoo(row)`), which is what services see.
 * - Every `… RETURNING` goes through mutateReturning (TypeORM's result shape differs by command).
 * - Row locks are named by what they protect (RowLock), never spelled inline.
 */
export { lockClause, queryOne, queryRows } from './query';
export type { Queryable, RowLock } from './query';
export { mutateReturning, mutateReturningOne } from './returning';
