import { Injectable } from '@nestjs/common';
import { previewUniverse, upsertUniverse } from '@apertura/db';
import type { JsonObject } from '@apertura/db';
import { parseUniverseCsvStream, universeInvalidReport } from '@apertura/geo';
import { ImportProgress, UniverseImportRepository } from './universe-import.repository';

/** Progress is written at most once per this many bytes read (each write is a query). */
const PROGRESS_EVERY_BYTES = 256 * 1024;

export type ImportOutcome = 'done' | 'failed' | 'already-finished' | 'missing';

const json = (v: object): JsonObject => JSON.parse(JSON.stringify(v)) as JsonObject;

/**
 * Carries out a universe import stored by the API: reads its bytes as a stream (never the whole file
 * as one string), validates with the rules of the synchronous route (libs/geo), then upserts all rows
 * in one transaction that also writes the audit record and marks the import done. A crash at any
 * point leaves the universe untouched and the import unfinished; the retried job starts again from
 * the stored bytes.
 */
@Injectable()
export class UniverseImportService {
  constructor(private readonly repo: UniverseImportRepository) {}

  async run(importId: string): Promise<ImportOutcome> {
    const imp = await this.repo.claim(importId);
    if (imp === 'finished') return 'already-finished';
    if (imp === 'missing') return 'missing';
    const catalogue = await this.repo.catalogueIndex();
    let last: ImportProgress = { bytes: 0, rows: 0, errorCount: 0 };
    let written = 0;
    const parsed = await parseUniverseCsvStream(this.repo.chunks(importId), catalogue, {
      onProgress: async (p) => {
        last = p;
        if (p.bytes - written < PROGRESS_EVERY_BYTES && p.bytes < imp.totalBytes) return;
        written = p.bytes;
        await this.repo.progress(importId, p);
      },
    });
    const final: ImportProgress = { bytes: last.bytes, rows: parsed.rowsRead, errorCount: parsed.errorCount };
    await this.repo.progress(importId, final, 'validating');
    if (parsed.errorCount > 0) {
      await this.repo.finish(importId, async () => ({
        state: 'failed',
        error: json(universeInvalidReport(parsed)),
        progress: final,
      }));
      return 'failed';
    }
    if (!imp.dryRun) await this.repo.progress(importId, final, 'importing');
    const finished = await this.repo.finish(importId, async (m) => {
      if (imp.dryRun)
        return { state: 'done', result: json(await previewUniverse(m, imp.guarantorId, parsed.rows)), progress: final };
      const result = json(await upsertUniverse(m, imp.guarantorId, parsed.rows));
      await this.repo.audit(m, imp, { ...result, importId });
      return { state: 'done', result, progress: final };
    });
    return finished ? 'done' : 'already-finished';
  }

  /** Records a job that will not be retried (no attempt left): the console must not wait forever. */
  async giveUp(importId: string): Promise<void> {
    await this.repo.finish(importId, async () => ({
      state: 'failed',
      error: {
        code: 'INTERNAL',
        message: 'The import could not be completed; nothing was imported. Try again.',
        messages: {
          es: 'No se pudo completar la importación; no se importó nada. Intente de nuevo.',
          en: 'The import could not be completed; nothing was imported. Try again.',
        },
      },
      progress: { bytes: 0, rows: 0, errorCount: 0 },
    }));
  }
}
