import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { CosignerController, PublicCosignController, StaffCosignController } from './cosign.controller';
import { CosignRepository } from './cosign.repository';
import { CosignService } from './cosign.service';

/**
 * Co-signed rounds (issue #18 item 2): co-signers, their decisions, the quorum gate on publication and
 * the public record. Exports CosignService for RoundsService (the gate in the publication transaction).
 */
@Module({
  imports: [ExportsModule],
  controllers: [StaffCosignController, CosignerController, PublicCosignController],
  providers: [CosignRepository, CosignService],
  exports: [CosignService],
})
export class CosignModule {}
