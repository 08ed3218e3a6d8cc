import type { EntityManager } from 'typeorm';
import type { RoundStatus } from '@apertura/db';
import { notFound } from '../common/domain-error';
import { assertAcceptsSubmissions } from '../rounds/round-window';

export interface LockedRound {
  id: string;
  guarantorId: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** The database clock at the time of the lock: the one clock every window check uses. */
  now: Date;
  /** round.max_versions_per_response, read with the lock so a submission needs no extra round trip. */
  maxVersionsPerResponse: number;
}

/**
 * Share-locks the round row for the rest of the transaction. Closing a round updates that row, so
 * a close waits for the writes in flight and a write that starts after the close sees it: no answer
 * is accepted after the round closed.
 */
export async function lockRound(m: EntityManager, roundId: string): Promise<LockedRound> {
  const rows: Array<{
    id: string;
    guarantor_id: string;
    status: RoundStatus;
    opens_at: Date;
    closes_at: Date;
    now: Date;
    max_versions_per_response: number;
  }> = await m.query(
    'SELECT id, guarantor_id, status, opens_at, closes_at, clock_timestamp() AS now, max_versions_per_response FROM round WHERE id = $1 FOR SHARE',
    [roundId],
  );
  const r = rows[0];
  if (!r) throw notFound('round');
  return {
    id: r.id,
    guarantorId: r.guarantor_id,
    status: r.status,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    now: r.now,
    maxVersionsPerResponse: r.max_versions_per_response,
  };
}

/** lockRound, then ROUND_NOT_OPEN / ROUND_CLOSED unless the round takes answers now. */
export async function lockRoundForSubmission(m: EntityManager, roundId: string): Promise<LockedRound> {
  const round = await lockRound(m, roundId);
  assertAcceptsSubmissions(round, round.now);
  return round;
}
