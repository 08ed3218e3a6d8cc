/**
 * What every benchmark needs around it: its own database (fresh, migrated, dropped at the end), its
 * own Bull prefix (deleted at the end), the production environment of the api and worker, and real
 * api / worker processes (TypeScript run through the repo's SWC require hook, as the fault tests do).
 */
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { createWriteStream, readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { Env, loadEnv } from '@apertura/config';
import { SESSION_OPTIONS } from '@apertura/db';
import { QUEUES, openQueue, queueConsumers, type Queue } from '@apertura/queue';
import { createTestDatabase, TestDatabase } from '../../test/support/db';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../../test/support/redis';

export const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'test', 'support', 'swc-register.js');

export interface BenchContext {
  db: TestDatabase;
  env: Env;
  pg: Client;
  /** Everything started for this benchmark, stopped in reverse order by `close()`. */
  close(): Promise<void>;
  onClose(fn: () => Promise<void>): void;
}

/** A fresh database and Bull prefix; the api/worker environment is production's, with generated secrets. */
export async function benchContext(): Promise<BenchContext> {
  // Tagged so a benchmark database is recognisable (and droppable) among the test suites' ones.
  const db = await createTestDatabase(undefined, 'bench');
  const env = loadEnv({
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `apt-bench-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    SERVE_WEB: 'false',
    // Production requires a real server; the benchmarks send no mail (invitation tokens are derived).
    SMTP_URL: 'smtp://127.0.0.1:2525',
    LOG_LEVEL: 'warn',
    // The benchmarks are one client on loopback: the per-IP limits would measure the limiter.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    ROUTE_RATE_LIMIT_PER_MINUTE: '1000000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  // The session settings the api and the worker use (libs/db SESSION_OPTIONS: jit off), so that the SQL
  // baselines run under the same settings as what they are compared with.
  const pg = new Client({ connectionString: db.url, options: SESSION_OPTIONS });
  await pg.connect();
  const closers: Array<() => Promise<void>> = [];
  return {
    db,
    env,
    pg,
    onClose: (fn) => void closers.push(fn),
    async close() {
      for (const fn of closers.reverse()) {
        await fn().catch((err: unknown) =>
          console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`),
        );
      }
      await pg.end().catch(() => undefined);
      await deleteRedisPrefix(env.QUEUE_PREFIX, env.REDIS_URL);
      // BENCH_KEEP_DB=1 keeps the database for inspection (drop it by hand afterwards).
      if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${db.url}`);
      else await db.drop();
    },
  };
}

export interface ChildHandle {
  child: ChildProcess;
  /** Peak resident set size of the process so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** Last lines the process printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

function envVars(env: Env, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) vars[k] = String(v);
  return { ...process.env, ...vars, ...extra };
}

function readHwm(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // not Linux, or the process is gone
  }
}

/** Starts a TypeScript entry point as its own Node process. */
export function spawnTs(
  entry: string,
  env: Env,
  opts: { nodeArgs?: string[]; extraEnv?: Record<string, string>; ipc?: boolean } = {},
): ChildHandle {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '-r', REGISTER, entry], {
    cwd: ROOT,
    env: envVars(env, opts.extraEnv),
    stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (d: Buffer): void => {
    lines.push(d.toString());
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // BENCH_CHILD_LOG=dir: each child's whole output in dir/<pid>.log (e.g. with --trace-gc in BENCH_WORKER_NODE_ARGS).
  if (process.env.BENCH_CHILD_LOG) {
    const file = createWriteStream(join(process.env.BENCH_CHILD_LOG, `${child.pid ?? 'child'}.log`));
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  let hwm = 0;
  const sample = setInterval(() => (hwm = Math.max(hwm, readHwm(child.pid))), 500);
  sample.unref();
  return {
    child,
    peakRssMiB: () => (hwm = Math.max(hwm, readHwm(child.pid))),
    output: () => lines.join('').slice(-4000),
    async stop() {
      clearInterval(sample);
      hwm = Math.max(hwm, readHwm(child.pid));
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Extra Node flags for worker processes (BENCH_WORKER_NODE_ARGS, space-separated), for experiments. */
export function workerNodeArgs(): string[] {
  return (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
}

/** The production worker entry point (apps/worker/src/main.ts) as its own process. */
export function spawnWorker(env: Env, nodeArgs: string[] = workerNodeArgs()): ChildHandle {
  return spawnTs(join(ROOT, 'apps', 'worker', 'src', 'main.ts'), env, { nodeArgs });
}

/** The API (bench/processes/api-server.ts) as its own process; resolves with its base URL once it listens. */
export async function spawnApi(env: Env): Promise<{ handle: ChildHandle; url: string }> {
  const handle = spawnTs(join(ROOT, 'bench', 'processes', 'api-server.ts'), env, { ipc: true });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the API did not start within 120 s\n${handle.output()}`)),
      120_000,
    );
    handle.child.once('message', (m: { port?: number }) => {
      clearTimeout(timer);
      if (typeof m.port === 'number') resolve(m.port);
      else reject(new Error(`unexpected message from the API process: ${JSON.stringify(m)}`));
    });
    handle.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API process exited (${String(code)})\n${handle.output()}`));
    });
  });
  return { handle, url: `http://127.0.0.1:${port}` };
}

/** The metric queue of the benchmark's prefix (producer side: adds jobs, counts workers). */
export function metricQueue(env: Env): Queue {
  return openQueue(QUEUES.metric, env.REDIS_URL, env.QUEUE_PREFIX);
}

/** The area-job queue of the benchmark's prefix (its job starts mark when an area job read the stored results). */
export function areaQueue(env: Env): Queue {
  return openQueue(QUEUES.areas, env.REDIS_URL, env.QUEUE_PREFIX);
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  timeoutMs: number,
  intervalMs = 50,
  onTimeout?: () => string,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}${onTimeout ? `\n${onTimeout()}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Waits until `n` worker processes consume the given queue. */
export async function waitForWorkers(queue: Queue, n: number, handles: ChildHandle[]): Promise<void> {
  await waitFor(
    () => queueConsumers(queue),
    (c) => c >= n,
    `${n} worker process(es)`,
    120_000,
    100,
    () => handles.map((h) => h.output()).join('\n---\n'),
  );
}

export const seconds = (startNs: bigint): number => Number(process.hrtime.bigint() - startNs) / 1e9;
