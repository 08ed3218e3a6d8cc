import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/apertura';

/**
 * Session settings of every connection. `jit=off`: PostgreSQL's JIT compiles a plan whose estimated
 * cost passes `jit_above_cost` (100,000), and our chunked reads and dashboard queries pass it while
 * running for well under a second; compiling then costs more than it saves. Measured on a national
 * rebuild's citizen-report read (1,000 institutions, 11,349 reports): 750–800 ms with JIT (≈ 1.1 s of
 * it compiling, in the leader and its parallel worker) against 180–200 ms without.
 */
export const SESSION_OPTIONS = '-c jit=off';

/** DataSource options shared by the API, the worker, the CLI and the tests. Never synchronize. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    extra: { max: 10, connectionTimeoutMillis: 5000, options: SESSION_OPTIONS },
    ...overrides,
  } as DataSourceOptions;
}

/** Used by the TypeORM CLI (`npm run migration:generate`). */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL));
