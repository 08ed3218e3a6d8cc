import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { InvitationsController, RespondOpenController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** Invitations of institutions to rounds (RoundsService calls createForRound when a round opens). */
@Module({
  imports: [RoundsDataModule],
  controllers: [InvitationsController, RespondOpenController],
  providers: [InvitationsService, InvitationsRepository],
  exports: [InvitationsService],
})
export class InvitationsModule {}
