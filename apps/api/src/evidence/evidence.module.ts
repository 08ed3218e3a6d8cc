import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../rounds/rounds-data.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

/** Evidence files of self-reports (stored in PostgreSQL with their sha256 and sniffed type). */
@Module({
  imports: [RoundsDataModule],
  controllers: [EvidenceController],
  providers: [EvidenceService],
  exports: [EvidenceService],
})
export class EvidenceModule {}
