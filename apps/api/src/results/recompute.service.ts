import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { OutboxService } from '../common/outbox/outbox.service';
import { guarantorOf } from '../common/guarantor-of';
import type { RecomputeAcceptedDto } from './dto/results.dto';
import { RoundsRepository } from '../common/rounds/rounds.repository';

/**
 * Requests a full rebuild of a round's results: the run row, its outbox event (the relay turns it
 * into a recompute-round job) and the audit record commit together, or nothing does.
 */
@Injectable()
export class RecomputeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async request(actor: UserPrincipal, roundId: string): Promise<RecomputeAcceptedDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      // KEY SHARE: the round cannot disappear before the run row referencing it is written.
      await this.rounds.findOwned(m, guarantorId, roundId, { lock: 'key_share' });
      const runId = await this.rounds.startRecomputeRun(m, roundId);
      await this.outbox.emit(m, { type: 'round.recompute', payload: { roundId, runId } });
      await this.audit.record(m, actor, {
        action: 'round.recompute',
        entityType: 'round',
        entityId: roundId,
        guarantorId,
        details: { runId },
      });
      return { runId };
    });
  }
}
