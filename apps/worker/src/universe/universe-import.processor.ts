import { Logger } from '@nestjs/common';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JOBS, QUEUES } from '@apertura/queue';
import type { ImportUniverseJob } from '@apertura/queue';
import { ImportOutcome, UniverseImportService } from './universe-import.service';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Universe import jobs, one at a time per worker (a 20 MB file is CPU-bound for seconds). A transient
 * failure (database, crash) throws and Bull retries; a stalled job (the worker died) is picked up again
 * by Bull. After the last attempt the import is marked failed so the console stops waiting.
 */
@Processor(QUEUES.imports)
export class UniverseImportProcessor {
  private readonly logger = new Logger('UniverseImport');

  constructor(private readonly imports: UniverseImportService) {}

  @Process({ name: JOBS.importUniverse, concurrency: 1 })
  async importUniverse(job: Job<ImportUniverseJob>): Promise<ImportOutcome> {
    try {
      const outcome = await this.imports.run(job.data.importId);
      if (outcome === 'missing') this.logger.warn(`universe import ${job.data.importId} not found; job dropped`);
      return outcome;
    } catch (err) {
      this.logger.error(`universe import ${job.data.importId}, attempt ${job.attemptsMade + 1}: ${messageOf(err)}`);
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.imports.giveUp(job.data.importId).catch((e: unknown) => this.logger.error(`could not record the failure of import ${job.data.importId}: ${messageOf(e)}`));
      }
      throw err;
    }
  }
}
