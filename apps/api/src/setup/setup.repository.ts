import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockClause, queryOne, type Queryable } from '../common/persistence';
import type { SetupCodeRow } from './setup.rows';

export interface SetupCodeRecord {
  id: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The one-time first-run codes (setup_code: only their hashes) and the lock that serialises setups. */
@Injectable()
export class SetupRepository {
  async insertCode(q: Queryable, codeHash: string, createdAt: Date, expiresAt: Date): Promise<void> {
    await q.query('INSERT INTO setup_code (code_hash, created_at, expires_at) VALUES ($1, $2, $3)', [
      codeHash,
      createdAt,
      expiresAt,
    ]);
  }

  /** One setup at a time, installation-wide, until the caller's transaction ends (a transaction-scoped advisory lock). */
  async serialiseSetups(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('apertura:first-run-setup'))`);
  }

  /** The code with this hash, row-locked until the caller's transaction ends (a code is spent once). */
  async lockCode(m: EntityManager, codeHash: string): Promise<SetupCodeRecord | undefined> {
    const r = await queryOne<SetupCodeRow>(
      m,
      `SELECT id, expires_at, used_at FROM setup_code WHERE code_hash = $1 ${lockClause('update')}`,
      [codeHash],
    );
    return r ? { id: r.id, expiresAt: r.expires_at, usedAt: r.used_at } : undefined;
  }

  /** Spends every code not spent yet. */
  async spendAll(m: EntityManager, at: Date): Promise<void> {
    await m.query('UPDATE setup_code SET used_at = $1 WHERE used_at IS NULL', [at]);
  }
}
