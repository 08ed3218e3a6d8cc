import { Module } from '@nestjs/common';
import { UniverseImportProcessor } from './universe-import.processor';
import { UniverseImportRepository } from './universe-import.repository';
import { UniverseImportService } from './universe-import.service';

/** Large universe CSV imports, streamed from PostgreSQL and applied all or nothing (issue #13, item 5). */
@Module({ providers: [UniverseImportRepository, UniverseImportService, UniverseImportProcessor] })
export class UniverseImportModule {}
