import { Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';

/** Mail as staff see it (deliveries, the development catcher, a test mail); the worker sends. */
@Module({ controllers: [MailController], providers: [MailRepository, MailService], exports: [MailRepository] })
export class MailModule {}
