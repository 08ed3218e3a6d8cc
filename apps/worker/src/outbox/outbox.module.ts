import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';

/** The outbox relay loop (PostgreSQL → Bull). */
@Module({ providers: [OutboxRelayService] })
export class OutboxModule {}
