import { Module } from '@nestjs/common';
import {
  InstitutionCommitmentsController,
  MilestoneWorkController,
  PublicCommitmentsController,
  StaffCommitmentsController,
} from './commitments.controller';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';
import { VerifiedEmailGuard } from '../citizens/verified-email.guard';
import { ValidatorsRepository } from '../citizens/validators.repository';

/**
 * Commitments after a diagnosis (issue #18 item 1). Milestone verdicts are written by the citizens'
 * verdict engine (WorkService, claim kind `milestone`), not here: this module records commitments,
 * lists milestones to verify, and shows progress.
 */
@Module({
  controllers: [
    PublicCommitmentsController,
    StaffCommitmentsController,
    InstitutionCommitmentsController,
    MilestoneWorkController,
  ],
  // VerifiedEmailGuard reads the flag through ValidatorsRepository (stateless), provided here too.
  providers: [CommitmentsRepository, CommitmentsService, VerifiedEmailGuard, ValidatorsRepository],
})
export class CommitmentsModule {}
