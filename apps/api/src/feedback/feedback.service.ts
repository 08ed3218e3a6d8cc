import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'crypto';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { FailOpenRedisStorage } from '../common/rate-limit.module';
import { guarantorOf } from '../common/guarantor-of';
import type {
  CreateReportDto,
  PublicReportDto,
  ReportReceiptDto,
  ReportStatus,
  StaffReportDto,
  TriageReportDto,
} from './dto/feedback.dto';
import { FeedbackRepository, ReportRow } from './feedback.repository';
import { replyRequired, reportTransitionInvalid, tooManyReports } from './feedback.errors';

/** Reports one connection may file per hour (enough for a careful reader; too few to flood a queue). */
export const REPORTS_PER_HOUR = 5;
/** Reports one round accepts per hour from everyone together: a flood cannot bury the operator's queue. */
export const ROUND_REPORTS_PER_HOUR = 200;
const HOUR_MS = 3600_000;

const ALLOWED: Record<ReportStatus, readonly ReportStatus[]> = {
  open: ['acknowledged', 'fixed', 'rejected'],
  acknowledged: ['fixed', 'rejected'],
  fixed: [],
  rejected: [],
};

export const canTriage = (from: ReportStatus, to: ReportStatus): boolean => ALLOWED[from].includes(to);

const toPublic = (r: ReportRow): PublicReportDto => ({
  id: r.id,
  roundId: r.round_id,
  roundName: r.round_name,
  institutionId: r.institution_id,
  institutionName: r.institution_name,
  targetKind: r.target_kind,
  targetRef: r.target_ref,
  description: r.description,
  status: r.status,
  publicReply: r.public_reply,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Public feedback (issue #18 item 4): anyone reports an error in a published value or evidence link;
 * the operator triages it (open → acknowledged → fixed | rejected) with a public reply; every report
 * has a public status page. Built so it cannot be turned against anyone: no account, no mail is ever
 * sent to the optional contact address (it is only for the operator to ask back, and never shown),
 * no IP address is stored, per-connection and per-round budgets in Redis, a honeypot field.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly audit: AuditService,
    private readonly limits: FailOpenRedisStorage,
  ) {}

  async create(roundId: string, dto: CreateReportDto, clientIp: string): Promise<ReportReceiptDto> {
    const round = await this.repo.publishedRound(roundId);
    if (!round) throw notFound('ronda publicada', 'roundId');
    // A filled honeypot: answer like a success so the sender learns nothing, store nothing.
    if (dto.website && dto.website.trim() !== '') {
      const id = randomUUID();
      return { id, status: 'open', statusPath: `/reportes/${id}` };
    }
    const ipKey = createHash('sha256').update(`report:${clientIp}`).digest('hex');
    const ip = await this.limits.increment(ipKey, HOUR_MS, REPORTS_PER_HOUR, HOUR_MS, 'report');
    if (ip.isBlocked) throw tooManyReports();
    const roundKey = createHash('sha256').update(`report-round:${roundId}`).digest('hex');
    const perRound = await this.limits.increment(roundKey, HOUR_MS, ROUND_REPORTS_PER_HOUR, HOUR_MS, 'report-round');
    if (perRound.isBlocked) throw tooManyReports();
    if (dto.institutionId && !(await this.repo.inRound(roundId, dto.institutionId)))
      throw notFound('institución de la ronda', 'institutionId');
    const id = await this.repo.transaction(async (m) => {
      const reportId = await this.repo.insert(m, {
        roundId,
        guarantorId: round.guarantor_id,
        institutionId: dto.institutionId ?? null,
        targetKind: dto.targetKind,
        targetRef: (dto.targetRef ?? '').trim(),
        description: dto.description.trim(),
        contactEmail: dto.contactEmail ? dto.contactEmail.trim().toLowerCase() : null,
      });
      await this.audit.record(m, 'system', {
        action: 'report.create',
        entityType: 'public_report',
        entityId: reportId,
        guarantorId: round.guarantor_id,
        details: { roundId, targetKind: dto.targetKind },
      });
      return reportId;
    });
    return { id, status: 'open', statusPath: `/reportes/${id}` };
  }

  /** The public status page of a report (reports of rounds no longer published are not shown). */
  async publicStatus(id: string): Promise<PublicReportDto> {
    const r = await this.repo.byId(id);
    if (!r || !(await this.repo.publishedRound(r.round_id))) throw notFound('reporte', 'id');
    return toPublic(r);
  }

  async publicList(roundId: string): Promise<PublicReportDto[]> {
    if (!(await this.repo.publishedRound(roundId))) throw notFound('ronda publicada', 'roundId');
    return (await this.repo.ofRound(roundId, 500)).map(toPublic);
  }

  async queue(actor: UserPrincipal, filter: { status?: ReportStatus; roundId?: string }): Promise<StaffReportDto[]> {
    const rows = await this.repo.queue(guarantorOf(actor), filter, 500);
    return rows.map((r) => ({ ...toPublic(r), contactEmail: r.contact_email }));
  }

  async triage(actor: UserPrincipal, id: string, dto: TriageReportDto, now = new Date()): Promise<StaffReportDto> {
    const guarantorId = guarantorOf(actor);
    await this.repo.transaction(async (m) => {
      const r = await this.repo.byId(id, m, true);
      if (!r || r.guarantor_id !== guarantorId) throw notFound('reporte', 'id');
      if (!canTriage(r.status, dto.status)) throw reportTransitionInvalid(r.status, dto.status);
      const reply = (dto.publicReply ?? r.public_reply).trim();
      if ((dto.status === 'fixed' || dto.status === 'rejected') && reply === '') throw replyRequired();
      await this.repo.triage(m, id, dto.status, reply, now);
      await this.audit.record(m, actor, {
        action: 'report.triage',
        entityType: 'public_report',
        entityId: id,
        guarantorId,
        details: { roundId: r.round_id, from: r.status, to: dto.status, reply },
      });
    });
    const r = await this.repo.byId(id);
    if (!r) throw notFound('reporte', 'id');
    return { ...toPublic(r), contactEmail: r.contact_email };
  }
}
