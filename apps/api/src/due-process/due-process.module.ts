import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { DisputesController } from './disputes.controller';
import { DueProcessRepository } from './due-process.repository';
import { DueProcessService } from './due-process.service';
import { ReplyController } from './reply.controller';

/** Right of reply (METHOD.md §3.1) and the guarantor's no-steering checks (issue #13). */
@Module({
  imports: [RoundsDataModule, EvidenceModule],
  controllers: [ReplyController, DisputesController],
  providers: [DueProcessService, DueProcessRepository],
})
export class DueProcessModule {}
