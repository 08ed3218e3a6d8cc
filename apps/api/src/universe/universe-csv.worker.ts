/**
 * Worker-thread entry point: parses a universe CSV off the API's event loop (see parse-off-thread.ts).
 * workerData = { text, catalogue }; posts back { result, threadId }.
 */
import { parentPort, threadId, workerData } from 'worker_threads';
import { CatalogueIndex, parseUniverseCsv } from '@apertura/geo';

const { text, catalogue } = workerData as { text: string; catalogue: CatalogueIndex };
parentPort?.postMessage({ result: parseUniverseCsv(text, catalogue), threadId });
