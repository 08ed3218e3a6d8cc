import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RoundEntity } from '@apertura/db';
import { notFound } from '../common/domain-error';
import { assertAcceptsSubmissions } from './round-window';

/**
 * The guard every submission path calls (responses, verdicts, citizen reports). Kept apart from
 * RoundsService so modules that RoundsService itself depends on (invitations) can use it without a cycle.
 */
@Injectable()
export class RoundWindowService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Loads the round and throws ROUND_NOT_OPEN / ROUND_CLOSED (409) unless it accepts submissions now.
   * Pass the submission's transaction manager: the round row is then key-share locked until commit,
   * so closing the round (which locks it FOR UPDATE) waits for in-flight submissions and none lands after it.
   */
  async requireOpenForSubmissions(
    roundId: string,
    manager?: EntityManager,
    now: Date = new Date(),
  ): Promise<RoundEntity> {
    const m = manager ?? this.ds.manager;
    const round = await m.findOne(RoundEntity, {
      where: { id: roundId },
      ...(manager ? { lock: { mode: 'for_key_share' as const } } : {}),
    });
    if (!round) throw notFound('ronda', 'roundId');
    assertAcceptsSubmissions(round, now);
    return round;
  }
}
