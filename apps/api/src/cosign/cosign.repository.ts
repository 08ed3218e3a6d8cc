import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { resultWritesSeen, type OperatorKind, type RoundStatus } from '@apertura/db';
import { mutateReturning } from '../common/persistence/returning';

/** The three hashes an approval covers and their combination (SQL function round_cosign_parts). */
export interface CosignParts {
  settingsHash: string;
  instrumentHash: string;
  resultsHash: string;
  fingerprint: string;
}

export interface CosignRoundRow {
  id: string;
  guarantor_id: string;
  name: string;
  status: RoundStatus;
  cosign_quorum: number;
  synthetic: boolean;
  published_at: Date | null;
  publish_run_id: string | null;
  operator_name: string;
  operator_kind: OperatorKind;
}

export interface CosignerRow {
  id: string;
  round_id: string;
  user_id: string;
  organisation_name: string;
  organisation_kind: 'civil_society' | 'academia' | 'other';
  invited_at: Date;
  removed_at: Date | null;
  email: string | null;
  display_name: string | null;
  activated: boolean;
}

export interface DecisionRow {
  id: string;
  cosigner_id: string;
  organisation_name: string;
  organisation_kind: 'civil_society' | 'academia' | 'other';
  decision: 'approve' | 'object';
  reason: string;
  settings_hash: string;
  instrument_hash: string;
  results_hash: string;
  fingerprint: string;
  decided_at: Date;
}

export interface NewDecision {
  roundId: string;
  cosignerId: string;
  decision: 'approve' | 'object';
  reason: string;
  parts: CosignParts;
  now: Date;
}

type PartsRow = { settings_hash: string; instrument_hash: string; results_hash: string; fingerprint: string };

function partsOf(rows: PartsRow[]): CosignParts {
  const [p] = rows;
  return {
    settingsHash: p.settings_hash,
    instrumentHash: p.instrument_hash,
    resultsHash: p.results_hash,
    fingerprint: p.fingerprint,
  };
}

/** SQL of co-signed rounds (issue #18 item 2). Services hold the rules; this holds the queries. */
@Injectable()
export class CosignRepository {
  /** Fingerprint computations running outside a transaction, by round (see parts). */
  private readonly partsInFlight = new Map<string, Promise<CosignParts>>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  private q(m?: EntityManager): Pick<EntityManager, 'query'> {
    return m ?? this.ds;
  }

