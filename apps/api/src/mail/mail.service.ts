import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV, Env, usesMailCatcher } from '@apertura/config';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { MailErrors } from './mail.errors';
import { guarantorOf } from '../common/guarantor-of';
import { OutboxService } from '../common/outbox/outbox.service';
import {
  CapturedPageDto,
  DeliveryPageDto,
  ListDeliveriesQueryDto,
  MailResentDto,
  TestMailQueuedDto,
} from './dto/mail.dto';
import { MailRepository } from './mail.repository';
import { RoundsRepository } from '../common/rounds/rounds.repository';
import { UsersRepository } from '../common/users/users.repository';

const DAY_MS = 86_400_000;

/** Staff's view of the mail: where each message stands, what the development catcher caught, a test mail. */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly repo: MailRepository,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async deliveries(actor: UserPrincipal, q: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    const guarantorId = guarantorOf(actor);
    if (q.roundId) await this.rounds.findOwned(this.ds.manager, guarantorId, q.roundId);
    const [counts, last24h, page] = await Promise.all([
      this.repo.counts(guarantorId, q.roundId),
      this.repo.counts(guarantorId, q.roundId, new Date(Date.now() - DAY_MS)),
      this.repo.deliveries({
        guarantorId,
        roundId: q.roundId,
        outcome: q.outcome,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      }),
    ]);
    return { counts, last24h, ...page };
  }

  /** The development catcher's messages; in production the route does not exist (404). */
  async captured(actor: UserPrincipal, page: number, pageSize: number): Promise<CapturedPageDto> {
    if (this.env.NODE_ENV === 'production') throw notFound('captured mail');
    const result = await this.repo.captures(guarantorOf(actor), actor.userId, pageSize, (page - 1) * pageSize);
    return { catcher: usesMailCatcher(this.env), ...result };
  }

  async sendTest(actor: UserPrincipal, to: string | undefined): Promise<TestMailQueuedDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const recipient = to ?? (await this.users.emailOf(m, actor.userId));
      if (!recipient) throw notFound('e-mail address of the account', 'to');
      const eventId = await this.outbox.emit(m, { type: 'mail.test', payload: { to: recipient, guarantorId } });
      await this.audit.record(m, actor, {
        action: 'mail.test',
        entityType: 'mail',
        entityId: eventId,
        guarantorId,
        details: { to: recipient },
      });
      return { eventId, to: recipient };
    });
  }

  /**
   * Re-sends a mail that failed or was given up: a copy of its outbox event goes through the relay and
   * the worker like the first one (a new delivery row, a new attempt, the same link), and the old row
   * ends 'resent' so it stops counting as trouble and a pending retry of it sends nothing.
   */
  async resend(actor: UserPrincipal, eventId: string): Promise<MailResentDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const row = await this.repo.lockForResend(m, guarantorId, eventId);
      if (!row) throw notFound('mail', 'eventId');
      if (row.outcome === 'sent') {
        throw MailErrors.alreadySent();
      }
      if (row.outcome !== 'failed' && row.outcome !== 'given_up') {
        throw MailErrors.notResendable(row.outcome, row.resentAs);
      }
      const newEventId = await this.repo.copyEvent(m, eventId);
      await this.repo.markResent(m, eventId, newEventId);
      await this.audit.record(m, actor, {
        action: 'mail.resend',
        entityType: 'mail',
        entityId: newEventId,
        guarantorId,
        details: { resentFrom: eventId, kind: row.kind, previousOutcome: row.outcome },
      });
      return { eventId: newEventId, resentFrom: eventId, to: row.recipient };
    });
  }
}
