import { once } from 'events';
import { connect, Socket } from 'net';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { MAX_CONCURRENT_EXPORTS } from '../../apps/api/src/exports/exports.service';
import { startTestApp, TestApp } from '../support/app';
import { exportRound } from '../support/export-round';
import { guarantorWithAdmin } from '../support/fixtures';
import { client } from '../support/http';

/**
 * Issue #13: four anonymous downloads that stop reading held every export slot with no timeout, and
 * every other export answered 503. A download now has an idle timeout and a total deadline; when
 * either fires the server ends it and frees its slot and its database connection.
 *
 * The institutions file of the first round is ~60 MB, more than the socket buffers of a stalled reader
 * can absorb on loopback (receive buffers autotune up to 32 MB here), so a reader that stops really
 * stops the server's writes.
 */
const LARGE = 8_000;
const SMALL = 3_000;

/** An HTTP/1.1 GET on a raw socket that stops reading after its first bytes (a stalled client). */
async function stalledDownload(base: string, path: string): Promise<{ socket: Socket; drain(): Promise<Buffer> }> {
  const u = new URL(base);
  const socket = connect(Number(u.port), u.hostname);
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  // A cut download may reach us as a reset: that is the expected outcome, not a test failure.
  socket.on('error', () => undefined);
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: close\r\n\r\n`);
  // The first bytes, or the server closing first: under load a short deadline can cut a download
  // before its query has produced a row, which is still a cut download (never a hung test).
  await Promise.race([once(socket, 'data'), once(socket, 'close')]);
  socket.pause();
  return {
    socket,
    /** Reads whatever is left until the server closes the connection. */
    async drain() {
      if (!socket.destroyed) {
        const closed = once(socket, 'close');
        socket.resume();
        await closed;
      }
      return Buffer.concat(chunks);
    },
  };
}

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, tries = 300): Promise<T> {
  let last = await probe();
  for (let i = 0; i < tries && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

/** Chunked transfer ends with a zero-length chunk; a cut response never gets it. */
const complete = (raw: Buffer): boolean => raw.subarray(-5).toString('latin1') === '0\r\n\r\n';

async function withRound(env: Record<string, string>, filler: number): Promise<{ t: TestApp; roundId: string }> {
  const t = await startTestApp({ env });
  const staff = await guarantorWithAdmin(t.ds, client(t.url));
  const { roundId } = await exportRound(t.ds, staff.guarantorId, { filler });
  return { t, roundId };
}

const pool = (t: TestApp): Pool => (t.ds.driver as PostgresDriver).master as Pool;

describe('exports: readers that stop reading are cut and their slots freed', () => {
  let t: TestApp;
  let roundId: string;

  beforeAll(async () => {
    // Idle timeout short, deadline far away: whatever cuts the stalled readers here is the idle timer.
    ({ t, roundId } = await withRound({ EXPORT_IDLE_TIMEOUT_MS: '8000', EXPORT_DEADLINE_MS: '600000' }, LARGE));
  }, 180_000);

  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await t?.close();
  });

  it(`${MAX_CONCURRENT_EXPORTS} stalled anonymous downloads no longer lock every other download out`, async () => {
    const path = `/api/public/rounds/${roundId}/export/institutions.csv`;
    const http = client(t.url);
    // All at once, as an attacker would: each holds its slot from its first byte on.
    const stalled = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => stalledDownload(t.url, path)),
    );
    sockets.push(...stalled.map((s) => s.socket));

    // While they hold the slots, the attack works as issue #13 found it…
    const busy = await http.get(`/api/public/rounds/${roundId}/export/states.json`);
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('SERVICE_UNAVAILABLE');
    // …and once the idle timeout has cut them, other people download again.
    const after = await eventually(
      () => http.get(`/api/public/rounds/${roundId}/export/states.json`),
      (r) => r.status === 200,
    );
    expect(after.status).toBe(200);
    expect(after.body.rows.length).toBeGreaterThan(0);

    // Every slot comes free (as many downloads as there are slots run at once) without anyone reading…
    const levels = `/api/public/rounds/${roundId}/export/levels.csv`;
    const all = await eventually(
      () => Promise.all(Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => http.get(levels))),
      (rs) => rs.every((r) => r.status === 200),
    );
    expect(all.map((r) => r.status)).toEqual(Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => 200));
    // …because the stalled responses were cut (no final chunk), and their connections went back. The
    // kernel's socket buffers (up to tens of MB here) may have taken a whole file before the cut, so
    // not every one is necessarily incomplete; the cut ones are, and there are some.
    const completed: boolean[] = [];
    for (const s of stalled) completed.push(complete(await s.drain()));
    expect(completed.filter((c) => !c).length).toBeGreaterThan(0);
    const busyConnections = await eventually(
      async () => pool(t).totalCount - pool(t).idleCount,
      (n) => n === 0,
    );
    expect(busyConnections).toBe(0);
  }, 120_000);

  it('a client that keeps reading is not cut by the idle timer', async () => {
    const res = await fetch(`${t.url}/api/public/rounds/${roundId}/export/institutions.csv`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.trim().split('\r\n').length).toBeGreaterThan(LARGE);
  }, 120_000);
});

describe('exports: a download that outlives its deadline is cut', () => {
  let t: TestApp;
  let roundId: string;

  beforeAll(async () => {
    ({ t, roundId } = await withRound({ EXPORT_IDLE_TIMEOUT_MS: '600000', EXPORT_DEADLINE_MS: '1500' }, SMALL));
  }, 180_000);

  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await t?.close();
  });

  it('a reader trickling the file is cut at the deadline and its slot freed', async () => {
    // Reads one chunk every 200 ms: never idle for long, never done before the deadline.
    const stalled = await stalledDownload(t.url, `/api/public/rounds/${roundId}/export/institutions.csv`);
    sockets.push(stalled.socket);
    const trickle = setInterval(() => {
      stalled.socket.once('data', () => stalled.socket.pause());
      stalled.socket.resume();
    }, 200);
    try {
      const http = client(t.url);
      // Meanwhile the slots it does not hold keep working.
      expect((await http.get(`/api/public/rounds/${roundId}/export/states.csv`)).status).toBe(200);
      let giveUp: NodeJS.Timeout | undefined;
      const cut = await Promise.race([
        stalled.socket.destroyed ? Promise.resolve(true) : once(stalled.socket, 'close').then(() => true),
        new Promise<boolean>((r) => {
          giveUp = setTimeout(() => r(false), 60_000);
        }),
      ]);
      clearTimeout(giveUp);
      expect(cut).toBe(true);
    } finally {
      clearInterval(trickle);
    }
    expect(complete(await stalled.drain())).toBe(false);
    const idle = await eventually(
      async () => pool(t).totalCount - pool(t).idleCount,
      (n) => n === 0,
    );
    expect(idle).toBe(0);
  }, 120_000);
});