  /** The round with its operator; `lock` takes the row lock that serialises decisions with publication. */
  async round(roundId: string, m?: EntityManager, lock = false): Promise<CosignRoundRow | null> {
    const rows: CosignRoundRow[] = await this.q(m).query(
      `SELECT r.id, r.guarantor_id, r.name, r.status, r.cosign_quorum, r.synthetic, r.published_at, r.publish_run_id,
              g.name AS operator_name, g.kind AS operator_kind
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  /**
   * The round's current fingerprint. Inside a transaction (`m`: a decision checks the fingerprint it
   * approves) it is always computed there, from the rows themselves. Outside one (the public record)
   * it comes from the round's cached results hash while no result row of the round has changed
   * since (cachedParts); otherwise it is computed — it hashes every result row of the round (≈ 0.5 s
   * at 66,000 rows, 2–5 s at national size) — and concurrent calls for the same round share that
   * single computation, so a burst of public requests cannot multiply the work. A call that joins a
   * running computation gets the fingerprint of that computation's snapshot, at most its duration
   * older than the call.
   */
  parts(roundId: string, m?: EntityManager): Promise<CosignParts> {
    if (m) return this.computeParts(roundId, m);
    const running = this.partsInFlight.get(roundId);
    if (running) return running;
    const computing = this.cachedParts(roundId).finally(() => this.partsInFlight.delete(roundId));
    this.partsInFlight.set(roundId, computing);
    return computing;
  }

  /**
   * The fingerprint with the results hash cached per count of result writes (migration 1765300000000
   * says why the count is exact): in one REPEATABLE READ snapshot, the writes that concern the round
   * are counted; the cached hash of that count is used, or the hash is computed in the same snapshot
   * and kept with it. The count is read before anything else, so a kept pair is always true of the
   * rows it was computed from.
   */
  private cachedParts(roundId: string): Promise<CosignParts> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const writes = await resultWritesSeen(m, roundId);
      const [hit]: Array<{ results_hash: string }> = await m.query(
        'SELECT results_hash FROM round_cosign_cache WHERE round_id = $1 AND writes = $2::bigint',
        [roundId, writes],
      );
      if (hit)
        return partsOf(await m.query('SELECT * FROM round_cosign_parts_given($1, $2)', [roundId, hit.results_hash]));
      const parts = await this.computeParts(roundId, m);
      // Newest count wins: an older snapshot finishing late does not replace a newer pair.
      await m.query(
        `INSERT INTO round_cosign_cache AS c (round_id, writes, results_hash) SELECT id, $2::bigint, $3 FROM round WHERE id = $1
         ON CONFLICT (round_id) DO UPDATE SET writes = EXCLUDED.writes, results_hash = EXCLUDED.results_hash, computed_at = now()
         WHERE c.writes < EXCLUDED.writes`,
        [roundId, writes, parts.resultsHash],
      );
      return parts;
    });
  }

  private async computeParts(roundId: string, m?: EntityManager): Promise<CosignParts> {
    return partsOf(await this.q(m).query('SELECT * FROM round_cosign_parts($1)', [roundId]));
  }

  async quorumMet(roundId: string, m?: EntityManager): Promise<boolean> {
    const [r]: Array<{ met: boolean }> = await this.q(m).query('SELECT round_cosign_quorum_met($1) AS met', [roundId]);
    return r?.met === true;
  }

  async setQuorum(m: EntityManager, roundId: string, quorum: number): Promise<void> {
    await m.query('UPDATE round SET cosign_quorum = $2, updated_at = now() WHERE id = $1', [roundId, quorum]);
  }

  /** Every co-signer of the round, removed ones too (they are part of the public record when they decided). */
  async cosigners(roundId: string, m?: EntityManager): Promise<CosignerRow[]> {
    return this.q(m).query(
      `SELECT c.id, c.round_id, c.user_id, c.organisation_name, c.organisation_kind, c.invited_at, c.removed_at,
              u.email, u.display_name, (u.password_hash IS NOT NULL) AS activated
         FROM round_cosigner c JOIN app_user u ON u.id = c.user_id
        WHERE c.round_id = $1 ORDER BY c.invited_at, c.id`,
      [roundId],
    );
  }

  async cosigner(m: EntityManager, roundId: string, cosignerId: string): Promise<CosignerRow | null> {
    const rows = await this.cosigners(roundId, m);
    return rows.find((c) => c.id === cosignerId) ?? null;
  }

  /** The active membership of a co-signer account in a round (null: not a co-signer of it). */
  async membership(roundId: string, userId: string, m?: EntityManager): Promise<CosignerRow | null> {
    const rows: CosignerRow[] = await this.q(m).query(
      `SELECT c.id, c.round_id, c.user_id, c.organisation_name, c.organisation_kind, c.invited_at, c.removed_at,
              u.email, u.display_name, true AS activated
         FROM round_cosigner c JOIN app_user u ON u.id = c.user_id
        WHERE c.round_id = $1 AND c.user_id = $2 AND c.removed_at IS NULL`,
      [roundId, userId],
    );
    return rows[0] ?? null;
  }

  /** Rounds a co-signer account is (still) invited to, newest first. */
  async roundsOf(userId: string): Promise<Array<CosignRoundRow & { cosigner_id: string; organisation_name: string }>> {
    return this.ds.query(
      `SELECT r.id, r.guarantor_id, r.name, r.status, r.cosign_quorum, r.synthetic, r.published_at, r.publish_run_id,
              g.name AS operator_name, g.kind AS operator_kind, c.id AS cosigner_id, c.organisation_name
         FROM round_cosigner c JOIN round r ON r.id = c.round_id JOIN guarantor g ON g.id = r.guarantor_id
        WHERE c.user_id = $1 AND c.removed_at IS NULL ORDER BY r.created_at DESC, r.id`,
      [userId],
    );
  }

  async decisions(roundId: string, m?: EntityManager): Promise<DecisionRow[]> {
    return this.q(m).query(
      `SELECT d.id, d.cosigner_id, c.organisation_name, c.organisation_kind, d.decision, d.reason,
              d.settings_hash, d.instrument_hash, d.results_hash, d.fingerprint, d.decided_at
         FROM round_cosign_decision d JOIN round_cosigner c ON c.id = d.cosigner_id
        WHERE d.round_id = $1 ORDER BY d.decided_at, d.id`,
      [roundId],
    );
  }

  async insertDecision(m: EntityManager, d: NewDecision): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO round_cosign_decision (round_id, cosigner_id, decision, reason, settings_hash, instrument_hash, results_hash, fingerprint, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        d.roundId,
        d.cosignerId,
        d.decision,
        d.reason,
        d.parts.settingsHash,
        d.parts.instrumentHash,
        d.parts.resultsHash,
        d.parts.fingerprint,
        d.now,
      ],
    );
    return row.id;
  }

  async hasDecided(m: EntityManager, cosignerId: string): Promise<boolean> {
    const [r]: Array<{ n: number }> = await m.query(
      'SELECT count(*)::int AS n FROM round_cosign_decision WHERE cosigner_id = $1',
      [cosignerId],
    );
    return r.n > 0;
  }

  async markRemoved(m: EntityManager, cosignerId: string, now: Date): Promise<boolean> {
    const rows = await mutateReturning<{ id: string }>(
      m,
      'UPDATE round_cosigner SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id',
      [cosignerId, now],
    );
    return rows.length > 0;
  }

  async userByEmail(
    m: EntityManager,
    email: string,
  ): Promise<{ id: string; role: string; guarantor_id: string | null; password_hash: string | null } | null> {
    const rows: Array<{ id: string; role: string; guarantor_id: string | null; password_hash: string | null }> =
      await m.query(
        'SELECT id, role, guarantor_id, password_hash FROM app_user WHERE email = $1 AND deleted_at IS NULL FOR UPDATE',
        [email],
      );
    return rows[0] ?? null;
  }

  /** A co-signer account scoped to the inviting operator, without a password until the invitee activates it. */
  async createCosignerAccount(
    m: EntityManager,
    email: string,
    displayName: string | null,
    guarantorId: string,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO app_user (email, password_hash, display_name, role, guarantor_id, email_verified_at)
       VALUES ($1, NULL, $2, 'cosigner', $3, NULL) RETURNING id`,
      [email, displayName, guarantorId],
    );
    return row.id;
  }

