import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ValidatorMailService } from './validator-mail.service';
import { ValidatorSweepService } from './validator-sweep.service';

/**
 * Issue #16 in the worker: validators' mails (new work, expiry reminders, digests) and their sweep. The
 * mails' processor is registered by processors.ts where the mail queue is consumed.
 */
@Module({
  imports: [MailModule],
  providers: [ValidatorMailService, ValidatorSweepService],
  exports: [ValidatorMailService, MailModule],
})
export class ValidatorMailModule {}
