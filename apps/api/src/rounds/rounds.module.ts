import { Module } from '@nestjs/common';
import { CosignModule } from '../cosign/cosign.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { UniverseModule } from '../universe/universe.module';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/**
 * Rounds and their lifecycle. Exports RoundsService and RoundsDataModule (the rounds repository and
 * requireOpenForSubmissions) for the modules that accept submissions.
 */
@Module({
  imports: [InvitationsModule, UniverseModule, RoundsDataModule, CosignModule],
  controllers: [RoundsController],
  providers: [RoundsService],
  exports: [RoundsService, RoundsDataModule],
})
export class RoundsModule {}
