import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import { openSmtpEndpoint, SMTP_ENDPOINT } from './mail-catcher';
import { MailDeliveryService } from './mail-delivery.service';
import { MailLedger } from './mail-ledger';
import { MailTransport } from './mail.transport';

/**
 * Sends invitation, reminder, e-mail verification and test mails from the mail queue, through
 * SMTP_URL or, in development, the embedded catcher. Exports the transport and the ledger to the
 * other mail senders (refutation notices), so one worker has one catcher and one connection pool.
 */
@Module({
  providers: [
    {
      provide: SMTP_ENDPOINT,
      inject: [ENV, getDataSourceToken()],
      useFactory: (env: Env, ds: DataSource) => openSmtpEndpoint(env, ds),
    },
    MailTransport,
    MailLedger,
    MailDeliveryService,
  ],
  // The delivery service for the mail queue's processor (processors.ts registers it where the queue is consumed).
  exports: [MailTransport, MailLedger, MailDeliveryService],
})
export class MailModule {}
