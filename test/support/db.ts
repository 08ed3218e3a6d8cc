import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
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
 * `tag` ([a-z0-9]+) goes into the name after the pid, so global-setup still finds the owner process.
 */
export async function createTestDatabase(base = PG_ADMIN_URL, tagged?: string): Promise<TestDatabase> {
  // TEST_NAME_TAG marks whose run a database belongs to when several share a server.
  const envTag = /^[a-z0-9]{1,16}$/.test(process.env.TEST_NAME_TAG ?? '') ? process.env.TEST_NAME_TAG : undefined;
  const tag = tagged ?? envTag;
  if (tag !== undefined && !/^[a-z0-9]+$/.test(tag)) throw new Error(`test database tag must match [a-z0-9]+: ${tag}`);
  const name = `apertura_t_${process.pid}_${tag ? `${tag}_` : ''}${randomBytes(4).toString('hex')}`;
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

/** A transaction held open by the test, so a second one can meet its row locks (roll back and release it after). */
export async function heldTransaction(ds: DataSource): Promise<QueryRunner> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  return qr;
}

/** Ends a heldTransaction whatever state the test left it in. */
export async function releaseHeld(qr: QueryRunner): Promise<void> {
  if (qr.isTransactionActive) await qr.rollbackTransaction();
  await qr.release();
}
