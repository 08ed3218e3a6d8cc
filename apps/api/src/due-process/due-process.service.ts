import { questionTitles } from '@apertura/questionnaire';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPLY_DEADLINE_SQL, VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db';
import type { DisputeStatus, VerdictStanding } from '@apertura/db';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal, UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { EvidenceDownload, EvidenceService } from '../evidence/evidence.service';
import { OutboxService } from '../common/outbox/outbox.service';
import { DueProcessErrors } from './due-process.errors';
import {
  CreateDisputeDto,
  DecideDisputeDto,
  DisputeDto,
  DisputePageDto,
  DisputeQueryDto,
  DueProcessSettingsDto,
  OutlierListDto,
  RefutationDto,
  RefutationListDto,
  RefutationStanding,
} from './dto/due-process.dto';
import { OUTLIER_DEFAULTS, refutationOutliers, ValidatorVerdictCounts } from './outliers';
import { RoundsRepository } from '../rounds/rounds.repository';

interface DisputeRow {
  d_id: string | null;
  d_text: string | null;
  d_evidence_url: string | null;
  d_evidence_file_id: string | null;
  d_status: DisputeStatus | null;
  d_decision_reason: string | null;
  d_decided_at: Date | null;
  d_created_at: Date | null;
}

interface RefutationRow extends DisputeRow {
  id: string;
  question_name: string;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  notified_at: Date;
  deadline: Date;
  standing: VerdictStanding;
}

interface QueueRow extends DisputeRow {
  verdict_id: string;
  institution_id: string;
  institution_name: string;
  question_name: string;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  pseudonym: string;
  notified_at: Date;
  total: number;
}

const DISPUTE_COLUMNS = `d.id AS d_id, d.text AS d_text, d.evidence_url AS d_evidence_url, d.evidence_file_id AS d_evidence_file_id,
  d.status AS d_status, d.decision_reason AS d_decision_reason, d.decided_at AS d_decided_at, d.created_at AS d_created_at`;

function toDispute(r: DisputeRow): DisputeDto | null {
  if (r.d_id === null || r.d_text === null || r.d_status === null || r.d_created_at === null) return null;
  return {
    id: r.d_id,
    text: r.d_text,
    evidenceUrl: r.d_evidence_url,
    evidenceFileId: r.d_evidence_file_id,
    status: r.d_status,
    decisionReason: r.d_decision_reason,
    decidedAt: r.d_decided_at ? r.d_decided_at.toISOString() : null,
    createdAt: r.d_created_at.toISOString(),
  };
}

/** Lower-case extension of a MIME type we store, for a neutral download name. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/**
 * Right of reply (METHOD.md §3.1): the institution's view of the refutations of its claims and its
 * disputes; the guarantor's queue and decisions; the round's due-process settings; and the list of
 * validators whose refutation rate is an outlier. Standing is computed by the one SQL definition in
 * libs/db (verdict-standing.ts) that the worker also uses, so what the page says is what counts.
 */
