import { Module } from '@nestjs/common';
import { PublicExportsController, StaffExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Open-data exports (CSV/JSON, streamed) of round results, public for published rounds. */
@Module({
  controllers: [PublicExportsController, StaffExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
