import { execFile } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { freePort } from './redis';

const run = promisify(execFile);
/** PG_BIN_DIR, or the newest Debian-packaged server (/usr/lib/postgresql/<major>/bin). */
function serverBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb'))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL server binaries not found: install postgresql or set PG_BIN_DIR');
  return join(root, newest, 'bin');
}
const BIN = serverBinDir();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` OS user. */
async function pgTool(tool: string, args: string[]): Promise<string> {
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]]
    : [join(BIN, tool), args];
  const { stdout } = await run(cmd, argv, { timeout: 60_000 });
  return stdout;
}

/**
 * A throwaway PostgreSQL cluster in a temporary directory, on its own port and socket directory, so
 * a fault test can stop and restart it without touching the machine's shared server on 5432.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'apertura-pg-'));
    const pg = new ThrowawayPostgres(dir, await freePort());
    try {
      if (isRoot) {
        const { stdout } = await run('id', ['-u', 'postgres']);
        const { stdout: gid } = await run('id', ['-g', 'postgres']);
        chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
      }
      await pgTool('initdb', [
        '-D',
        pg.dataDir,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ]);
      await pg.start();
      return pg;
    } catch (err) {
      pg.remove();
      throw err;
    }
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Admin URL of the cluster's `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    await pgTool('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** Fast shutdown: open sessions are terminated, in-flight transactions roll back. */
  async stop(): Promise<void> {
    await pgTool('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  /** Stops the server if it runs (immediate mode) and deletes the directory; safe to call on any state. */
  async destroy(): Promise<void> {
    try {
      await pgTool('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    } catch {
      // Not running (never started, or already stopped): nothing to stop.
    }
    this.remove();
  }

  private remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