  async insertCosigner(
    m: EntityManager,
    c: { roundId: string; userId: string; name: string; kind: string; invitedBy: string; now: Date },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO round_cosigner (round_id, user_id, organisation_name, organisation_kind, invited_by, invited_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.roundId, c.userId, c.name, c.kind, c.invitedBy, c.now],
    );
    return row.id;
  }

  async activeMembershipExists(m: EntityManager, roundId: string, userId: string): Promise<boolean> {
    const [r]: Array<{ n: number }> = await m.query(
      'SELECT count(*)::int AS n FROM round_cosigner WHERE round_id = $1 AND user_id = $2 AND removed_at IS NULL',
      [roundId, userId],
    );
    return r.n > 0;
  }

  /** Same single-use link as a staff invitation (hash only; the mail job derives the token from the id). */
  async insertStaffInvitation(
    m: EntityManager,
    i: {
      id: string;
      userId: string;
      guarantorId: string;
      invitedBy: string;
      tokenHash: string;
      now: Date;
      expiresAt: Date;
    },
  ): Promise<void> {
    await m.query('UPDATE staff_invitation SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [i.userId, i.now]);
    await m.query(
      'INSERT INTO staff_invitation (id, user_id, guarantor_id, invited_by, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [i.id, i.userId, i.guarantorId, i.invitedBy, i.tokenHash, i.now, i.expiresAt],
    );
  }

  /** The mail_delivery trigger does not know this kind of mail: scope its row to the operator and round. */
  async scopeMail(
    m: EntityManager,
    eventId: string,
    guarantorId: string,
    roundId: string,
    email: string,
  ): Promise<void> {
    await m.query('UPDATE mail_delivery SET guarantor_id = $2, round_id = $3, recipient = $4 WHERE event_id = $1', [
      eventId,
      guarantorId,
      roundId,
      email,
    ]);
  }

  /** What a co-signer reviews besides the hashes: method settings, design, questionnaires, coverage of results. */
  async reviewMaterial(roundId: string): Promise<{
    settings: Record<string, unknown>;
    design: Record<string, unknown>;
    questionnaires: Array<{ id: string; kind: string; title: string; version: number; checksum: string }>;
    statuses: Array<{ status: string; n: number }>;
    headline: Array<{
      indicator: string;
      aggregation: string;
      estimate: number | null;
      lo: number | null;
      hi: number | null;
      status: string;
    }>;
  }> {
    const [r]: Array<{ settings: Record<string, unknown>; design: Record<string, unknown> }> = await this.ds.query(
      'SELECT settings, design FROM round WHERE id = $1',
      [roundId],
    );
    const questionnaires: Array<{ id: string; kind: string; title: string; version: number; checksum: string }> =
      await this.ds.query(
        `SELECT q.id, q.kind, q.title, q.version, q.checksum FROM questionnaire q JOIN round r
           ON q.id IN (r.institution_questionnaire_id, r.citizen_questionnaire_id) WHERE r.id = $1 ORDER BY q.kind`,
        [roundId],
      );
    const statuses: Array<{ status: string; n: number }> = await this.ds.query(
      `SELECT status, count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND indicator = 'I'
        GROUP BY status ORDER BY status`,
      [roundId],
    );
    const headline: Array<{
      indicator: string;
      aggregation: string;
      estimate: number | null;
      lo: number | null;
      hi: number | null;
      status: string;
    }> = await this.ds.query(
      `SELECT indicator, aggregation, estimate, lo, hi, status FROM metric_result
        WHERE round_id = $1 AND scope = 'national' AND indicator IN ('I', 'T', 'P') ORDER BY indicator, aggregation`,
      [roundId],
    );
    return { settings: r?.settings ?? {}, design: r?.design ?? {}, questionnaires, statuses, headline };
  }

  /** Whether the last publication request's rebuild is done while the round is still closed (the quorum held it). */
  async publicationHeld(round: CosignRoundRow): Promise<boolean> {
    if (round.status !== 'closed' || !round.publish_run_id) return false;
    const [run]: Array<{ status: string }> = await this.ds.query('SELECT status FROM recompute_run WHERE id = $1', [
      round.publish_run_id,
    ]);
    return run?.status === 'done';
  }
}
