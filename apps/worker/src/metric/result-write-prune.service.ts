import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pruneResultWrites } from '@apertura/db';
import { PeriodicTask } from '../periodic-task';

/** How often the result-write log is folded into its tally. */
export const RESULT_WRITE_PRUNE_MS = 60_000;

/**
 * Keeps the result-write log short (migration 1765400000001): every minute its rows become counts,
 * so the cached public reads that count it (co-signature hash, overview distribution) stay cheap
 * during live collection, when every institution and area job adds a row.
 */
@Injectable()
export class ResultWritePruneService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicTask;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.periodic = new PeriodicTask(
      'result-write pruning',
      RESULT_WRITE_PRUNE_MS,
      () => this.prune(),
      new Logger('ResultWrites'),
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  /** Folds the log into its tally now; the rows moved. */
  prune(): Promise<number> {
    return pruneResultWrites(this.ds.manager);
  }
}
