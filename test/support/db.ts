import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';

/** Server used by the tests: the machine's shared PostgreSQL unless TEST_PG_URL says otherwise. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(db: string, base = PG_ADMIN_URL): string {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>, base = PG_ADMIN_URL): Promise<T> {
  const c = new Client({ connectionString: base });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A fresh database with every migration applied; `drop()` removes it (tests leave nothing behind).
 * `tag` (lowercase letters) goes into the name, to tell whose database it is on a shared server.
 */
export async function createTestDatabase(base = PG_ADMIN_URL, tag = ''): Promise<TestDatabase> {
  if (!/^[a-z]*$/.test(tag)) throw new Error(`database tag must be lowercase letters (got ${tag})`);
  const name = `apertura_t_${process.pid}_${tag === '' ? '' : `${tag}_`}${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`), base);
  const url = urlFor(name, base);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
  return {
    name,
    url,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined), base),
  };
}
