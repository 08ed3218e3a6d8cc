import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReportStatus, ReportTarget } from './dto/feedback.dto';

export interface ReportRow {
  id: string;
  round_id: string;
  round_name: string;
  guarantor_id: string;
  institution_id: string | null;
  institution_name: string | null;
  target_kind: ReportTarget;
  target_ref: string;
  description: string;
  contact_email: string | null;
  status: ReportStatus;
  public_reply: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewReport {
  roundId: string;
  guarantorId: string;
  institutionId: string | null;
  targetKind: ReportTarget;
  targetRef: string;
  description: string;
  contactEmail: string | null;
}

const SELECT = `SELECT p.id, p.round_id, r.name AS round_name, p.guarantor_id, p.institution_id, i.name AS institution_name,
         p.target_kind, p.target_ref, p.description, p.contact_email, p.status, p.public_reply, p.created_at, p.updated_at
    FROM public_report p JOIN round r ON r.id = p.round_id LEFT JOIN institution i ON i.id = p.institution_id`;

/** SQL of public feedback (issue #18 item 4). */
@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async publishedRound(roundId: string): Promise<{ id: string; guarantor_id: string } | null> {
    const rows: Array<{ id: string; guarantor_id: string }> = await this.ds.query(
      `SELECT id, guarantor_id FROM round WHERE id = $1 AND status = 'published'`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  async inRound(roundId: string, institutionId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM round_institution WHERE round_id = $1 AND institution_id = $2',
      [roundId, institutionId],
    );
    return rows.length > 0;
  }

  async insert(m: EntityManager, r: NewReport): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO public_report (round_id, guarantor_id, institution_id, target_kind, target_ref, description, contact_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [r.roundId, r.guarantorId, r.institutionId, r.targetKind, r.targetRef, r.description, r.contactEmail],
    );
    return row.id;
  }

  async byId(id: string, m?: EntityManager, lock = false): Promise<ReportRow | null> {
    const rows: ReportRow[] = await (m ?? this.ds).query(`${SELECT} WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Reports of a published round, newest first (the public list: the caller strips private fields). */
  async ofRound(roundId: string, limit: number): Promise<ReportRow[]> {
    return this.ds.query(`${SELECT} WHERE p.round_id = $1 ORDER BY p.created_at DESC, p.id LIMIT $2`, [roundId, limit]);
  }

  /** The operator's queue: open first, then acknowledged, then closed; oldest first within each. */
  async queue(
    guarantorId: string,
    filter: { status?: ReportStatus; roundId?: string },
    limit: number,
  ): Promise<ReportRow[]> {
    return this.ds.query(
      `${SELECT} WHERE p.guarantor_id = $1 AND ($2::text IS NULL OR p.status = $2) AND ($3::uuid IS NULL OR p.round_id = $3)
        ORDER BY array_position(ARRAY['open','acknowledged','fixed','rejected']::text[], p.status::text), p.created_at, p.id LIMIT $4`,
      [guarantorId, filter.status ?? null, filter.roundId ?? null, limit],
    );
  }

  async triage(m: EntityManager, id: string, status: ReportStatus, publicReply: string, now: Date): Promise<void> {
    await m.query('UPDATE public_report SET status = $2, public_reply = $3, updated_at = $4 WHERE id = $1', [
      id,
      status,
      publicReply,
      now,
    ]);
  }
}
