import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { UniverseController } from './universe.controller';
import { UniverseImportsRepository } from './universe-imports.repository';
import { UniverseImportsService } from './universe-imports.service';
import { UniverseRepository } from './universe.repository';
import { UniverseService } from './universe.service';

/** Universe of obliged subjects (CSV import, listing) and the public municipal catalogue. */
@Module({
  controllers: [UniverseController, CatalogueController],
  providers: [
    UniverseService,
    UniverseRepository,
    CatalogueService,
    CatalogueRepository,
    UniverseImportsService,
    UniverseImportsRepository,
  ],
  exports: [UniverseService, CatalogueService],
})
export class UniverseModule {}
