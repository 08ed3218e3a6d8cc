import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { AddressInfo } from 'net';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { Env, loadEnv } from '@apertura/config';
import { createTestDatabase, TestDatabase } from './db';
import { deleteRedisPrefix, TEST_REDIS_URL } from './redis';

export interface TestApp {
  app: INestApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  env: Env;
  db: TestDatabase;
  ds: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Partial<Record<keyof Env, string>>;
  /** Reuse an existing database instead of creating one. */
  db?: TestDatabase;
  /** Put into the database name and the queue prefix, to tell a suite's leftovers apart ([a-z0-9]+). */
  tag?: string;
}

/** Environment for a test: its own database, its own Bull prefix, quiet logs. */
export function testEnv(db: TestDatabase, overrides: TestAppOptions['env'] = {}, tagged?: string): Env {
  const tag =
    tagged ?? (/^[a-z0-9]{1,16}$/.test(process.env.TEST_NAME_TAG ?? '') ? process.env.TEST_NAME_TAG : undefined);
  return loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `apt-test-${tag ? `${tag}-` : ''}${randomBytes(4).toString('hex')}`,
    SERVE_WEB: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    ROUTE_RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ACCOUNT_RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

/** Starts the real API (same bootstrap as production) on a random loopback port, against a fresh database. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase(undefined, opts.tag));
  const env = testEnv(db, opts.env, opts.tag);
  const app = await createApp(env);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const ds = app.get(DataSource);
  return {
    app,
    url,
    env: { ...env, PUBLIC_URL: env.PUBLIC_URL },
    db,
    ds,
    async close() {
      await app.close();
      await deleteRedisPrefix(env.QUEUE_PREFIX, env.REDIS_URL);
      if (!opts.db) await db.drop();
    },
  };
}
