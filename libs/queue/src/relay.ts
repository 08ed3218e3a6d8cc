import type { JobOptions, Queue } from 'bull';
import type { DataSource } from 'typeorm';
import { JobSpec, OutboxRecord, jobForEvent, undebouncedJobId } from './mapping';
import type { RelayQueueName } from './queues';

/** Where the relay puts jobs: Bull in production (bullSink), anything with the same contract in tests. */
export interface JobSink {
  /** Resolves once the job is stored (a job whose id already exists is left as it is). */
  add(queue: RelayQueueName, name: string, data: JobSpec['data'], opts: JobOptions & { jobId: string }): Promise<void>;
  /** State of the job with this id ('waiting', 'delayed', 'active', 'failed', …), or null if there is none. */
  state(queue: RelayQueueName, jobId: string): Promise<string | null>;
}

export interface DrainResult {
  /** Undispatched events this call locked. */
  selected: number;
  /** Turned into jobs and marked dispatched. */
  dispatched: number;
  /** Could never become a job (unknown type, malformed payload): marked dispatched with last_error. */
  rejected: number;
  /** Left undispatched because Redis refused or did not answer; attempts and last_error recorded. */
  failed: number;
  error?: string;
}

/** States in which a waiting debounced job will still read the newest data when it runs. */
const ABSORBING_STATES = new Set(['waiting', 'delayed', 'paused']);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer from Redis within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Bull queues as a JobSink. While Redis is down ioredis keeps commands in its offline queue for a long
 * time; the timeout turns that into a prompt failure so the relay can back off. A command that still
 * runs after its timeout only adds a job whose id is deterministic (or whose consumer is idempotent).
 */
export function bullSink(queues: Record<RelayQueueName, Queue>, timeoutMs = 5000): JobSink {
  return {
    async add(queue, name, data, opts) {
      await withTimeout(queues[queue].add(name, data, opts), timeoutMs, `add ${name}`);
    },
    async state(queue, jobId) {
      const job = await withTimeout(queues[queue].getJob(jobId), timeoutMs, `get job ${jobId}`);
      return job ? withTimeout(job.getState(), timeoutMs, `state of ${jobId}`) : null;
    },
  };
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Moves outbox events (PostgreSQL) to Bull. Each call locks a batch with FOR UPDATE SKIP LOCKED, so
 * several relays (one per worker process) share the work without blocking each other or handing out
 * one event twice at the same time. Delivery is at least once: an event whose job was added but whose
 * row could not be marked is sent again later, and deterministic job ids plus idempotent processors
 * absorb that.
 */
export class OutboxRelay {
  constructor(
    private readonly ds: DataSource,
    private readonly sink: JobSink,
  ) {}

  /** Dispatches up to `limit` events. Throws only when PostgreSQL itself fails. */
  async drainOnce(limit = 500): Promise<DrainResult> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    let rows: OutboxRecord[] = [];
    const dispatched: string[] = [];
    const rejected: Array<{ id: string; reason: string }> = [];
    let failure: unknown;
    try {
      await qr.startTransaction();
      rows = await qr.query(
        `SELECT id::text AS id, type, payload FROM outbox_event
         WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) {
        const mapping = jobForEvent(row);
        if (!mapping.ok) {
          rejected.push({ id: row.id, reason: mapping.reason });
          continue;
        }
        try {
          await this.enqueue(mapping.job, row.id);
          dispatched.push(row.id);
        } catch (err) {
          // Redis is down or not answering: the rest of the batch would fail the same way.
          failure = err;
          break;
        }
      }
      // Jobs already in Redis are marked even when a later one failed, so they are not sent twice.
      if (dispatched.length) {
        await qr.query('UPDATE outbox_event SET dispatched_at = now() WHERE id = ANY($1::bigint[])', [dispatched]);
      }
      if (rejected.length) {
        await qr.query(
          `UPDATE outbox_event e SET dispatched_at = now(), attempts = e.attempts + 1, last_error = u.reason
           FROM unnest($1::bigint[], $2::text[]) AS u(id, reason) WHERE e.id = u.id`,
          [rejected.map((r) => r.id), rejected.map((r) => r.reason)],
        );
      }
      await qr.commitTransaction();
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }

    const result: DrainResult = {
      selected: rows.length,
      dispatched: dispatched.length,
      rejected: rejected.length,
      failed: 0,
    };
    if (failure !== undefined) {
      const handled = new Set([...dispatched, ...rejected.map((r) => r.id)]);
      const pending = rows.map((r) => r.id).filter((id) => !handled.has(id));
      result.failed = pending.length;
      result.error = message(failure);
      // Outside the batch transaction: the rows stay undispatched and the next call retries them.
      await this.ds.query(
        'UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])',
        [pending, result.error],
      );
    }
    return result;
  }

  /**
   * Bull ignores an add whose job id exists. For a debounced job that is still waiting this is the
   * point (it will read the newest data); but a job that is already running (or failed and kept) may
   * have read the data before this change, so the event gets a job of its own.
   */
  private async enqueue(job: JobSpec, eventId: string): Promise<void> {
    let opts = job.opts;
    if (job.debounced) {
      const state = await this.sink.state(job.queue, opts.jobId);
      if (state !== null && !ABSORBING_STATES.has(state))
        opts = { ...opts, jobId: undebouncedJobId(opts.jobId, eventId) };
    }
    await this.sink.add(job.queue, job.name, job.data, opts);
  }
}
