import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { EntityManager } from 'typeorm';

/** Rows per chunk written to a COPY stream. */
const COPY_CHUNK_ROWS = 500;

function* chunks(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  let n = 0;
  for (const line of lines) {
    chunk += line;
    if (++n === COPY_CHUNK_ROWS) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/** Lines (COPY text format) as UTF-8 buffers of COPY_CHUNK_ROWS lines each, encoded now. */
export function copyChunks(lines: Iterable<string>): Buffer[] {
  const encoder = new CopyEncoder();
  for (const line of lines) encoder.add(line);
  return encoder.finish().chunks;
}

/** Rows in COPY text form, in the order they are written, as buffers ready for the stream. */
export interface EncodedRows {
  rows: number;
  chunks: Buffer[];
}

/**
 * Encodes COPY lines as they come into UTF-8 buffers of COPY_CHUNK_ROWS lines: buffers live outside
 * the JavaScript heap, so rows waiting for PostgreSQL cost the garbage collector nothing.
 */
export class CopyEncoder {
  private chunk = '';
  private inChunk = 0;
  private rows = 0;
  private readonly chunks: Buffer[] = [];

  add(line: string): void {
    this.chunk += line;
    this.rows += 1;
    if (++this.inChunk === COPY_CHUNK_ROWS) this.flush();
  }

  finish(): EncodedRows {
    this.flush();
    return { rows: this.rows, chunks: this.chunks };
  }

  private flush(): void {
    if (this.chunk === '') return;
    this.chunks.push(Buffer.from(this.chunk, 'utf8'));
    this.chunk = '';
    this.inChunk = 0;
  }
}

/** COPY `lines` (COPY text format, or buffers from copyChunks) into `target` on the transaction's own connection. */
export async function copyInto(
  m: EntityManager,
  target: string,
  lines: Iterable<string> | readonly Buffer[],
): Promise<void> {
  if (!m.queryRunner) throw new Error('bulk writes need the EntityManager of a transaction');
  const client = (await m.queryRunner.connect()) as PoolClient;
  const source = Array.isArray(lines)
    ? Readable.from(lines as readonly Buffer[])
    : Readable.from(chunks(lines as Iterable<string>));
  await pipeline(source, client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}
