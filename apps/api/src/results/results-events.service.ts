import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import { Client, Notification } from 'pg';
import { ENV, Env } from '@apertura/config';
import { parseResultsChanged, RESULTS_CHANNEL } from '@apertura/db';
import type { ResultsChanged } from '@apertura/db';
import { ResultErrors } from './results.errors';
import { ResultsRepository } from './results.repository';

/** What a browser waits before reconnecting a dropped stream (the SSE `retry:` field). */
export const RETRY_MS = 3000;
/** Longest wait between two attempts to get the LISTEN connection back. */
const MAX_BACKOFF_MS = 10_000;

/** One open results stream. `last` is the newest version it was sent (catch-up and de-duplication). */
interface Stream {
  roundId: string;
  client: string;
  last: bigint;
  res: Response;
}

/** An event as the stream sends it: the notification, and whether it is a catch-up of missed ones. */
export type ResultsEvent = ResultsChanged & { catchUp?: boolean };

const frame = (id: string, event: string, data: unknown): string =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-Sent Events of "results changed" (issue #17, item 3). One LISTEN connection per API process
 * on the primary (a standby cannot LISTEN, and NOTIFY is not replicated) fans the worker's
 * notifications out to every open stream of the round. Every replica listens on its own, so it does
 * not matter which one a browser is connected to. The event id is the round's change version
 * (result_change): a browser reconnecting with Last-Event-ID — after a dropped connection, an API
 * restart or to another replica — gets one catch-up event if the round changed meanwhile; when the
 * LISTEN connection itself was lost, every open stream is caught up the same way once it is back.
 */
@Injectable()
export class ResultsEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ResultsEvents');
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly perClient = new Map<string, number>();
  private total = 0;
  private listener: Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private backoff = 500;
  private stopped = false;

  constructor(
    // Reads the change counter on the primary (ResultsRepository.changeVersion).
    private readonly repo: ResultsRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async onModuleInit(): Promise<void> {
    this.heartbeat = setInterval(() => this.beat(), this.env.RESULTS_STREAM_HEARTBEAT_MS);
    this.heartbeat.unref();
    // Started, not awaited to the end of time: without PostgreSQL the API fails elsewhere anyway, and
    // a LISTEN connection lost later is re-established by the same loop.
    await this.listen(false).catch((err: unknown) => this.lost(null, err));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.retry) clearTimeout(this.retry);
    // Open streams end first, so closing the HTTP server does not wait for them; browsers reconnect
    // (to another replica, or to this one once it is back) with their Last-Event-ID.
    for (const set of this.streams.values()) for (const s of set) s.res.end();
    this.streams.clear();
    const l = this.listener;
    this.listener = null;
    void l?.end().catch(() => undefined);
  }

  /** Whether this process currently holds its LISTEN connection (for tests and health). */
  get listening(): boolean {
    return this.listener !== null;
  }

  /**
   * Opens a stream on `res` for a round the caller may read (checked by the controller). Refused
   * (429) beyond RESULTS_STREAMS_PER_CLIENT open streams of one client on this process, and (503)
   * beyond RESULTS_STREAMS_MAX on this process.
   */
  async open(roundId: string, client: string, lastEventId: string | undefined, res: Response): Promise<void> {
    if ((this.perClient.get(client) ?? 0) >= this.env.RESULTS_STREAMS_PER_CLIENT) {
      throw ResultErrors.tooManyStreamsPerClient();
    }
    if (this.total >= this.env.RESULTS_STREAMS_MAX) {
      throw ResultErrors.streamsUnavailable();
    }
    const last = lastEventId !== undefined && /^\d{1,19}$/.test(lastEventId) ? BigInt(lastEventId) : null;
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // nginx and similar proxies would otherwise buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: ${RETRY_MS}\n\n`);
    // Registered before the counter is read: a notification arriving meanwhile is not lost (versions de-duplicate).
    const stream: Stream = { roundId, client, last: last ?? 0n, res };
    this.add(stream);
    res.on('close', () => this.remove(stream));
    let current: Awaited<ReturnType<ResultsEventsService['version']>>;
    try {
      current = await this.version(roundId);
    } catch (err) {
      // The answer has started: no JSON error any more. Ending the stream makes the browser retry later.
      this.logger.warn(`results stream of round ${roundId} ended: ${err instanceof Error ? err.message : String(err)}`);
      this.remove(stream);
      res.end();
      return;
    }
    if (last === null) {
      // A first connection: the browser just read the data, so only later changes are news. The id
      // makes its reconnects catch up from here.
      const v = current?.version ?? '0';
      if (BigInt(v) > stream.last) stream.last = BigInt(v);
      this.write(stream, frame(stream.last.toString(), 'ready', { roundId, version: stream.last.toString() }));
    } else if (current && BigInt(current.version) > stream.last) {
      this.send(stream, { ...current, scope: 'all', catchUp: true });
    }
  }

  private add(s: Stream): void {
    let set = this.streams.get(s.roundId);
    if (!set) this.streams.set(s.roundId, (set = new Set()));
    set.add(s);
    this.perClient.set(s.client, (this.perClient.get(s.client) ?? 0) + 1);
    this.total++;
  }

  private remove(s: Stream): void {
    const set = this.streams.get(s.roundId);
    if (!set?.delete(s)) return;
    if (set.size === 0) this.streams.delete(s.roundId);
    const n = (this.perClient.get(s.client) ?? 1) - 1;
    if (n <= 0) this.perClient.delete(s.client);
    else this.perClient.set(s.client, n);
    this.total--;
  }

  private async version(roundId: string): Promise<{ roundId: string; version: string; watermark: string } | null> {
    const change = await this.repo.changeVersion(roundId);
    return change ? { roundId, ...change } : null;
  }

  /** Sends an event unless the stream already has this version (a catch-up and a notification may cross). */
  private send(s: Stream, e: ResultsEvent): void {
    const v = BigInt(e.version);
    if (v <= s.last) return;
    s.last = v;
    this.write(s, frame(e.version, 'results', e));
  }

  private write(s: Stream, chunk: string): void {
    if (!s.res.writableEnded) s.res.write(chunk);
  }

  private beat(): void {
    for (const set of this.streams.values()) for (const s of set) this.write(s, ': heartbeat\n\n');
  }

  private onNotification(n: Notification): void {
    if (n.channel !== RESULTS_CHANNEL) return;
    const e = parseResultsChanged(n.payload);
    if (!e) return;
    for (const s of this.streams.get(e.roundId) ?? []) this.send(s, e);
  }

  private async listen(reconnect: boolean): Promise<void> {
    const client = new Client({ connectionString: this.env.DATABASE_URL, application_name: 'apertura-results-listen' });
    client.on('notification', (n) => this.onNotification(n));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${RESULTS_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.listener = client;
    this.backoff = 500;
    // Notifications sent while nobody listened are gone: compare every open round with its counter.
    if (reconnect) await this.catchUpAll();
  }

  private async catchUpAll(): Promise<void> {
    for (const roundId of [...this.streams.keys()]) {
      const current = await this.version(roundId);
      if (current)
        for (const s of this.streams.get(roundId) ?? []) this.send(s, { ...current, scope: 'all', catchUp: true });
    }
  }

  private lost(client: Client | null, err: unknown): void {
    if (client !== null && this.listener !== client && this.listener !== null) return;
    if (client !== null && this.listener === client) {
      this.listener = null;
      void client.end().catch(() => undefined);
    }
    if (this.stopped || this.retry) return;
    this.logger.warn(
      `LISTEN connection lost (${err instanceof Error ? err.message : String(err)}); retrying in ${this.backoff} ms`,
    );
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen(true).catch((e: unknown) => this.lost(null, e));
    }, this.backoff);
    this.retry.unref();
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }
}
