import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { AssignmentViews } from './assignments/assignment-view';
import { AssignmentsRepository } from './assignments/assignments.repository';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { ValidationAdminController } from './guarantor/validation-admin.controller';
import { RecruitmentRepository } from './guarantor/recruitment.repository';
import { ValidationAdminService } from './guarantor/validation-admin.service';
import { ProfileController } from './profile/profile.controller';
import { ProfileService } from './profile/profile.service';
import { RegistrationController } from './registration/registration.controller';
import { RegistrationService } from './registration/registration.service';
import { ValidatorsRepository } from './validators.repository';
import { VerifiedEmailGuard } from './verified-email.guard';
import { WorkController } from './work/work.controller';
import { WorkRepository } from './work/work.repository';
import { WorkService } from './work/work.service';

/**
 * Citizen validators (METHOD.md §2–3, citizen perspective): registration and e-mail verification,
 * profile and conflicts of interest, the assignment engine, verdicts, citizen reports, evidence,
 * and the guarantor's side (open/close validation, validators, recruitment planner).
 */
@Module({
  imports: [RoundsDataModule, EvidenceModule],
  controllers: [
    RegistrationController,
    ProfileController,
    AssignmentsController,
    WorkController,
    ValidationAdminController,
  ],
  providers: [
    RegistrationService,
    ValidatorsRepository,
    ProfileService,
    AssignmentsService,
    AssignmentsRepository,
    AssignmentViews,
    WorkService,
    WorkRepository,
    ValidationAdminService,
    RecruitmentRepository,
    VerifiedEmailGuard,
  ],
})
export class CitizensModule {}
