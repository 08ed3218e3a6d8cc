import { Module } from '@nestjs/common';
import { StaffInviteController, UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController, StaffInviteController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
