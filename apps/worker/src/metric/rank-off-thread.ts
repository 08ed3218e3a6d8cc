import { existsSync } from 'fs';
import { extname, join } from 'path';
import { Worker } from 'worker_threads';
import { rankRows, type RankInputs, type RankRow } from './rank-rows';

/** Runs the thread file compiled (dist/…/rank-rows.worker.js) or, under tests and benchmarks, from TypeScript through SWC. */
function startThread(workerData: unknown): Worker {
  const ext = extname(__filename);
  const file = join(__dirname, `rank-rows.worker${ext}`);
  if (ext === '.js') return new Worker(file, { workerData });
  // Sources run by jest or test/support/swc-register.js: the thread compiles the file the same way.
  const register = join(__dirname, '..', '..', '..', '..', 'test', 'support', 'swc-register.js');
  if (!existsSync(register)) throw new Error(`cannot run ${file} without ${register}`);
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
  });
}

/** Rows ranked by a thread, and which thread (tests: not the caller's). */
export interface RankedInThread {
  rows: RankRow[];
  threadId: number;
}

/** rankRows(roundId, inputs) in a new worker thread; rejects when the thread cannot start or dies. */
export function rankRowsInThread(roundId: string, inputs: RankInputs): Promise<RankedInThread> {
  return new Promise((resolve, reject) => {
    const thread = startThread({ roundId, inputs });
    let settled = false;
    thread.once('message', (m: RankedInThread) => {
      settled = true;
      resolve(m);
      void thread.terminate();
    });
    thread.once('error', (err) => {
      settled = true;
      reject(err);
    });
    thread.once('exit', (code) => {
      if (!settled) reject(new Error(`ranking thread exited with code ${code}`));
    });
  });
}

/**
 * rankRows(roundId, inputs) in a worker thread. A rebuild ranks its 12,000 institutions (≈ 3 s of CPU
 * at national size) there while the main thread aggregates and ranks the areas and PostgreSQL stores
 * the last rows: the same pure function on a copy of the same inputs, so the same rows. Should the
 * thread fail (it cannot start, or dies), the rows are computed here instead: slower, never different,
 * and an error of the computation itself surfaces from that run.
 */
export async function rankRowsOffThread(roundId: string, inputs: RankInputs): Promise<RankRow[]> {
  let ranked: RankedInThread;
  try {
    ranked = await rankRowsInThread(roundId, inputs);
  } catch {
    return rankRows(roundId, inputs);
  }
  return ranked.rows;
}
