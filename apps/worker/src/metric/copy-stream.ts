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

/** COPY `lines` (COPY text format) into `target` on the transaction's own connection. */
export async function copyInto(m: EntityManager, target: string, lines: Iterable<string>): Promise<void> {
  if (!m.queryRunner) throw new Error('bulk writes need the EntityManager of a transaction');
  const client = (await m.queryRunner.connect()) as PoolClient;
  await pipeline(Readable.from(chunks(lines)), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}

