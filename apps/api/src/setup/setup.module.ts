import { Module } from '@nestjs/common';
import { GuarantorsRepository } from '../guarantors/guarantors.repository';
import { GuarantorsService } from '../guarantors/guarantors.service';
import { UsersDataModule } from '../common/users/users-data.module';
import { SetupController } from './setup.controller';
import { SetupRepository } from './setup.repository';
import { SetupService } from './setup.service';

/** First run: the one-time setup code and the page that creates the first guarantor. */
@Module({
  imports: [UsersDataModule],
  controllers: [SetupController],
  providers: [SetupService, SetupRepository, GuarantorsRepository, GuarantorsService],
  exports: [SetupService],
})
export class SetupModule {}
