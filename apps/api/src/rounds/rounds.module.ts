import { Module } from '@nestjs/common';
import { CosignModule } from '../cosign/cosign.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { UniverseModule } from '../universe/universe.module';
import { RoundWindowModule } from './round-window.module';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/**
 * Rounds and their lifecycle. Exports RoundsService and RoundWindowModule (requireOpenForSubmissions)
 * for the modules that accept submissions.
 */
@Module({
  imports: [InvitationsModule, UniverseModule, RoundWindowModule, CosignModule],
  controllers: [RoundsController],
  providers: [RoundsService],
  exports: [RoundsService, RoundWindowModule],
})
export class RoundsModule {}
