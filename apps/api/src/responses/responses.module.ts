import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { RespondController } from './respond.controller';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';
import { StaffResponsesController } from './staff-responses.controller';
import { StaffResponsesService } from './staff-responses.service';

/** Self-reports: the institution's questionnaire flow (invitation link) and the staff views. */
@Module({
  imports: [RoundsDataModule, EvidenceModule],
  controllers: [RespondController, StaffResponsesController],
  providers: [ResponsesRepository, ResponsesService, StaffResponsesService],
})
export class ResponsesModule {}
