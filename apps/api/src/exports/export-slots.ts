import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable, Transform } from 'stream';
import { pipeline } from 'stream/promises';
import { ENV, Env } from '@apertura/config';
import { ExportErrors } from './exports.errors';

/**
 * Each running export holds one pooled connection for as long as the client reads; past this many
 * at once a request is refused (503) rather than starving the rest of the API of connections.
 */
export const MAX_CONCURRENT_EXPORTS = 4;

/** Client went away mid-download: expected, not a server fault. */
const isAbort = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';

/** Why the server ended a download itself: its client stopped reading, or it outlived the deadline. */
type CutReason = 'idle' | 'deadline';

/**
 * Ends a download whose client stopped reading or that outlived its deadline. "Stopped reading" is
 * measured on the response itself: it has been waiting for the client to drain its buffer (socket
 * buffers full) for `idleMs` without a single 'drain'. A slow query or a slow but steady reader is
 * not idle; only the deadline bounds those. Destroying the response unwinds the whole pipeline: the
 * cursor closes, its connection returns to the pool and the slot is freed (issue #13: four stalled
 * readers held every slot).
 */
function watchdog(res: Response, idleMs: number, deadlineMs: number): { stop(): void; cutFor(): CutReason | null } {
  let reason: CutReason | null = null;
  const cut = (why: CutReason): void => {
    if (res.destroyed) return;
    reason = why;
    res.destroy();
  };
  let waitingSince: number | null = null;
  const onDrain = (): void => {
    waitingSince = null;
  };
  res.on('drain', onDrain);
  const poll = setInterval(
    () => {
      if (!res.writableNeedDrain) waitingSince = null;
      else if (waitingSince === null) waitingSince = Date.now();
      else if (Date.now() - waitingSince >= idleMs) cut('idle');
    },
    Math.max(25, Math.min(1000, Math.floor(idleMs / 4))),
  );
  const deadline = setTimeout(() => cut('deadline'), deadlineMs);
  return {
    cutFor: () => reason,
    stop() {
      clearInterval(poll);
      clearTimeout(deadline);
      res.off('drain', onDrain);
    },
  };
}

/**
 * The download slots and stall/deadline protections every streamed export shares (open-data files
 * and staff microdata): one counter, so the limit holds across both kinds.
 */
@Injectable()
export class ExportSlots {
  private readonly logger = new Logger('Exports');
  private running = 0;

  constructor(@Inject(ENV) private readonly env: Env) {}

  /**
   * Runs `open` (which opens the cursor(s)) inside a slot, then streams its stages into `res` under
   * the watchdog. Refuses with 503 SERVICE_UNAVAILABLE when every slot is taken. Headers are set by
   * `headers` only once the source is open, so a failing query still answers with a JSON error.
   */
  async stream(
    what: string,
    res: Response,
    headers: Record<string, string>,
    open: () => Promise<[Readable, ...Transform[]]>,
  ): Promise<void> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      throw ExportErrors.tooManyDownloads();
    }
    this.running++;
    try {
      const stages = await open();
      res.status(200);
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const guard = watchdog(res, this.env.EXPORT_IDLE_TIMEOUT_MS, this.env.EXPORT_DEADLINE_MS);
      try {
        await pipeline([...stages, res]);
      } catch (err) {
        // Headers are gone by now: the only honest signal left is the truncated (reset) response.
        const cut = guard.cutFor();
        if (cut !== null)
          this.logger.warn(
            `export ${what} cut (${cut === 'idle' ? 'client stopped reading' : 'deadline'}); slot freed`,
          );
        else if (isAbort(err)) this.logger.debug(`export ${what} aborted by the client`);
        else
          this.logger.error(
            `export ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
          );
        for (const s of stages) s.destroy();
      } finally {
        guard.stop();
      }
    } finally {
      this.running--;
    }
  }
}
