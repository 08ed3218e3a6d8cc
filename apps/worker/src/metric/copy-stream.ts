import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { EntityManager } from 'typeorm';

/** Bytes per buffer handed to a COPY stream (a line longer than this gets a buffer of its own size). */
const COPY_CHUNK_BYTES = 1 << 20;
/** The most UTF-8 bytes one UTF-16 code unit takes (3 for e.g. `Σ`; a surrogate pair is 4 bytes for 2 units). */
const MAX_UTF8_PER_UNIT = 3;

/** Rows in COPY text form, in the order they are written, as buffers ready for the stream. */
export interface EncodedRows {
  rows: number;
  chunks: Buffer[];
}

/**
 * Encodes COPY lines as they come, straight into UTF-8 buffers of about COPY_CHUNK_BYTES: buffers
 * live outside the JavaScript heap, so rows waiting for PostgreSQL cost the garbage collector nothing.
 * Each line is written on its own: concatenating a chunk's lines first builds a rope that
 * Buffer.from must flatten, which cost ≈ 3 s of a national rebuild's CPU (measured: 4.8 s against
 * 2.2 s to encode 200 MB of result rows).
 */
export class CopyEncoder {
  private buffer: Buffer | null = null;
  private used = 0;
  private rows = 0;
  private readonly chunks: Buffer[] = [];

  add(line: string): void {
    const room = line.length * MAX_UTF8_PER_UNIT;
    if (this.buffer === null || this.buffer.length - this.used < room) {
      this.flush();
      this.buffer = Buffer.allocUnsafe(Math.max(COPY_CHUNK_BYTES, room));
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
    this.rows += 1;
  }

  finish(): EncodedRows {
    this.flush();
    return { rows: this.rows, chunks: this.chunks };
  }

  private flush(): void {
    if (this.buffer !== null && this.used > 0) this.chunks.push(this.buffer.subarray(0, this.used));
    this.buffer = null;
    this.used = 0;
  }
}

function* encodedChunks(lines: Iterable<string>): Generator<Buffer> {
  let encoder = new CopyEncoder();
  let n = 0;
  for (const line of lines) {
    encoder.add(line);
    // Streamed a few thousand lines at a time, so a long iterable is never held whole.
    if (++n % 2000 === 0) {
      yield* encoder.finish().chunks;
      encoder = new CopyEncoder();
    }
  }
  yield* encoder.finish().chunks;
}

/** COPY `lines` (COPY text format, or buffers from a CopyEncoder) into `target` on the transaction's own connection. */
export async function copyInto(
  m: EntityManager,
  target: string,
  lines: Iterable<string> | readonly Buffer[],
): Promise<void> {
  if (!m.queryRunner) throw new Error('bulk writes need the EntityManager of a transaction');
  const client = (await m.queryRunner.connect()) as PoolClient;
  const source = Array.isArray(lines)
    ? Readable.from(lines as readonly Buffer[])
    : Readable.from(encodedChunks(lines as Iterable<string>));
  await pipeline(source, client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}
