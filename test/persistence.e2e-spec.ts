import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import {
  lockClause,
  mutateReturning,
  mutateReturningOne,
  queryOne,
  queryRows,
} from '../apps/api/src/common/persistence';
import { createTestDatabase, TestDatabase } from './support/db';

/**
 * The persistence toolkit against a real PostgreSQL: TypeORM answers each command with a different
 * result shape, and these helpers are what every repository relies on to read it.
 */
describe('common/persistence (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'persistence');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    await ds.query('CREATE TABLE t (id int PRIMARY KEY, label text NOT NULL)');
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads the rows of every command that returns some, whatever shape TypeORM gives them', async () => {
    // INSERT … RETURNING: TypeORM gives the rows.
    const inserted = await mutateReturning<{ id: number }>(
      ds,
      "INSERT INTO t (id, label) VALUES (1, 'a'), (2, 'b'), (3, 'c') RETURNING id",
    );
    expect(inserted.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    // UPDATE … RETURNING: TypeORM gives [rows, rowCount]; the helper gives the rows.
    const raw: unknown = await ds.query("UPDATE t SET label = 'x' WHERE id = 99 RETURNING id");
    expect(raw).toEqual([[], 0]);
    const updated = await mutateReturning<{ id: number; label: string }>(
      ds,
      'UPDATE t SET label = upper(label) WHERE id <= $1 RETURNING id, label',
      [2],
    );
    expect(updated.sort((a, b) => a.id - b.id)).toEqual([
      { id: 1, label: 'A' },
      { id: 2, label: 'B' },
    ]);
    expect(await mutateReturning(ds, "UPDATE t SET label = 'z' WHERE id = 99 RETURNING id")).toEqual([]);
    // DELETE … RETURNING: same shape as UPDATE.
    expect(await mutateReturningOne<{ label: string }>(ds, 'DELETE FROM t WHERE id = $1 RETURNING label', [3])).toEqual(
      {
        label: 'c',
      },
    );
    expect(await mutateReturningOne(ds, 'DELETE FROM t WHERE id = $1 RETURNING label', [3])).toBeUndefined();
    // Inside a transaction, through the EntityManager.
    await ds.transaction(async (m) => {
      expect(await mutateReturning<{ id: number }>(m, "UPDATE t SET label = 'm' RETURNING id")).toHaveLength(2);
    });
  });

  it('types SELECT rows and finds the first one', async () => {
    expect(await queryRows<{ id: number }>(ds, 'SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await queryOne<{ id: number }>(ds, 'SELECT id FROM t WHERE id = $1', [2])).toEqual({ id: 2 });
    expect(await queryOne(ds, 'SELECT id FROM t WHERE id = $1', [42])).toBeUndefined();
  });

  it('spells each row lock as PostgreSQL does', async () => {
    expect(lockClause(undefined)).toBe('');
    expect(lockClause('update')).toBe('FOR UPDATE');
    expect(lockClause('share', 'r')).toBe('FOR SHARE OF r');
    await ds.transaction(async (m) => {
      for (const lock of ['update', 'share', 'key_share'] as const)
        expect(await queryRows(m, `SELECT id FROM t WHERE id = 1 ${lockClause(lock)}`)).toEqual([{ id: 1 }]);
    });
  });
});
