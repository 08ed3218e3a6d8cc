import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import type { INestApplicationContext } from '@nestjs/common';
import { loadMunicipalities } from '@apertura/geo';
import { startWorker } from '../apps/worker/src/main';
import { UniverseService } from '../apps/api/src/universe/universe.service';
import type { UserPrincipal } from '../apps/api/src/common/principal';
import { DomainError } from '../apps/api/src/common/domain-error';
import { client, Client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';
import { until } from './support/metric-helpers';

/**
 * Universe imports as background jobs (issue #13, item 5), with the real API, PostgreSQL, Redis and
 * worker: large files are streamed to PostgreSQL and answered 202; the worker parses them as a stream
 * and applies them all or nothing, with the report of the synchronous path.
 */

const ROOT = join(__dirname, '..');
const LONG = 240_000;
const HEADER = 'name,type,level,cve_ent,cvegeo,email';
const muns = loadMunicipalities();

/** A universe file of `rows` valid rows (~140 bytes each); `bad` puts an unknown municipality on that line. */
function bigCsv(rows: number, opts: { bad?: number; tag?: string } = {}): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const m = muns[i % muns.length];
    const line = i + 2;
    const cvegeo = line === opts.bad ? '99999' : m.cvegeo;
    lines.push(
      `"Sujeto obligado ${opts.tag ?? ''}${i} de ${m.nomMun.replace(/"/g, '')} (unidad de transparencia)",organismo,${i % 2 ? 'municipal' : 'estatal'},${m.cveEnt},${cvegeo},ut${i}@example.gob.mx`,
    );
  }
  return `${lines.join('\n')}\n`;
}

interface Job {
  id: string;
  state: string;
  dryRun: boolean;
  progress: { bytesProcessed: number; totalBytes: number; rowsProcessed: number; errorCount: number; percent: number };
  result?: Record<string, unknown>;
  error?: {
    code: string;
    messages: { es: string; en: string };
    field?: string;
    details?: { errors: Array<{ line: number; column: string; code: string }>; errorCount: number; rowsRead: number };
  };
}

