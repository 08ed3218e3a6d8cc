import { Module } from '@nestjs/common';
import { GuarantorsService } from '../guarantors/guarantors.service';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

/** First run: the one-time setup code and the page that creates the first guarantor. */
@Module({
  controllers: [SetupController],
  providers: [SetupService, GuarantorsService],
  exports: [SetupService],
})
export class SetupModule {}
