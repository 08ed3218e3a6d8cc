import { Module } from '@nestjs/common';
import { ReminderSweepService } from './reminder-sweep.service';

/** Scheduled invitation reminders (the mail module sends them). */
@Module({ providers: [ReminderSweepService], exports: [ReminderSweepService] })
export class InvitationRemindersModule {}
