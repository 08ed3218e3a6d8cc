import { Module } from '@nestjs/common';
import { RoundValuesModule } from '../common/results/round-values.module';
import { DemographicsController } from './demographics.controller';
import { DemographicsRepository } from './demographics.repository';
import { DemographicsService } from './demographics.service';
import { ReweightedIndicesRepository } from './reweighted-indices.repository';
import { ValidatorsProfileController } from './validators-profile.controller';
import { ValidatorsProfileService } from './validators-profile.service';

/**
 * Who the validators are (issue #18 item 3): optional, consented demographics of citizen validators,
 * stored apart from identity, and published only in aggregate with small-cell suppression.
 */
@Module({
  imports: [RoundValuesModule],
  controllers: [DemographicsController, ValidatorsProfileController],
  providers: [DemographicsRepository, DemographicsService, ReweightedIndicesRepository, ValidatorsProfileService],
})
export class DemographicsModule {}
