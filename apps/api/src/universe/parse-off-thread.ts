import { existsSync } from 'fs';
import { extname, join } from 'path';
import { threadId as mainThreadId, Worker } from 'worker_threads';
import { CatalogueIndex, parseUniverseCsv, UniverseParseResult } from '@apertura/geo';

/**
 * Above this size a universe file is parsed in a worker thread: a 19 MB file used to hold the event loop
 * for seconds, stalling every other request of the process. Small files (the usual case) parse inline,
 * where a thread would cost more than it saves.
 */
export const OFF_THREAD_BYTES = 256 * 1024;

export interface ParsedWhere {
  result: UniverseParseResult;
  /** The thread that parsed (for tests: another thread than the API's for large files). */
  threadId: number;
}

/** Runs the worker file compiled (dist/…/universe-csv.worker.js) or, under tests, from TypeScript through SWC. */
function startWorker(workerData: unknown): Worker {
  const ext = extname(__filename);
  const file = join(__dirname, `universe-csv.worker${ext}`);
  if (ext === '.js') return new Worker(file, { workerData });
  // Sources run by jest or test/support/swc-register.js: the worker compiles the file the same way.
  const register = join(__dirname, '..', '..', '..', '..', 'test', 'support', 'swc-register.js');
  if (!existsSync(register)) throw new Error(`cannot run ${file} without ${register}`);
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
  });
}

export function parseUniverseCsvOffThread(
  text: string,
  catalogue: CatalogueIndex,
  threshold = OFF_THREAD_BYTES,
): Promise<ParsedWhere> {
  if (Buffer.byteLength(text, 'utf8') < threshold)
    return Promise.resolve({ result: parseUniverseCsv(text, catalogue), threadId: mainThreadId });
  return new Promise((resolve, reject) => {
    const worker = startWorker({ text, catalogue });
    let settled = false;
    worker.once('message', (m: ParsedWhere) => {
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`universe parser thread exited with code ${code}`));
    });
  });
}
