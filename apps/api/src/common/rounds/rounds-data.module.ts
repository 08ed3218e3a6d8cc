import { Module } from '@nestjs/common';
import { RoundWindowService } from './round-window.service';
import { RoundsRepository } from './rounds.repository';

/**
 * The round aggregate's data layer (RoundsRepository: the caller's round, the round lock) and the
 * submission guard (RoundWindowService), apart from RoundsModule and below every feature, so the features
 * RoundsService itself depends on (invitations, cosign) and those that accept submissions can import them
 * without a cycle.
 */
@Module({
  providers: [RoundsRepository, RoundWindowService],
  exports: [RoundsRepository, RoundWindowService],
})
export class RoundsDataModule {}