@Injectable()
export class DueProcessService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly evidence: EvidenceService,
  ) {}

  // ---- institution (invitation link) ----

  async refutations(inv: InvitationPrincipal): Promise<RefutationListDto> {
    const rows: RefutationRow[] = await this.ds.query(
      `SELECT v.id, v.question_name, v.evidence_url, v.evidence_file_id, v.comment, v.notified_at, ${REPLY_DEADLINE_SQL} AS deadline,
              ${VERDICT_STANDING_SQL} AS standing, ${DISPUTE_COLUMNS}
       FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
       WHERE v.round_id = $1 AND v.institution_id = $2 AND v.verdict = 'refuted' AND v.notified_at IS NOT NULL
       ORDER BY v.question_name, v.notified_at, v.id`,
      [inv.roundId, inv.institutionId],
    );
    const [round]: Array<{ reply_window_days: number }> = await this.ds.query(
      'SELECT reply_window_days FROM round WHERE id = $1',
      [inv.roundId],
    );
    const now = Date.now();
    return {
      replyWindowDays: round?.reply_window_days ?? 10,
      items: rows.map((r): RefutationDto => ({
        verdictId: r.id,
        questionName: r.question_name,
        evidenceUrl: r.evidence_url,
        hasEvidenceFile: r.evidence_file_id !== null,
        comment: r.comment,
        notifiedAt: r.notified_at.toISOString(),
        replyDeadline: r.deadline.toISOString(),
        standing: r.standing as RefutationStanding,
        canDispute: r.d_id === null && r.deadline.getTime() > now,
        dispute: toDispute(r),
      })),
    };
  }

  /** The validator's evidence file of a refutation, under a neutral name (a filename can identify a person). */
  async refutationEvidence(inv: InvitationPrincipal, verdictId: string): Promise<EvidenceDownload> {
    const [row]: Array<{ evidence_file_id: string | null }> = await this.ds.query(
      `SELECT evidence_file_id FROM verdict WHERE id = $1 AND round_id = $2 AND institution_id = $3 AND verdict = 'refuted' AND notified_at IS NOT NULL`,
      [verdictId, inv.roundId, inv.institutionId],
    );
    if (!row?.evidence_file_id) throw notFound('evidence file', 'verdictId');
    const file = await this.evidence.downloadInRound(inv.roundId, row.evidence_file_id);
    const name = `evidencia-refutacion-${verdictId.slice(0, 8)}.${EXTENSIONS[file.mimeType] ?? 'bin'}`;
    return {
      ...file,
      filename: name,
      headers: { ...file.headers, 'Content-Disposition': `attachment; filename="${name}"` },
    };
  }

  async dispute(inv: InvitationPrincipal, verdictId: string, dto: CreateDisputeDto): Promise<RefutationDto> {
    await this.ds.transaction(async (m) => {
      // The row lock serialises the dispute with the validator's edits and with the sweep's window closing.
      const [v]: Array<{ id: string; deadline: Date; guarantor_id: string; open: boolean }> = await m.query(
        `SELECT v.id, ${REPLY_DEADLINE_SQL} AS deadline, r.guarantor_id, ${REPLY_DEADLINE_SQL} > now() AS open
         FROM verdict v JOIN round r ON r.id = v.round_id
         WHERE v.id = $1 AND v.round_id = $2 AND v.institution_id = $3 AND v.verdict = 'refuted' AND v.notified_at IS NOT NULL
         FOR UPDATE OF v`,
        [verdictId, inv.roundId, inv.institutionId],
      );
      if (!v) throw notFound('refutation', 'verdictId');
      // Compared in SQL: a JS Date would drop the microseconds of notified_at.
      const existing: unknown[] = await m.query(
        'SELECT 1 FROM verdict_dispute d JOIN verdict v ON v.id = d.verdict_id AND d.notified_at = v.notified_at WHERE v.id = $1',
        [v.id],
      );
      if (existing.length > 0) throw DueProcessErrors.disputeExists();
      if (!v.open) throw DueProcessErrors.replyWindowClosed(v.deadline);
      if (dto.evidenceFileId) {
        // Only the institution's own files of this round (validators' files have an uploader).
        const file: unknown[] = await m.query(
          'SELECT 1 FROM evidence_file WHERE id = $1 AND round_id = $2 AND institution_id = $3 AND uploader_user_id IS NULL',
          [dto.evidenceFileId, inv.roundId, inv.institutionId],
        );
        if (file.length === 0) throw notFound('evidence file', 'evidenceFileId');
      }
      const [d]: Array<{ id: string }> = await m.query(
        `INSERT INTO verdict_dispute (verdict_id, round_id, institution_id, notified_at, text, evidence_url, evidence_file_id)
         SELECT v.id, v.round_id, v.institution_id, v.notified_at, $2, $3, $4 FROM verdict v WHERE v.id = $1 RETURNING id`,
        [v.id, dto.text.trim(), dto.evidenceUrl ?? null, dto.evidenceFileId ?? null],
      );
      await this.audit.record(m, inv, {
        action: 'verdict.dispute',
        entityType: 'verdict_dispute',
        entityId: d.id,
        guarantorId: v.guarantor_id,
        details: { roundId: inv.roundId, institutionId: inv.institutionId, verdictId: v.id },
      });
    });
    const list = await this.refutations(inv);
    const item = list.items.find((i) => i.verdictId === verdictId);
    if (!item) throw notFound('refutation', 'verdictId');
    return item;
  }

  // ---- guarantor ----

  async queue(actor: UserPrincipal, roundId: string, q: DisputeQueryDto): Promise<DisputePageDto> {
    await this.rounds.findOwned(this.ds.manager, actor.guarantorId, roundId);
    const decided = q.status === 'decided';
    const rows: QueueRow[] = await this.ds.query(
      `SELECT v.id AS verdict_id, v.institution_id, i.name AS institution_name, v.question_name, v.evidence_url, v.evidence_file_id, v.comment,
              p.pseudonym, d.notified_at, ${DISPUTE_COLUMNS}, count(*) OVER ()::int AS total
       FROM verdict_dispute d JOIN verdict v ON v.id = d.verdict_id JOIN institution i ON i.id = v.institution_id
       JOIN validator_profile p ON p.user_id = v.validator_id
       WHERE d.round_id = $1 AND ${decided ? `d.status <> 'open'` : `d.status = 'open'`}
       ORDER BY ${decided ? 'd.decided_at DESC' : 'd.created_at'}, d.id LIMIT $2 OFFSET $3`,
      [roundId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const [s]: Array<{ not_notified: number; pending: number; disputed: number; counted: number; overturned: number }> =
      await this.ds.query(
        `SELECT count(*) FILTER (WHERE v.notified_at IS NULL)::int AS not_notified,
              count(*) FILTER (WHERE v.notified_at IS NOT NULL AND st = 'pending')::int AS pending,
              count(*) FILTER (WHERE st = 'disputed')::int AS disputed,
              count(*) FILTER (WHERE st = 'counted')::int AS counted,
              count(*) FILTER (WHERE st = 'overturned')::int AS overturned
       FROM (SELECT v.notified_at, ${VERDICT_STANDING_SQL} AS st FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
             WHERE v.round_id = $1 AND v.verdict = 'refuted') v`,
        [roundId],
      );
    // Claims by their question titles, not code names (METHOD.md §9: every code with its label).
    const [def]: Array<{ definition: unknown }> = await this.ds.query(
      'SELECT q.definition FROM round r JOIN questionnaire q ON q.id = r.institution_questionnaire_id WHERE r.id = $1',
      [roundId],
    );
    const titles = def === undefined ? new Map<string, { es: string; en: string }>() : questionTitles(def.definition);
    return {
      items: rows.map((r) => ({
        dispute: toDispute(r) as DisputeDto,
        verdictId: r.verdict_id,
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        questionName: r.question_name,
        questionTitle: titles.get(r.question_name) ?? null,
        refutationEvidenceUrl: r.evidence_url,
        refutationEvidenceFileId: r.evidence_file_id,
        refutationComment: r.comment,
        validatorPseudonym: r.pseudonym,
        notifiedAt: r.notified_at.toISOString(),
      })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      summary: {
        notNotified: s.not_notified,
        pending: s.pending,
        disputed: s.disputed,
        counted: s.counted,
        overturned: s.overturned,
      },
    };
  }

  async decide(actor: UserPrincipal, roundId: string, disputeId: string, dto: DecideDisputeDto): Promise<DisputeDto> {
    return this.ds.transaction(async (m) => {
      await this.rounds.findOwned(m, actor.guarantorId, roundId);
      const [d]: Array<{ id: string; status: DisputeStatus; verdict_id: string; institution_id: string }> =
        await m.query(
          'SELECT id, status, verdict_id, institution_id FROM verdict_dispute WHERE id = $1 AND round_id = $2 FOR UPDATE',
          [disputeId, roundId],
        );
      if (!d) throw notFound('dispute', 'disputeId');
      if (d.status !== 'open') throw DueProcessErrors.disputeDecided();
      const status: DisputeStatus = dto.decision === 'uphold' ? 'upheld' : 'overturned';
      await m.query(
        'UPDATE verdict_dispute SET status = $2, decision_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1',
        [d.id, status, dto.reason.trim(), actor.userId],
      );
      const [row]: DisputeRow[] = await m.query(`SELECT ${DISPUTE_COLUMNS} FROM verdict_dispute d WHERE d.id = $1`, [
        d.id,
      ]);
      await this.audit.record(m, actor, {
        action: 'verdict.dispute-decide',
        entityType: 'verdict_dispute',
        entityId: d.id,
        guarantorId: actor.guarantorId,
        details: {
          roundId,
          institutionId: d.institution_id,
          verdictId: d.verdict_id,
          decision: dto.decision,
          reason: dto.reason.trim(),
        },
      });
      // The refutation is now final either way: recompute the institution (same event as a verdict change).
      await this.outbox.emit(m, {
        type: 'verdict.saved',
        payload: { roundId, institutionId: d.institution_id, verdictId: d.verdict_id },
      });
      return toDispute(row) as DisputeDto;
    });
  }

  async settings(actor: UserPrincipal, roundId: string): Promise<DueProcessSettingsDto> {
    const r = await this.rounds.findOwned(this.ds.manager, actor.guarantorId, roundId);
    return { replyWindowDays: r.replyWindowDays, maxConflicts: r.maxConflicts };
  }

  /** Only while the round is a draft: nobody's window or declarations change under them. */
  async updateSettings(
    actor: UserPrincipal,
    roundId: string,
    dto: DueProcessSettingsDto,
  ): Promise<DueProcessSettingsDto> {
    return this.ds.transaction(async (m) => {
      const r = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'update' });
      if (r.status !== 'draft') {
        throw new DomainError('ROUND_NOT_DRAFT', {
          es: 'El plazo de réplica y el máximo de conflictos solo se cambian mientras la ronda es borrador.',
          en: 'The reply window and the conflict limit can only change while the round is a draft.',
        });
      }
      await this.rounds.setDueProcessSettings(m, roundId, dto);
      await this.audit.record(m, actor, {
        action: 'round.due-process-settings',
        entityType: 'round',
        entityId: roundId,
        guarantorId: actor.guarantorId,
        details: {
          from: { replyWindowDays: r.replyWindowDays, maxConflicts: r.maxConflicts },
          to: { replyWindowDays: dto.replyWindowDays, maxConflicts: dto.maxConflicts },
        },
      });
      return { replyWindowDays: dto.replyWindowDays, maxConflicts: dto.maxConflicts };
    });
  }

  async outliers(actor: UserPrincipal, roundId: string): Promise<OutlierListDto> {
    await this.rounds.findOwned(this.ds.manager, actor.guarantorId, roundId);
    const rows: Array<{ validator_id: string; pseudonym: string; cvegeo: string; confirmed: number; refuted: number }> =
      await this.ds.query(
        `SELECT v.validator_id, p.pseudonym, i.cvegeo,
              count(*) FILTER (WHERE v.verdict = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE v.verdict = 'refuted')::int AS refuted
       FROM verdict v JOIN institution i ON i.id = v.institution_id JOIN validator_profile p ON p.user_id = v.validator_id
       WHERE v.round_id = $1 AND v.verdict IN ('confirmed', 'refuted')
       GROUP BY v.validator_id, p.pseudonym, i.cvegeo ORDER BY v.validator_id, i.cvegeo`,
        [roundId],
      );
    const input: ValidatorVerdictCounts[] = rows.map((r) => ({
      validatorId: r.validator_id,
      pseudonym: r.pseudonym,
      cvegeo: r.cvegeo,
      confirmed: r.confirmed,
      refuted: r.refuted,
    }));
    return {
      items: refutationOutliers(input),
      alpha: OUTLIER_DEFAULTS.alpha,
      minVerdicts: OUTLIER_DEFAULTS.minVerdicts,
    };
  }
}
