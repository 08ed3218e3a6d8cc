import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertAcceptsSubmissions } from './round-window';
import { LockedRound, RoundRecord, RoundsRepository } from './rounds.repository';

/**
 * The guard every submission path calls (responses, verdicts, citizen reports). Kept apart from
 * RoundsService so modules that RoundsService itself depends on (invitations) can use it without a cycle.
 */
@Injectable()
export class RoundWindowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
  ) {}

  /**
   * Loads the round and throws ROUND_NOT_OPEN / ROUND_CLOSED (409) unless it accepts submissions now.
   * Pass the submission's transaction manager: the round row is then key-share locked until commit,
   * so closing the round (which locks it FOR UPDATE) waits for in-flight submissions and none lands after it.
   */
  async requireOpenForSubmissions(
    roundId: string,
    manager?: EntityManager,
    now: Date = new Date(),
  ): Promise<RoundRecord> {
    const round = await this.rounds.findById(manager ?? this.ds.manager, roundId, {
      ...(manager ? { lock: 'key_share' as const } : {}),
    });
    assertAcceptsSubmissions(round, now);
    return round;
  }

  /**
   * Share-locks the round for the rest of the submission's transaction (RoundsRepository.lockForSubmission),
   * then ROUND_NOT_OPEN / ROUND_CLOSED by the database clock unless the round takes answers now.
   */
  async lockAcceptingSubmissions(m: EntityManager, roundId: string): Promise<LockedRound> {
    const round = await this.rounds.lockForSubmission(m, roundId);
    assertAcceptsSubmissions(round, round.now);
    return round;
  }
}
