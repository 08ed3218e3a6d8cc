import { Module } from '@nestjs/common';
import { ExportSlots } from './export-slots';
import { PublicExportsController, StaffExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { MicrodataController } from './microdata.controller';
import { MicrodataService } from './microdata.service';

/** Open-data exports (CSV/JSON, streamed) of round results, public for published rounds; staff microdata (CSV/XLSX). */
@Module({
  controllers: [PublicExportsController, StaffExportsController, MicrodataController],
  providers: [ExportSlots, ExportsRepository, ExportsService, MicrodataService],
  exports: [ExportsService],
})
export class ExportsModule {}
