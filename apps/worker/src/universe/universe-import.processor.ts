import { Logger } from '@nestjs/common';
import { JOBS, OnQueueFailed, Process, Processor, QUEUES } from '@apertura/queue';
import type { ImportUniverseJob, Job } from '@apertura/queue';
import { ImportOutcome, UniverseImportService } from './universe-import.service';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Universe import jobs, one at a time per worker (a 20 MB file is CPU-bound for seconds). A transient
 * failure (database, crash) throws and Bull retries; a stalled job (the worker died) is picked up again
 * by Bull. When Bull gives up, the import is marked failed so the console stops waiting.
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
      throw err;
    }
  }

  /**
   * A job Bull will not run again — last attempt, or stalled too often because its workers died — ends
   * the import as failed (nothing was imported), even when the job never reached its own catch.
   */
  @OnQueueFailed()
  async onFailed(job: Job<ImportUniverseJob>): Promise<void> {
    if (job.name !== JOBS.importUniverse || typeof job.data?.importId !== 'string') return;
    try {
      if ((await job.getState()) !== 'failed') return;
      await this.imports.giveUp(job.data.importId);
    } catch (err) {
      this.logger.error(`could not record the failure of import ${job.data.importId}: ${messageOf(err)}`);
    }
  }
}
