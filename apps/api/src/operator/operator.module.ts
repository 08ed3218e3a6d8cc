import { Module } from '@nestjs/common';
import { OperatorController, PublicOperatorController } from './operator.controller';
import { OperatorRepository } from './operator.repository';
import { OperatorService } from './operator.service';

/** The operator profile (issue #18): public name and kind of the body that runs rounds. */
@Module({
  controllers: [OperatorController, PublicOperatorController],
  providers: [OperatorRepository, OperatorService],
})
export class OperatorModule {}
