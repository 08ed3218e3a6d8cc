import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit.module';
import { PublicFeedbackController, StaffFeedbackController } from './feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';

/** Public feedback on published results (issue #18 item 4): reports, the operator's triage, public status. */
@Module({
  imports: [RateLimitModule],
  controllers: [PublicFeedbackController, StaffFeedbackController],
  providers: [FeedbackRepository, FeedbackService],
})
export class FeedbackModule {}
