import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { DueProcessSweepService } from './due-process-sweep.service';
import { RefutationNoticeService } from './refutation-notice.service';

/**
 * METHOD.md §3.1 in the worker: refutation notices by mail and the end of reply windows. The notices'
 * processor is registered by processors.ts where the mail queue is consumed.
 */
@Module({
  imports: [MailModule],
  providers: [RefutationNoticeService, DueProcessSweepService],
  exports: [RefutationNoticeService, MailModule],
})
export class DueProcessModule {}
