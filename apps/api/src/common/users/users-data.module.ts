import { Module } from '@nestjs/common';
import { UsersRepository } from './users.repository';

/**
 * The account aggregate's data layer (UsersRepository), apart from UsersModule so the features that
 * read or write accounts without managing staff (sign-in, password reset, first run, mail) can import
 * it without a cycle.
 */
@Module({ providers: [UsersRepository], exports: [UsersRepository] })
export class UsersDataModule {}
