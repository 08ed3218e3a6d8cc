import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ValidatorMailProcessor, ValidatorMailService } from './validator-mail.service';
import { ValidatorSweepService } from './validator-sweep.service';

/** Issue #16 in the worker: validators' mails (new work, expiry reminders, digests) and their sweep. */
@Module({ imports: [MailModule], providers: [ValidatorMailService, ValidatorMailProcessor, ValidatorSweepService] })
export class ValidatorMailModule {}
