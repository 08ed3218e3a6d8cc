import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AssignmentStatus, JsonObject, RoundStatus } from '@apertura/db';
import type { VerifiableItem } from '@apertura/questionnaire';
import { DomainError, notFound } from '../../common/domain-error';
import { resolveEvidenceType, safeFilename } from '../../evidence/evidence-type';
import { EvidenceErrors } from '../../evidence/evidence.errors';
import { EvidenceDownload, EvidenceService } from '../../evidence/evidence.service';
import { sniffMime } from '../../evidence/sniff-mime';
import { AuditService } from '../../common/audit/audit.service';
import { OutboxService } from '../../common/outbox/outbox.service';
import { toVerdictDto, VerdictRowLike } from '../assignments/assignment-view';
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
import { CommitmentsRepository } from '../../commitments/commitments.repository';

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

interface AssignmentContext {
  id: string;
  round_id: string;
  guarantor_id: string;
  institution_id: string;
  validator_id: string;
  status: AssignmentStatus;
  expires_at: Date;
  round_status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  institution_questionnaire_id: string;
  citizen_questionnaire_id: string;
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
    private readonly outbox: OutboxService,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
  ) {}

  /** Own assignment (for reading; no state checks). */
  private async own(
    m: EntityManager | DataSource,
    userId: string,
    assignmentId: string,
    lock = false,
  ): Promise<AssignmentContext> {
    const rows: AssignmentContext[] = await m.query(
      `SELECT a.id, a.round_id, r.guarantor_id, a.institution_id, a.validator_id, a.status, a.expires_at, r.status AS round_status, r.opens_at,
              r.closes_at, r.validation_open, r.institution_questionnaire_id, r.citizen_questionnaire_id
       FROM assignment a JOIN round r ON r.id = a.round_id
       WHERE a.id = $1 AND a.validator_id = $2 ${lock ? 'FOR UPDATE OF a FOR KEY SHARE OF r' : ''}`,
      [assignmentId, userId],
    );
    if (rows.length === 0) throw CitizenErrors.notAssigned();
    return rows[0];
  }

  /** Own assignment that takes writes now. */
  private async writable(
    m: EntityManager | DataSource,
    userId: string,
    assignmentId: string,
    now: Date,
    lock = false,
  ): Promise<AssignmentContext> {
    const a = await this.own(m, userId, assignmentId, lock);
    const conflict: unknown[] = await m.query(
      'SELECT 1 FROM validator_conflict WHERE user_id = $1 AND institution_id = $2',
      [userId, a.institution_id],
    );
    if (conflict.length > 0) throw CitizenErrors.conflictOfInterest();
    if (a.status === 'expired' || (a.status === 'active' && a.expires_at.getTime() <= now.getTime()))
      throw CitizenErrors.assignmentExpired();
    assertCitizenWork(
      { status: a.round_status, opensAt: a.opens_at, closesAt: a.closes_at, validationOpen: a.validation_open },
      now,
    );
    return a;
  }

  private async definition(m: EntityManager | DataSource, questionnaireId: string): Promise<JsonObject> {
    const rows: Array<{ definition: JsonObject }> = await m.query(
      'SELECT definition FROM questionnaire WHERE id = $1',
      [questionnaireId],
    );
    if (rows.length === 0) throw new Error(`questionnaire ${questionnaireId} missing`);
    return rows[0].definition;
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
      const claims = claimsOf(a.institution_questionnaire_id, await this.definition(m, a.institution_questionnaire_id));
      if (!(await this.claimNames(m, a, claims)).has(questionName)) throw CitizenErrors.notVerifiable(questionName);
      if (
        dto.evidenceFileId &&
        !(await this.ownFiles(m, userId, a.round_id, [dto.evidenceFileId])).has(dto.evidenceFileId)
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
      const claims = claimsOf(a.institution_questionnaire_id, await this.definition(m, a.institution_questionnaire_id));
      const fileIds = items.flatMap((it) => {
        const f = isRecord(it) ? it.evidenceFileId : undefined;
        return typeof f === 'string' && isUUID(f) ? [f] : [];
      });
      const owned = await this.ownFiles(m, userId, a.round_id, fileIds);
      const checked = checkVerdictItems(items, await this.claimNames(m, a, claims), owned);
      if (!checked.ok) {
        throw new DomainError(
          'VALIDATION_FAILED',
          {
            es: `Hay ${checked.errors.length === 1 ? 'un problema' : `${checked.errors.length} problemas`} en los dictámenes; no se guardó ninguno.`,
            en: `${checked.errors.length === 1 ? 'One problem' : `${checked.errors.length} problems`} in the verdicts; none was saved.`,
          },
          'verdicts',
          { errors: checked.errors },
        );
      }
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
   * earlier published round (`milestone:<id>`, see commitments.repository.ts). Both kinds share the
   * verdict row, evidence, refutation notice, reply window and standing rules.
   */
  private async claimNames(
    m: EntityManager,
    a: AssignmentContext,
    claims: readonly VerifiableItem[],
  ): Promise<Set<string>> {
    const names = await CommitmentsRepository.milestoneClaimNames(m, a.round_id, a.institution_id);
    for (const c of claims) names.add(c.name);
    return names;
  }

  /**
   * Issue #16: the institution's result as it stood when this validator first worked on it — the
   * "before" of their digest and history. Written once (later saves keep the first one).
   */
  private async recordBaseline(m: EntityManager, a: AssignmentContext, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO validator_result_seen (user_id, round_id, institution_id, estimate, status, first_estimate, first_status, seen_at)
       SELECT $1::uuid, $2::uuid, $3::uuid, mr.estimate, mr.status, mr.estimate, mr.status, now()
       FROM (SELECT 1) one
       LEFT JOIN metric_result mr ON mr.round_id = $2::uuid AND mr.scope = 'institution' AND mr.scope_key = ($3::uuid)::text
                                 AND mr.aggregation = 'unweighted' AND mr.indicator = 'I'
       ON CONFLICT (user_id, round_id, institution_id) DO NOTHING`,
      [userId, a.round_id, a.institution_id],
    );
  }

  private async ownFiles(m: EntityManager, userId: string, roundId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await m.query(
      'SELECT id FROM evidence_file WHERE id = ANY($1::uuid[]) AND uploader_user_id = $2 AND round_id = $3',
      [ids, userId, roundId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Upserts one verdict (the caller holds the assignment row lock, which serialises saves of it). */
  private async writeVerdict(
    m: EntityManager,
    a: AssignmentContext,
    userId: string,
    questionName: string,
    dto: SaveVerdictDto,
  ): Promise<VerdictRowLike> {
    // An edit of an earlier verdict is audited (the assignment row lock above serialises saves of this verdict).
    const [previous]: Array<{
      verdict: string;
      evidence_url: string | null;
      evidence_file_id: string | null;
      comment: string | null;
    }> = await m.query(
      'SELECT verdict, evidence_url, evidence_file_id, comment FROM verdict WHERE round_id = $1 AND validator_id = $2 AND institution_id = $3 AND question_name = $4',
      [a.round_id, userId, a.institution_id, questionName],
    );
    // The unique index makes a repeated verdict an update of the same row, also under concurrency.
    const [row]: VerdictRowLike[] = await m.query(
      `INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict, evidence_url, evidence_file_id, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (round_id, validator_id, institution_id, question_name) DO UPDATE
         SET verdict = EXCLUDED.verdict, evidence_url = EXCLUDED.evidence_url, evidence_file_id = EXCLUDED.evidence_file_id,
             comment = EXCLUDED.comment, updated_at = now()
       RETURNING id, round_id, institution_id, question_name, verdict, evidence_url, evidence_file_id, comment, updated_at`,
      [
        a.round_id,
        a.institution_id,
        userId,
        questionName,
        dto.verdict,
        dto.evidenceUrl ?? null,
        dto.evidenceFileId ?? null,
        dto.comment ?? null,
      ],
    );
    // METHOD.md §3.1: a new or changed refutation is (re)notified and its reply window starts anew.
    const changed =
      !previous ||
      previous.verdict !== row.verdict ||
      previous.evidence_url !== row.evidence_url ||
      previous.evidence_file_id !== row.evidence_file_id ||
      previous.comment !== row.comment;
    if (changed) {
      await m.query(
        'UPDATE verdict SET notice_queued_at = NULL, notified_at = NULL, reply_window_closed_at = NULL WHERE id = $1',
        [row.id],
      );
    }
    await this.outbox.emit(m, {
      type: 'verdict.saved',
      payload: { roundId: a.round_id, institutionId: a.institution_id, verdictId: row.id },
    });
    if (previous) {
      await this.audit.record(
        m,
        { kind: 'user', userId, role: 'citizen_validator', guarantorId: null },
        {
          action: 'verdict.edit',
          entityType: 'verdict',
          entityId: row.id,
          guarantorId: a.guarantor_id,
          details: {
            roundId: a.round_id,
            institutionId: a.institution_id,
            questionName,
            from: {
              verdict: previous.verdict,
              evidenceUrl: previous.evidence_url,
              evidenceFileId: previous.evidence_file_id,
              comment: previous.comment,
            },
            to: {
              verdict: row.verdict,
              evidenceUrl: row.evidence_url,
              evidenceFileId: row.evidence_file_id,
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
    const qid = pre.citizen_questionnaire_id;
    const [{ checksum }]: Array<{ checksum: string }> = await this.ds.query(
      'SELECT checksum FROM questionnaire WHERE id = $1',
      [qid],
    );
    const validator = await validatorFor(qid, checksum, () => this.definition(this.ds, qid));
    const result = await validator.validate(data, { mode: 'final' });
    if (!result.ok) {
      throw new DomainError(
        'SUBMISSION_INVALID',
        {
          es: 'El reporte ciudadano tiene respuestas faltantes o no válidas.',
          en: 'The citizen report has missing or invalid answers.',
        },
        result.errors[0]?.question ?? 'data',
        { issues: result.errors },
      );
    }
    return this.ds.transaction(async (m) => {
      const a = await this.writable(m, userId, assignmentId, now, true);
      await this.recordBaseline(m, a, userId);
      const [row]: Array<{ id: string; data: JsonObject; updated_at: Date }> = await m.query(
        `INSERT INTO citizen_report (round_id, institution_id, validator_id, questionnaire_id, data)
         VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (round_id, validator_id, institution_id) DO UPDATE
           SET data = EXCLUDED.data, questionnaire_id = EXCLUDED.questionnaire_id, updated_at = now()
         RETURNING id, data, updated_at`,
        [a.round_id, a.institution_id, userId, pre.citizen_questionnaire_id, JSON.stringify(result.data)],
      );
      await this.outbox.emit(m, {
        type: 'citizen-report.saved',
        payload: { roundId: a.round_id, institutionId: a.institution_id, reportId: row.id },
      });
      const claims = claimsOf(a.institution_questionnaire_id, await this.definition(m, a.institution_questionnaire_id));
      const assignmentStatus = await this.completeIfDone(m, a, claims);
      return {
        report: { id: row.id, data: row.data, updatedAt: row.updated_at.toISOString() },
        cleared: result.cleared,
        assignmentStatus,
      };
    });
  }

  /** Completed = the report exists and every claim the institution answered has a verdict. */
  private async completeIfDone(
    m: EntityManager,
    a: AssignmentContext,
    claims: readonly VerifiableItem[],
  ): Promise<AssignmentStatus> {
    if (a.status !== 'active') return a.status;
    const [state]: Array<{ submitted: JsonObject | null; has_report: boolean; verdicts: string[] }> = await m.query(
      `SELECT (SELECT submitted FROM response WHERE round_id = $1 AND institution_id = $2) AS submitted,
              EXISTS (SELECT 1 FROM citizen_report WHERE round_id = $1 AND institution_id = $2 AND validator_id = $3) AS has_report,
              ARRAY(SELECT question_name FROM verdict WHERE round_id = $1 AND institution_id = $2 AND validator_id = $3) AS verdicts`,
      [a.round_id, a.institution_id, a.validator_id],
    );
    const given = new Set(state.verdicts);
    if (!state.has_report || !claimsToCheck(claims, state.submitted).every((n) => given.has(n))) return a.status;
    await m.query(`UPDATE assignment SET status = 'completed', updated_at = now() WHERE id = $1`, [a.id]);
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
      const [{ n }]: Array<{ n: number }> = await m.query(
        'SELECT count(*)::int AS n FROM evidence_file WHERE round_id = $1 AND institution_id = $2 AND uploader_user_id = $3',
        [a.round_id, a.institution_id, userId],
      );
      if (n >= CITIZEN_EVIDENCE_LIMITS.maxFilesPerAssignment) {
        throw new DomainError(
          'CONFLICT',
          {
            es: `Ya subió ${n} archivos para esta institución; el máximo es ${CITIZEN_EVIDENCE_LIMITS.maxFilesPerAssignment}.`,
            en: `You already uploaded ${n} files for this institution; the maximum is ${CITIZEN_EVIDENCE_LIMITS.maxFilesPerAssignment}.`,
          },
          'file',
        );
      }
      // institution_id says which institution the evidence is about; uploader_user_id marks it as a
      // validator's file (institution queries all require uploader_user_id IS NULL).
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO evidence_file (round_id, institution_id, uploader_user_id, question_name, filename, mime_type, size, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          a.round_id,
          a.institution_id,
          userId,
          questionName ?? null,
          filename,
          decision.mimeType,
          buffer.length,
          sha256,
          buffer,
        ],
      );
      return { id: row.id, filename, mimeType: decision.mimeType, size: buffer.length, sha256 };
    });
  }

  /** Evidence of the assigned institution in the round, or a file the validator uploaded there. */
  async downloadEvidence(userId: string, assignmentId: string, fileId: string): Promise<EvidenceDownload> {
    const a = await this.own(this.ds, userId, assignmentId);
    const allowed: unknown[] = await this.ds.query(
      `SELECT 1 FROM evidence_file WHERE id = $1 AND round_id = $2 AND institution_id = $3
         AND (uploader_user_id IS NULL OR uploader_user_id = $4)`,
      [fileId, a.round_id, a.institution_id, userId],
    );
    if (allowed.length === 0) throw notFound('evidence file', 'fileId');
    return this.evidence.downloadInRound(a.round_id, fileId);
  }
}
