import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { DueProcessSweepService } from './due-process-sweep.service';
import { RefutationNoticeProcessor, RefutationNoticeService } from './refutation-notice.service';

/** METHOD.md §3.1 in the worker: refutation notices by mail and the end of reply windows. */
@Module({
  imports: [MailModule],
  providers: [RefutationNoticeService, RefutationNoticeProcessor, DueProcessSweepService],
})
export class DueProcessModule {}
