import { Module } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { MailProcessor } from './mail.processor';
import { MailTransport } from './mail.transport';

/** Sends invitation, reminder and e-mail verification mails from the mail queue. */
@Module({ providers: [MailTransport, MailDeliveryService, MailProcessor] })
export class MailModule {}
