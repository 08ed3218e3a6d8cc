/**
 * COPY … FROM STDIN in PostgreSQL's text format, written as rows are generated (bounded memory,
 * backpressure respected). The loader of the benchmark generator: bulk rows never go through
 * INSERT statements.
 */
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

/** Text-format field: backslash, tab, newline and carriage return escaped; null is \N. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  // indexOf scans are much faster than a regex on long JSON values, which rarely need escaping.
  if (v.indexOf('\\') === -1 && v.indexOf('\n') === -1 && v.indexOf('\t') === -1 && v.indexOf('\r') === -1) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const CHUNK_BYTES = 256 * 1024;

/** One COPY in progress on one connection. */
export class CopyWriter {
  private buffer: string[] = [];
  private size = 0;
  private finished: Promise<void>;
  rows = 0;

  private constructor(private readonly stream: NodeJS.WritableStream) {
    this.finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    // Errors surface through `finished`; keep them from becoming unhandled in the meantime.
    this.finished.catch(() => undefined);
  }

  static start(client: ClientBase, table: string, columns: readonly string[]): CopyWriter {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    return new CopyWriter(stream);
  }

  async row(values: readonly CopyValue[]): Promise<void> {
    const line = values.map(copyField).join('\t') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= CHUNK_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) {
      await Promise.race([new Promise<void>((resolve) => this.stream.once('drain', () => resolve())), this.finished]);
    }
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.finished;
    return this.rows;
  }
}

/** COPY a whole iterable of rows. */
export async function copyRows(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const w = CopyWriter.start(client, table, columns);
  for (const r of rows) await w.row(r);
  return w.end();
}
