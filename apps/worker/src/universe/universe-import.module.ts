import { Module } from '@nestjs/common';
import { UniverseImportRepository } from './universe-import.repository';
import { UniverseImportService } from './universe-import.service';

/**
 * Large universe CSV imports, streamed from PostgreSQL and applied all or nothing (issue #13, item 5).
 * Their processor is registered by processors.ts where the import queue is consumed.
 */
@Module({ providers: [UniverseImportRepository, UniverseImportService], exports: [UniverseImportService] })
export class UniverseImportModule {}
