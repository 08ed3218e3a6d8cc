import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { notFound } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import { guarantorOf } from '../common/guarantor-of';
import type { RecomputeAcceptedDto } from './dto/results.dto';

/**
 * Requests a full rebuild of a round's results: the run row, its outbox event (the relay turns it
 * into a recompute-round job) and the audit record commit together, or nothing does.
 */
@Injectable()
export class RecomputeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async request(actor: UserPrincipal, roundId: string): Promise<RecomputeAcceptedDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      // KEY SHARE: the round cannot disappear before the run row referencing it is written.
      const round: unknown[] = await m.query('SELECT id FROM round WHERE id = $1 AND guarantor_id = $2 FOR KEY SHARE', [
        roundId,
        guarantorId,
      ]);
      if (round.length === 0) throw notFound('ronda', 'roundId');
      const [run]: Array<{ id: string }> = await m.query(
        `INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id`,
        [roundId],
      );
      await this.outbox.emit(m, { type: 'round.recompute', payload: { roundId, runId: run.id } });
      await this.audit.record(m, actor, {
        action: 'round.recompute',
        entityType: 'round',
        entityId: roundId,
        guarantorId,
        details: { runId: run.id },
      });
      return { runId: run.id };
    });
  }
}
