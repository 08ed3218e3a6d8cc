/**
 * Thread entry of rankRowsOffThread: ranks the inputs it is given and posts the rows back. Pure
 * computation on copies of plain data; the thread ends with it.
 */
import { parentPort, threadId, workerData } from 'worker_threads';
import { rankRows, type RankInputs } from './rank-rows';

const { roundId, inputs } = workerData as { roundId: string; inputs: RankInputs };
parentPort?.postMessage({ rows: rankRows(roundId, inputs), threadId });