describe('universe imports as background jobs', () => {
  let t: TestApp;
  let http: Client;
  let worker: INestApplicationContext | undefined;
  let staff: Staff;

  const post = (csv: string, token: string, query = '') =>
    http.post(`/api/universe/import${query}`, undefined, {
      token,
      raw: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const status = async (id: string, token: string): Promise<Job> =>
    (await http.get(`/api/universe/imports/${id}`, { token })).body;
  const finished = (id: string, token: string): Promise<Job> =>
    until(
      () => status(id, token),
      (j) => j.state === 'done' || j.state === 'failed',
      `import ${id}`,
      LONG,
      100,
    );
  const countInstitutions = async (guarantorId: string): Promise<number> =>
    (await t.ds.query('SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1', [guarantorId]))[0].n;
  const snapshot = async (guarantorId: string): Promise<unknown[]> =>
    t.ds.query(
      'SELECT key, name, type, level, cve_ent, cvegeo, email FROM institution WHERE guarantor_id = $1 ORDER BY key',
      [guarantorId],
    );
  const principalOf = async (s: Staff): Promise<UserPrincipal> => {
    const [u] = await t.ds.query('SELECT id FROM app_user WHERE email = $1', [s.adminEmail]);
    return { kind: 'user', userId: u.id, role: 'guarantor_admin', guarantorId: s.guarantorId };
  };
  /** The synchronous path (the service behind the 200 answer) with the same bytes, for comparison. */
  const importSync = async (s: Staff, csv: string, dryRun = false): Promise<unknown> => {
    try {
      return await t.app.get(UniverseService).import(await principalOf(s), csv, dryRun);
    } catch (err) {
      if (err instanceof DomainError)
        return {
          code: err.code,
          message: err.messages.en,
          messages: err.messages,
          field: err.field,
          details: err.details,
        };
      throw err;
    }
  };

  beforeAll(async () => {
    // Short Bull lock and stalled check: the job of a killed worker is picked up again within seconds.
    t = await startTestApp({
      tag: 'uimport',
      env: { QUEUE_LOCK_DURATION_MS: '3000', QUEUE_STALLED_INTERVAL_MS: '1000' },
    });
    http = client(t.url);
    worker = await startWorker(t.env);
    staff = await guarantorWithAdmin(t.ds, http);
  }, LONG);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  }, LONG);

  it(
    'a multi-MB (4+ MB) file goes through a job (202 + Location) and ends exactly as the synchronous import of the same content',
    async () => {
      const csv = bigCsv(40_000);
      expect(Buffer.byteLength(csv)).toBeGreaterThan(4 * 1024 * 1024);
      const r = await post(csv, staff.adminToken);
      expect(r.status).toBe(202);
      expect(r.headers.get('location')).toBe(`/api/universe/imports/${r.body.id}`);
      expect(['queued', 'parsing', 'validating', 'importing', 'done']).toContain(r.body.state);
      expect(r.body.progress.totalBytes).toBe(Buffer.byteLength(csv));

      const job = await finished(r.body.id, staff.adminToken);
      expect(job.state).toBe('done');
      expect(job.progress).toEqual({
        bytesProcessed: Buffer.byteLength(csv),
        totalBytes: Buffer.byteLength(csv),
        rowsProcessed: 40_000,
        errorCount: 0,
        percent: 100,
      });
      expect(job.result).toEqual({
        dryRun: false,
        inserted: 40_000,
        updated: 0,
        unchanged: 0,
        total: 40_000,
        notInFile: 0,
      });

      const other = await guarantorWithAdmin(t.ds, http);
      expect(await importSync(other, csv)).toEqual(job.result);
      expect(await snapshot(staff.guarantorId)).toEqual(await snapshot(other.guarantorId));

      // Applied once, audited with the import id; its stored bytes are gone.
      const audit = await t.ds.query(
        `SELECT actor_role, details FROM audit_log WHERE action = 'universe.import' AND guarantor_id = $1`,
        [staff.guarantorId],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_role: 'guarantor_admin',
        details: { inserted: 40_000, importId: r.body.id },
      });
      expect(
        (await t.ds.query('SELECT count(*)::int AS n FROM universe_import_chunk WHERE import_id = $1', [r.body.id]))[0]
          .n,
      ).toBe(0);

      // A changed copy as a dry run: the same counts as the synchronous dry run, and nothing written.
      const changed =
        csv.replace('ut7@example.gob.mx', 'nueva@example.gob.mx') +
        `Nuevo sujeto,organismo,municipal,15,15106,nuevo@example.gob.mx\n`;
      const before = await snapshot(staff.guarantorId);
      const dry = await post(changed, staff.adminToken, '?dryRun=true');
      expect(dry.status).toBe(202);
      const dryJob = await finished(dry.body.id, staff.adminToken);
      expect(dryJob.result).toEqual({
        dryRun: true,
        inserted: 1,
        updated: 1,
        unchanged: 39_999,
        total: 40_001,
        notInFile: 0,
      });
      expect(await importSync(other, changed, true)).toEqual(dryJob.result);
      expect(await snapshot(staff.guarantorId)).toEqual(before);

      const list = await http.get('/api/universe/imports?pageSize=1', { token: staff.adminToken });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(list.body.items.map((i: Job) => i.id)).toEqual([dry.body.id]);
    },
    LONG,
  );

  it(
    'an invalid row deep in a large file fails the whole import with its line number and imports nothing',
    async () => {
      const g = await guarantorWithAdmin(t.ds, http);
      const csv = bigCsv(30_000, { bad: 28_500, tag: 'x' });
      const r = await post(csv, g.adminToken);
      expect(r.status).toBe(202);
      const job = await finished(r.body.id, g.adminToken);
      expect(job.state).toBe('failed');
      expect(job.result).toBeUndefined();
      expect(job.error?.code).toBe('UNIVERSE_INVALID');
      expect(job.error?.details?.errors.map((e) => [e.line, e.column, e.code])).toEqual([
        [28_500, 'cvegeo', 'UNKNOWN_CVEGEO'],
      ]);
      expect(job.error?.messages.es).toMatch(/no se importó nada/);
      expect(job.error?.messages.en).toMatch(/nothing was imported/);
      expect(job.progress).toMatchObject({ rowsProcessed: 30_000, errorCount: 1 });
      // The same answer as the synchronous route's 422 body for these bytes.
      expect(job.error).toEqual(
        JSON.parse(JSON.stringify(await importSync(await guarantorWithAdmin(t.ds, http), csv))),
      );
      expect(await countInstitutions(g.guarantorId)).toBe(0);
      expect(
        (
          await t.ds.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'universe.import' AND guarantor_id = $1`,
            [g.guarantorId],
          )
        )[0].n,
      ).toBe(0);
    },
    LONG,
  );

  it(
    'small requests are answered while a large import is being parsed',
    async () => {
      const g = await guarantorWithAdmin(t.ds, http);
      const big = await post(bigCsv(45_000, { tag: 'c' }), g.adminToken);
      expect(big.status).toBe(202);
      const busy = await until(
        () => status(big.body.id, g.adminToken),
        (j) => j.state !== 'queued',
        'the worker to take the import',
        LONG,
        20,
      );
      expect(['parsing', 'validating', 'importing']).toContain(busy.state);
      const small = await guarantorWithAdmin(t.ds, http);
      const [imported, listed] = await Promise.all([
        post(`${HEADER}\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.gob.mx\n`, small.adminToken),
        http.get('/api/universe/summary', { token: g.adminToken }),
      ]);
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ inserted: 1, total: 1 });
      expect(listed.status).toBe(200);
      // Answered while the large one was still under way, and that one still completes.
      const meanwhile = await status(big.body.id, g.adminToken);
      expect(meanwhile.state).not.toBe('failed');
      expect((await finished(big.body.id, g.adminToken)).result).toMatchObject({ inserted: 45_000 });
    },
    LONG,
  );

  it('?async=1 makes a small file a job too (text/csv and JSON), with the synchronous answer as its result', async () => {
    const g = await guarantorWithAdmin(t.ds, http);
    const csv = `${HEADER}\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.gob.mx\nAlcaldía Azcapotzalco,alcaldía,municipal,9,9002,ut@azcapotzalco.gob.mx\n`;
    const r = await post(csv, g.adminToken, '?async=1&dryRun=1');
    expect(r.status).toBe(202);
    expect((await finished(r.body.id, g.adminToken)).result).toEqual({
      dryRun: true,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      total: 2,
      notInFile: 0,
    });
    const j = await http.post('/api/universe/import?async=true', { csv }, { token: g.adminToken });
    expect(j.status).toBe(202);
    expect((await finished(j.body.id, g.adminToken)).result).toEqual({
      dryRun: false,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      total: 2,
      notInFile: 0,
    });
    const again = await post(csv, g.adminToken);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ dryRun: false, inserted: 0, updated: 0, unchanged: 2, total: 2, notInFile: 0 });
  });

  it('a streamed upload with a control character is refused and leaves no import behind', async () => {
    const g = await guarantorWithAdmin(t.ds, http);
    const csv = `${bigCsv(3000)}Mala\u0000fila,organismo,municipal,15,15106,a@b.mx\n`;
    const r = await post(csv, g.adminToken);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CONTROL_CHARACTER');
    expect(
      (await t.ds.query('SELECT count(*)::int AS n FROM universe_import WHERE guarantor_id = $1', [g.guarantorId]))[0]
        .n,
    ).toBe(0);
  });

  it('another guarantor gets 404 for an import; analysts of the guarantor may read it but not import', async () => {
    const csv = bigCsv(3000, { tag: 't' });
    const g = await guarantorWithAdmin(t.ds, http);
    const r = await post(csv, g.adminToken);
    expect(r.status).toBe(202);
    const stranger = await guarantorWithAdmin(t.ds, http);
    const theirs = await http.get(`/api/universe/imports/${r.body.id}`, { token: stranger.adminToken });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('NOT_FOUND');
    expect((await http.get('/api/universe/imports', { token: stranger.adminToken })).body).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await http.get(`/api/universe/imports/${r.body.id}`)).status).toBe(401);
    expect((await http.get('/api/universe/imports/not-a-uuid', { token: g.adminToken })).body.code).toBe(
      'VALIDATION_FAILED',
    );

    const analyst = await staffToken(http, g.adminToken, 'analyst');
    expect((await finished(r.body.id, analyst)).state).toBe('done');
    const denied = await post(csv, analyst);
    expect(denied.status).toBe(403);
    expect(
      (await t.ds.query('SELECT count(*)::int AS n FROM universe_import WHERE guarantor_id = $1', [g.guarantorId]))[0]
        .n,
    ).toBe(1);
  });

  describe('worker killed mid-import', () => {
    const children = new Set<ChildProcess>();
    const logs: string[] = [];

    function spawnWorker(): ChildProcess {
      const vars: Record<string, string> = {};
      for (const [k, v] of Object.entries(t.env)) vars[k] = String(v);
      const child = spawn(
        process.execPath,
        ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'apps/worker/src/main.ts')],
        {
          cwd: ROOT,
          env: { ...process.env, ...vars },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const keep = (d: Buffer): void => void logs.push(`[worker ${child.pid}] ${d.toString()}`);
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    }

    async function kill(child: ChildProcess): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    }

    afterAll(async () => {
      await Promise.all([...children].map(kill));
    }, LONG);

    it(
      'a worker SIGKILLed while parsing leaves nothing imported; its replacement imports everything once',
      async () => {
        // Only the process we kill may take the job.
        await worker?.close();
        worker = undefined;
        const first = spawnWorker();
        const g = await guarantorWithAdmin(t.ds, http);
        const csv = bigCsv(50_000, { tag: 'k' });
        const r = await post(csv, g.adminToken);
        expect(r.status).toBe(202);
        try {
          const during = await until(
            () => status(r.body.id, g.adminToken),
            (j) => j.state === 'parsing' && j.progress.bytesProcessed > 0,
            'parsing',
            LONG,
            20,
          );
          await kill(first);
          expect(during.progress.percent).toBeLessThan(100);
          expect(await countInstitutions(g.guarantorId)).toBe(0);
          expect((await status(r.body.id, g.adminToken)).state).not.toMatch(/done|failed/);

          spawnWorker();
          const job = await finished(r.body.id, g.adminToken);
          expect(job.state).toBe('done');
          expect(job.result).toEqual({
            dryRun: false,
            inserted: 50_000,
            updated: 0,
            unchanged: 0,
            total: 50_000,
            notInFile: 0,
          });
          expect(await countInstitutions(g.guarantorId)).toBe(50_000);
          const [row] = await t.ds.query('SELECT attempts FROM universe_import WHERE id = $1', [r.body.id]);
          expect(row.attempts).toBeGreaterThanOrEqual(2);
          const audit = await t.ds.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'universe.import' AND guarantor_id = $1`,
            [g.guarantorId],
          );
          expect(audit[0].n).toBe(1);
        } catch (err) {
          if (err instanceof Error) err.message += `\n--- worker output ---\n${logs.join('').slice(-5000)}`;
          throw err;
        }
      },
      LONG,
    );

    it(
      'a worker SIGKILLed inside the import transaction leaves nothing imported; its replacement imports everything once',
      async () => {
        await Promise.all([...children].map(kill));
        const g = await guarantorWithAdmin(t.ds, http);
        // Holding the guarantor's import lock keeps the worker inside its transaction (state 'importing') until it is killed.
        const blocker = t.ds.createQueryRunner();
        await blocker.connect();
        await blocker.startTransaction();
        await blocker.query(`SELECT pg_advisory_xact_lock(hashtext('universe:' || $1))`, [g.guarantorId]);
        try {
          const first = spawnWorker();
          const r = await post(bigCsv(5000, { tag: 'tx' }), g.adminToken);
          expect(r.status).toBe(202);
          await until(
            () => status(r.body.id, g.adminToken),
            (j) => j.state === 'importing',
            'the import transaction',
            LONG,
            50,
          );
          await until(
            async () =>
              (
                await t.ds.query(
                  `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
                )
              )[0].n,
            (n: number) => n > 0,
            'the worker to wait for the lock',
            LONG,
            50,
          );
          await kill(first);
          await blocker.rollbackTransaction();
          expect(await countInstitutions(g.guarantorId)).toBe(0);
          expect((await status(r.body.id, g.adminToken)).state).toBe('importing');

          spawnWorker();
          const job = await finished(r.body.id, g.adminToken);
          expect(job.state).toBe('done');
          expect(job.result).toMatchObject({ inserted: 5000, total: 5000 });
          expect(await countInstitutions(g.guarantorId)).toBe(5000);
          const audit = await t.ds.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'universe.import' AND guarantor_id = $1`,
            [g.guarantorId],
          );
          expect(audit[0].n).toBe(1);
        } catch (err) {
          if (err instanceof Error) err.message += `\n--- worker output ---\n${logs.join('').slice(-5000)}`;
          throw err;
        } finally {
          if (blocker.isTransactionActive) await blocker.rollbackTransaction();
          await blocker.release();
        }
      },
      LONG,
    );
  });
});
