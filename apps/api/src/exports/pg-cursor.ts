import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A SELECT read through a server-side cursor (pg-query-stream): rows arrive `batchSize` at a time,
 * only when the consumer asks for more, so memory does not grow with the result.
 *
 * The connection comes straight from TypeORM's pool and goes back exactly once, when the stream
 * closes. An early close (client abort) closes the portal and waits for ReadyForQuery before
 * 'close' fires, so the connection returns clean; after an error it is destroyed instead.
 */
export async function openCursor(
  ds: DataSource,
  text: string,
  values: unknown[],
  batchSize = 500,
): Promise<QueryStream> {
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const client = await pool.connect();
  const stream = new QueryStream(text, values, { batchSize });
  let failure: Error | undefined;
  let released = false;
  // A connection failure while the cursor waits between batches must end the stream, not the process.
  const onClientError = (err: Error): void => {
    stream.destroy(err);
  };
  client.on('error', onClientError);
  stream.once('error', (err: Error) => {
    failure = err;
  });
  stream.once('close', () => {
    if (released) return;
    released = true;
    client.off('error', onClientError);
    client.release(failure);
  });
  client.query(stream);
  return stream;
}
