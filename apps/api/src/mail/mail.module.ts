import { Module } from '@nestjs/common';
import { RoundsDataModule } from '../common/rounds/rounds-data.module';
import { UsersDataModule } from '../common/users/users-data.module';
import { MailController } from './mail.controller';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';
import { MailTemplatesService } from './mail-templates.service';

/** Mail as staff see it (deliveries, the development catcher, a test mail); the worker sends. */
@Module({
  imports: [RoundsDataModule, UsersDataModule],
  controllers: [MailController],
  providers: [MailRepository, MailService, MailTemplatesService],
  exports: [MailRepository],
})
export class MailModule {}
