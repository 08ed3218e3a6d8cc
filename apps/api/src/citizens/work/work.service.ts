import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AssignmentStatus, JsonObject } from '@apertura/db';
import type { VerifiableItem } from '@apertura/questionnaire';
import { notFound } from '../../common/domain-error';
import { resolveEvidenceType, safeFilename } from '../../evidence/evidence-type';
import { EvidenceErrors } from '../../evidence/evidence.errors';
import { EvidenceDownload, EvidenceService } from '../../evidence/evidence.service';
import { sniffMime } from '../../evidence/sniff-mime';
import { AuditService } from '../../common/audit/audit.service';
import { OutboxService } from '../../common/outbox/outbox.service';
import { toVerdictDto } from '../assignments/assignment-view';
import type { VerdictRecord } from '../assignments/assignments.repository';
import { CitizenErrors } from '../citizens.errors';
import { validatorFor } from '../../responses/submission';
import { claimsOf, claimsToCheck } from '../claims';
import { assertCitizenWork } from '../round-access';
import {
  EvidenceFileDto,
  SaveReportResultDto,
  SaveVerdictDto,
  SaveVerdictResultDto,
  SaveVerdictsResultDto,
} from './dto/work.dto';
import type { VerdictDto } from '../assignments/dto/assignment.dto';
import { checkVerdictItems, isRecord } from './verdict-batch';
import { isUUID } from 'class-validator';
import { WorkAssignment, WorkRepository } from './work.repository';
import { milestoneClaimNames } from '../milestone-claims';

/** Limits of validators' own evidence uploads. */
export const CITIZEN_EVIDENCE_LIMITS = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  /** Per validator and assigned institution: enough for every claim, not a file store. */
  maxFilesPerAssignment: 30,
});

/** What multer (memory storage) hands over for the `file` part. */
export interface UploadedFileLike {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * A validator's work on an assignment: verdicts on verifiable claims, the citizen report, evidence
 * files. Every write checks, in this order, that the assignment is the caller's (NOT_ASSIGNED, the
 * same answer for ids of other validators), that there is no declared conflict, that the
 * assignment has not expired and that the round takes citizen work; and writes its outbox event in
 * the same transaction.
 */
