import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { UsersDataModule } from '../common/users/users-data.module';
import { StaffInviteController, UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [UsersDataModule, MailModule],
  controllers: [UsersController, StaffInviteController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
