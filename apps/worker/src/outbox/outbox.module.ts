import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '@apertura/queue';
import { OutboxRelayService } from './outbox-relay.service';

/** The outbox relay loop (PostgreSQL → Bull). */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.mail }, { name: QUEUES.metric })],
  providers: [OutboxRelayService],
})
export class OutboxModule {}
