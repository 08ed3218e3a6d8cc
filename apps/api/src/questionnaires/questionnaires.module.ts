import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { QuestionnairesController } from './questionnaires.controller';
import { QuestionnairesRepository } from './questionnaires.repository';
import { QuestionnairesService } from './questionnaires.service';

/** Immutable, linted questionnaire versions of a guarantor. */
@Module({
  imports: [RoundsDataModule],
  controllers: [QuestionnairesController],
  providers: [QuestionnairesService, QuestionnairesRepository],
  exports: [QuestionnairesService],
})
export class QuestionnairesModule {}
