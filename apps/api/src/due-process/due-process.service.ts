import { questionTitles } from '@apertura/questionnaire';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DisputeStatus } from '@apertura/db';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal, UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { EvidenceDownload, EvidenceService } from '../evidence/evidence.service';
import { OutboxService } from '../common/outbox/outbox.service';
import { DueProcessErrors } from './due-process.errors';
import { DisputeRecord, DueProcessRepository } from './due-process.repository';
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
import { OUTLIER_DEFAULTS, refutationOutliers } from './outliers';
import { RoundsRepository } from '../common/rounds/rounds.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toDisputeDto = (d: DisputeRecord): DisputeDto => ({
  ...d,
  decidedAt: iso(d.decidedAt),
  createdAt: d.createdAt.toISOString(),
});

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
    private readonly repo: DueProcessRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly evidence: EvidenceService,
  ) {}

  // ---- institution (invitation link) ----

  async refutations(inv: InvitationPrincipal): Promise<RefutationListDto> {
    const rows = await this.repo.refutations(this.ds, inv.roundId, inv.institutionId);
    const round = await this.rounds.findById(this.ds.manager, inv.roundId);
    const now = Date.now();
    return {
      replyWindowDays: round.replyWindowDays,
      items: rows.map((r): RefutationDto => ({
        verdictId: r.verdictId,
        questionName: r.questionName,
        milestoneTitle: r.milestoneTitle,
        evidenceUrl: r.evidenceUrl,
        hasEvidenceFile: r.evidenceFileId !== null,
        comment: r.comment,
        notifiedAt: r.notifiedAt.toISOString(),
        replyDeadline: r.replyDeadline.toISOString(),
        standing: r.standing as RefutationStanding,
        canDispute: r.dispute === null && r.replyDeadline.getTime() > now,
        dispute: r.dispute ? toDisputeDto(r.dispute) : null,
      })),
    };
  }

  /** The validator's evidence file of a refutation, under a neutral name (a filename can identify a person). */
  async refutationEvidence(inv: InvitationPrincipal, verdictId: string): Promise<EvidenceDownload> {
    const fileId = await this.repo.refutationEvidenceFileId(this.ds, verdictId, inv.roundId, inv.institutionId);
    if (!fileId) throw notFound('evidence file', 'verdictId');
    const file = await this.evidence.downloadInRound(inv.roundId, fileId);
    const name = `evidencia-refutacion-${verdictId.slice(0, 8)}.${EXTENSIONS[file.mimeType] ?? 'bin'}`;
    return {
      ...file,
      filename: name,
      headers: { ...file.headers, 'Content-Disposition': `attachment; filename="${name}"` },
    };
  }

  async dispute(inv: InvitationPrincipal, verdictId: string, dto: CreateDisputeDto): Promise<RefutationDto> {
    await this.ds.transaction(async (m) => {
      const v = await this.repo.lockRefutation(m, verdictId, inv.roundId, inv.institutionId);
      if (!v) throw notFound('refutation', 'verdictId');
      if (await this.repo.hasDispute(m, v.id)) throw DueProcessErrors.disputeExists();
      if (!v.open) throw DueProcessErrors.replyWindowClosed(v.replyDeadline);
      if (
        dto.evidenceFileId &&
        !(await this.repo.isInstitutionFile(m, dto.evidenceFileId, inv.roundId, inv.institutionId))
      )
        throw notFound('evidence file', 'evidenceFileId');
      const disputeId = await this.repo.insertDispute(m, v.id, {
        text: dto.text.trim(),
        evidenceUrl: dto.evidenceUrl ?? null,
        evidenceFileId: dto.evidenceFileId ?? null,
      });
      await this.audit.record(m, inv, {
        action: 'verdict.dispute',
        entityType: 'verdict_dispute',
        entityId: disputeId,
        guarantorId: v.guarantorId,
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
    const page = await this.repo.queue(this.ds, roundId, q.status === 'decided', q.pageSize, (q.page - 1) * q.pageSize);
    const summary = await this.repo.standingSummary(this.ds, roundId);
    // Claims by their question titles, not code names (METHOD.md §9: every code with its label).
    const definition = await this.repo.institutionQuestionnaire(this.ds, roundId);
    const titles =
      definition === undefined ? new Map<string, { es: string; en: string }>() : questionTitles(definition);
    return {
      items: page.items.map(({ milestoneTitle, ...r }) => ({
        ...r,
        dispute: toDisputeDto(r.dispute),
        questionTitle:
          titles.get(r.questionName) ??
          (milestoneTitle === null
            ? null
            : { es: `Hito de compromiso: ${milestoneTitle}`, en: `Commitment milestone: ${milestoneTitle}` }),
        notifiedAt: r.notifiedAt.toISOString(),
      })),
      total: page.total,
      page: q.page,
      pageSize: q.pageSize,
      summary,
    };
  }

  async decide(actor: UserPrincipal, roundId: string, disputeId: string, dto: DecideDisputeDto): Promise<DisputeDto> {
    return this.ds.transaction(async (m) => {
      await this.rounds.findOwned(m, actor.guarantorId, roundId);
      const d = await this.repo.lockDispute(m, disputeId, roundId);
      if (!d) throw notFound('dispute', 'disputeId');
      if (d.status !== 'open') throw DueProcessErrors.disputeDecided();
      const status: DisputeStatus = dto.decision === 'uphold' ? 'upheld' : 'overturned';
      const decided = await this.repo.decide(m, d.id, { status, reason: dto.reason.trim(), decidedBy: actor.userId });
      await this.audit.record(m, actor, {
        action: 'verdict.dispute-decide',
        entityType: 'verdict_dispute',
        entityId: d.id,
        guarantorId: actor.guarantorId,
        details: {
          roundId,
          institutionId: d.institutionId,
          verdictId: d.verdictId,
          decision: dto.decision,
          reason: dto.reason.trim(),
        },
      });
      // The refutation is now final either way: recompute the institution (same event as a verdict change).
      await this.outbox.emit(m, {
        type: 'verdict.saved',
        payload: { roundId, institutionId: d.institutionId, verdictId: d.verdictId },
      });
      return toDisputeDto(decided);
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
        throw DueProcessErrors.settingsLocked();
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
    const input = await this.repo.verdictCounts(this.ds, roundId);
    return {
      items: refutationOutliers(input),
      alpha: OUTLIER_DEFAULTS.alpha,
      minVerdicts: OUTLIER_DEFAULTS.minVerdicts,
    };
  }
}
