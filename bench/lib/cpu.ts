/**
 * CPU seconds of processes on this machine (Linux /proc), to print beside wall-clock times: on a shared
 * two-core machine a run's wall time moves with everything else that runs, its CPU time much less, so
 * the two together tell a slow run from a slow machine.
 */
import { readFileSync } from 'fs';
import type { ClientBase } from 'pg';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux Node supports). */
const TICKS = 100;

/** User + system CPU seconds of a process so far; 0 when it is gone or /proc is not there. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may contain spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends of the current database other than `client`'s own, by pid. */
async function backendPids(client: ClientBase): Promise<number[]> {
  const rows = (
    await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
  ).rows;
  return rows.map((r) => r.pid);
}

/**
 * CPU seconds the other backends of this database spend between start() and stop() (backends that
 * exit in between are not counted: the worker's pool keeps its connections, so that is rare).
 */
export async function otherBackendsCpu(client: ClientBase): Promise<{ stop: () => Promise<number> }> {
  const before = new Map((await backendPids(client)).map((pid) => [pid, cpuSeconds(pid)]));
  return {
    stop: async () => {
      let total = 0;
      for (const pid of await backendPids(client)) total += cpuSeconds(pid) - (before.get(pid) ?? 0);
      return total;
    },
  };
}

/** The pid of `client`'s own backend. */
export async function ownBackendPid(client: ClientBase): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}