@Injectable()
export class WorkService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly work: WorkRepository,
    private readonly outbox: OutboxService,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
  ) {}

  /** Own assignment (for reading; no state checks); `forWrite` takes the row locks of a write. */
  private async own(
    m: EntityManager | DataSource,
    userId: string,
    assignmentId: string,
    forWrite = false,
  ): Promise<WorkAssignment> {
    const a = await this.work.ownAssignment(m, userId, assignmentId, forWrite);
    if (!a) throw CitizenErrors.notAssigned();
    return a;
  }

  /** Own assignment that takes writes now. */
  private async writable(
    m: EntityManager | DataSource,
    userId: string,
    assignmentId: string,
    now: Date,
    forWrite = false,
  ): Promise<WorkAssignment> {
    const a = await this.own(m, userId, assignmentId, forWrite);
    if (await this.work.hasConflict(m, userId, a.institutionId)) throw CitizenErrors.conflictOfInterest();
    if (a.status === 'expired' || (a.status === 'active' && a.expiresAt.getTime() <= now.getTime()))
      throw CitizenErrors.assignmentExpired();
    assertCitizenWork(
      { status: a.roundStatus, opensAt: a.opensAt, closesAt: a.closesAt, validationOpen: a.validationOpen },
      now,
    );
    return a;
  }

  private async definition(m: EntityManager | DataSource, questionnaireId: string): Promise<JsonObject> {
    const definition = await this.work.questionnaireDefinition(m, questionnaireId);
    if (!definition) throw new Error(`questionnaire ${questionnaireId} missing`);
    return definition;
  }

  async saveVerdict(
    userId: string,
    assignmentId: string,
    questionName: string,
    dto: SaveVerdictDto,
    now = new Date(),
  ): Promise<SaveVerdictResultDto> {
    return this.ds.transaction(async (m) => {
      const a = await this.writable(m, userId, assignmentId, now, true);
      const claims = claimsOf(a.institutionQuestionnaireId, await this.definition(m, a.institutionQuestionnaireId));
      if (!(await this.claimNames(m, a, claims)).has(questionName)) throw CitizenErrors.notVerifiable(questionName);
      if (
        dto.evidenceFileId &&
        !(await this.ownFiles(m, userId, a.roundId, [dto.evidenceFileId])).has(dto.evidenceFileId)
      ) {
        throw notFound('evidence file', 'evidenceFileId');
      }
      await this.recordBaseline(m, a, userId);
      const row = await this.writeVerdict(m, a, userId, questionName, dto);
      const assignmentStatus = await this.completeIfDone(m, a, claims);
      return { verdict: toVerdictDto(row), assignmentStatus };
    });
  }

  /**
   * Issue #16: every verdict of the assignment in one request and one transaction. All items are
   * checked first; any problem answers VALIDATION_FAILED with one entry per offending claim and field
   * (details.errors) and nothing is written. Each stored verdict follows the single-save rules
   * (outbox event, audit of edits, refutation notice reset).
   */
  async saveVerdicts(
    userId: string,
    assignmentId: string,
    items: unknown[],
    now = new Date(),
  ): Promise<SaveVerdictsResultDto> {
    return this.ds.transaction(async (m) => {
      const a = await this.writable(m, userId, assignmentId, now, true);
      const claims = claimsOf(a.institutionQuestionnaireId, await this.definition(m, a.institutionQuestionnaireId));
      const fileIds = items.flatMap((it) => {
        const f = isRecord(it) ? it.evidenceFileId : undefined;
        return typeof f === 'string' && isUUID(f) ? [f] : [];
      });
      const owned = await this.ownFiles(m, userId, a.roundId, fileIds);
      const checked = checkVerdictItems(items, await this.claimNames(m, a, claims), owned);
      if (!checked.ok) throw CitizenErrors.verdictBatchInvalid(checked.errors);
      await this.recordBaseline(m, a, userId);
      const saved: VerdictDto[] = [];
      for (const v of checked.items) saved.push(toVerdictDto(await this.writeVerdict(m, a, userId, v.questionName, v)));
      const assignmentStatus = await this.completeIfDone(m, a, claims);
      return { verdicts: saved, assignmentStatus };
    });
  }

  /**
   * Every claim a verdict may name on this assignment: the questionnaire's verifiable claims, and
   * (issue #18) the claim kind `milestone` — the milestones of the institution's commitments from an
   * earlier published round (`milestone:<id>`, see milestone-claims.ts). Both kinds share the
   * verdict row, evidence, refutation notice, reply window and standing rules.
   */
  private async claimNames(
    m: EntityManager,
    a: WorkAssignment,
    claims: readonly VerifiableItem[],
  ): Promise<Set<string>> {
    const names = await milestoneClaimNames(m, a.roundId, a.institutionId);
    for (const c of claims) names.add(c.name);
    return names;
  }

  /** Issue #16: the "before" of the validator's digest and history (written once). */
  private async recordBaseline(m: EntityManager, a: WorkAssignment, userId: string): Promise<void> {
    await this.work.recordBaseline(m, userId, a.roundId, a.institutionId);
  }

  private ownFiles(m: EntityManager, userId: string, roundId: string, ids: string[]): Promise<Set<string>> {
    return this.work.ownFileIds(m, userId, roundId, ids);
  }

  /** Upserts one verdict (the caller holds the assignment row lock, which serialises saves of it). */
  private async writeVerdict(
    m: EntityManager,
    a: WorkAssignment,
    userId: string,
    questionName: string,
    dto: SaveVerdictDto,
  ): Promise<VerdictRecord> {
    // An edit of an earlier verdict is audited (the assignment row lock above serialises saves of this verdict).
    const previous = await this.work.findVerdict(m, a.roundId, userId, a.institutionId, questionName);
    const row = await this.work.upsertVerdict(m, {
      roundId: a.roundId,
      institutionId: a.institutionId,
      validatorId: userId,
      questionName,
      verdict: dto.verdict,
      evidenceUrl: dto.evidenceUrl ?? null,
      evidenceFileId: dto.evidenceFileId ?? null,
      comment: dto.comment ?? null,
    });
    // METHOD.md §3.1: a new or changed refutation is (re)notified and its reply window starts anew.
    const changed =
      !previous ||
      previous.verdict !== row.verdict ||
      previous.evidenceUrl !== row.evidenceUrl ||
      previous.evidenceFileId !== row.evidenceFileId ||
      previous.comment !== row.comment;
    if (changed) await this.work.resetRefutationNotice(m, row.id);
    await this.outbox.emit(m, {
      type: 'verdict.saved',
      payload: { roundId: a.roundId, institutionId: a.institutionId, verdictId: row.id },
    });
    if (previous) {
      await this.audit.record(
        m,
        { kind: 'user', userId, role: 'citizen_validator', guarantorId: null },
        {
          action: 'verdict.edit',
          entityType: 'verdict',
          entityId: row.id,
          guarantorId: a.guarantorId,
          details: {
            roundId: a.roundId,
            institutionId: a.institutionId,
            questionName,
            from: {
              verdict: previous.verdict,
              evidenceUrl: previous.evidenceUrl,
              evidenceFileId: previous.evidenceFileId,
              comment: previous.comment,
            },
            to: {
              verdict: row.verdict,
              evidenceUrl: row.evidenceUrl,
              evidenceFileId: row.evidenceFileId,
              comment: row.comment,
            },
          },
        },
      );
    }
    return row;
  }

  async saveReport(
    userId: string,
    assignmentId: string,
    data: Record<string, unknown>,
    now = new Date(),
  ): Promise<SaveReportResultDto> {
    // Validate outside the transaction (survey-core may run async validators): no row lock is held meanwhile.
    const pre = await this.writable(this.ds, userId, assignmentId, now);
    // Compiled once per questionnaire version (id + checksum): no survey-core Model per report.
    const qid = pre.citizenQuestionnaireId;
    const checksum = await this.work.questionnaireChecksum(this.ds, qid);
    if (checksum === undefined) throw new Error(`questionnaire ${qid} missing`);
    const validator = await validatorFor(qid, checksum, () => this.definition(this.ds, qid));
    const result = await validator.validate(data, { mode: 'final' });
    if (!result.ok) {
      throw CitizenErrors.reportInvalid(result.errors[0]?.question ?? 'data', result.errors);
    }
    return this.ds.transaction(async (m) => {
      const a = await this.writable(m, userId, assignmentId, now, true);
      await this.recordBaseline(m, a, userId);
      const row = await this.work.upsertReport(m, {
        roundId: a.roundId,
        institutionId: a.institutionId,
        validatorId: userId,
        questionnaireId: pre.citizenQuestionnaireId,
        data: result.data,
      });
      await this.outbox.emit(m, {
        type: 'citizen-report.saved',
        payload: { roundId: a.roundId, institutionId: a.institutionId, reportId: row.id },
      });
      const claims = claimsOf(a.institutionQuestionnaireId, await this.definition(m, a.institutionQuestionnaireId));
      const assignmentStatus = await this.completeIfDone(m, a, claims);
      return {
        report: { id: row.id, data: row.data, updatedAt: row.updatedAt.toISOString() },
        cleared: result.cleared,
        assignmentStatus,
      };
    });
  }

  /** Completed = the report exists and every claim the institution answered has a verdict. */
  private async completeIfDone(
    m: EntityManager,
    a: WorkAssignment,
    claims: readonly VerifiableItem[],
  ): Promise<AssignmentStatus> {
    if (a.status !== 'active') return a.status;
    const state = await this.work.completionState(m, a.roundId, a.institutionId, a.validatorId);
    const given = new Set(state.verdictQuestions);
    if (!state.hasReport || !claimsToCheck(claims, state.submitted).every((n) => given.has(n))) return a.status;
    await this.work.markCompleted(m, a.id);
    return 'completed';
  }

  async uploadEvidence(
    userId: string,
    assignmentId: string,
    file: UploadedFileLike | undefined,
    questionName: string | undefined,
    now = new Date(),
  ): Promise<EvidenceFileDto> {
    if (!file) {
      throw EvidenceErrors.fileMissing();
    }
    const buffer = file.buffer;
    if (buffer.length > CITIZEN_EVIDENCE_LIMITS.maxFileBytes) {
      throw EvidenceErrors.fileTooLarge();
    }
    const decision = resolveEvidenceType(sniffMime(buffer), file.mimetype, file.originalname);
    if (!decision.ok) throw EvidenceErrors.unsupported(decision.reason);
    const sha256 = createHash('sha256').update(buffer).digest('hex');
    const filename = safeFilename(file.originalname, decision.mimeType);
    return this.ds.transaction(async (m) => {
      const a = await this.writable(m, userId, assignmentId, now, true);
      const n = await this.work.countUploads(m, a.roundId, a.institutionId, userId);
      if (n >= CITIZEN_EVIDENCE_LIMITS.maxFilesPerAssignment)
        throw CitizenErrors.tooManyEvidenceFiles(n, CITIZEN_EVIDENCE_LIMITS.maxFilesPerAssignment);
      const id = await this.work.insertEvidence(m, {
        roundId: a.roundId,
        institutionId: a.institutionId,
        uploaderUserId: userId,
        questionName: questionName ?? null,
        filename,
        mimeType: decision.mimeType,
        size: buffer.length,
        sha256,
        content: buffer,
      });
      return { id, filename, mimeType: decision.mimeType, size: buffer.length, sha256 };
    });
  }

  /** Evidence of the assigned institution in the round, or a file the validator uploaded there. */
  async downloadEvidence(userId: string, assignmentId: string, fileId: string): Promise<EvidenceDownload> {
    const a = await this.own(this.ds, userId, assignmentId);
    if (!(await this.work.evidenceVisible(this.ds, fileId, a.roundId, a.institutionId, userId)))
      throw notFound('evidence file', 'fileId');
    return this.evidence.downloadInRound(a.roundId, fileId);
  }
}
