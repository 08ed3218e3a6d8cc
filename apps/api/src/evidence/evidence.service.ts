import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { JsonObject } from '@apertura/db';
import type { InvitationPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { RoundWindowService } from '../common/rounds/round-window.service';
import { answerableQuestionNames } from './answerable-questions';
import { assertAcceptsSubmissions } from '../common/rounds/round-window';
import { EvidenceDto } from './dto/evidence.dto';
import { EvidenceErrors } from './evidence.errors';
import { EvidenceContentRecord, EvidenceRecord, EvidenceRepository } from './evidence.repository';
import { contentDisposition, resolveEvidenceType, safeFilename } from './evidence-type';
import { sniffMime } from './sniff-mime';
import { RoundErrors } from '../common/rounds/rounds.errors';

/** Upload limits (DESIGN.md: self-reported evidence, stored in PostgreSQL with its checksum). */
export const EVIDENCE_LIMITS = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesPerInstitution: 100,
  maxBytesPerInstitution: 200 * 1024 * 1024,
});

/** What multer (memory storage) hands over for the `file` part. */
export interface UploadedEvidence {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface EvidenceDownload {
  content: Buffer;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  headers: Record<string, string>;
}

export const toEvidenceDto = (r: EvidenceRecord): EvidenceDto => ({
  id: r.id,
  questionName: r.questionName,
  filename: r.filename,
  mimeType: r.mimeType,
  size: r.size,
  sha256: r.sha256,
});

/** The snapshot a submitted version keeps of its evidence (response_version.evidence). */
export const toEvidenceSnapshot = (r: EvidenceRecord): JsonObject => ({ ...toEvidenceDto(r) });

/** Evidence files of self-reports: upload with content sniffing, listing, download, removal. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: EvidenceRepository,
    private readonly window: RoundWindowService,
  ) {}

  async listOwn(
    roundId: string,
    institutionId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<EvidenceDto[]> {
    return (await this.repo.listOwn(manager, roundId, institutionId)).map(toEvidenceDto);
  }

  /** Snapshot of the institution's current files, taken inside the submit transaction. */
  async snapshot(manager: EntityManager, roundId: string, institutionId: string): Promise<JsonObject[]> {
    return (await this.repo.listOwn(manager, roundId, institutionId)).map(toEvidenceSnapshot);
  }

  async upload(
    inv: InvitationPrincipal,
    file: UploadedEvidence | undefined,
    questionName: string,
  ): Promise<EvidenceDto> {
    const q = await this.repo.uploadRound(this.ds, inv.roundId);
    if (!q) throw RoundErrors.notFound();
    // Early answer for a closed round; checked again under the round lock below.
    assertAcceptsSubmissions(q.window, q.now);
    if (!file || !Buffer.isBuffer(file.buffer)) {
      throw EvidenceErrors.fileMissing();
    }
    if (file.buffer.length === 0) {
      throw EvidenceErrors.fileEmpty();
    }
    if (file.buffer.length > EVIDENCE_LIMITS.maxFileBytes) {
      throw EvidenceErrors.fileTooLarge();
    }
    const decision = resolveEvidenceType(sniffMime(file.buffer), file.mimetype, file.originalname);
    if (!decision.ok) throw EvidenceErrors.unsupported(decision.reason);
    const filename = safeFilename(file.originalname, decision.mimeType);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');

    if (!answerableQuestionNames(q.definition).has(questionName)) {
      throw EvidenceErrors.notAQuestion(questionName);
    }

    return this.ds.transaction(async (m) => {
      await this.window.lockAcceptingSubmissions(m, inv.roundId);
      const usage = await this.repo.usage(m, inv.roundId, inv.institutionId);
      if (
        usage.files >= EVIDENCE_LIMITS.maxFilesPerInstitution ||
        usage.bytes + file.buffer.length > EVIDENCE_LIMITS.maxBytesPerInstitution
      ) {
        throw EvidenceErrors.institutionQuotaReached(EVIDENCE_LIMITS.maxFilesPerInstitution);
      }
      const row = await this.repo.insert(m, {
        roundId: inv.roundId,
        institutionId: inv.institutionId,
        questionName,
        filename,
        mimeType: decision.mimeType,
        sha256,
        content: file.buffer,
      });
      return toEvidenceDto(row);
    });
  }

  /** A file of the invitation's institution in its round (never another institution's: 404). */
  async downloadOwn(inv: InvitationPrincipal, id: string): Promise<EvidenceDownload> {
    return this.download(await this.repo.ownWithContent(this.ds, inv.roundId, inv.institutionId, id));
  }

  /** Any file of a round, including files removed after a version cited them (staff, own guarantor checked by the caller). */
  async downloadInRound(roundId: string, id: string): Promise<EvidenceDownload> {
    return this.download(await this.repo.inRoundWithContent(this.ds, roundId, id));
  }

  private download(file: EvidenceContentRecord | undefined): EvidenceDownload {
    if (!file) throw notFound('evidence file', 'id');
    const textual = file.mimeType.startsWith('text/');
    return {
      content: file.content,
      filename: file.filename,
      mimeType: file.mimeType,
      size: file.size,
      sha256: file.sha256,
      headers: {
        'Content-Type': textual ? `${file.mimeType}; charset=utf-8` : file.mimeType,
        'Content-Disposition': contentDisposition(file.filename),
        'Content-Length': String(file.content.length),
        'X-Content-Type-Options': 'nosniff',
        // Even if a browser rendered it, the file gets no script, no origin, no network.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        ETag: `"${file.sha256}"`,
      },
    };
  }

  /**
   * Removes a file while the round takes answers. A file cited by a submitted version stays stored
   * (hidden from the working copy) so that version keeps its evidence; any other file is deleted.
   */
  async remove(inv: InvitationPrincipal, id: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await this.window.lockAcceptingSubmissions(m, inv.roundId);
      if (!(await this.repo.lockOwn(m, inv.roundId, inv.institutionId, id))) throw notFound('evidence file', 'id');
      if (await this.repo.citedByVersion(m, inv.roundId, inv.institutionId, id)) await this.repo.markDeleted(m, id);
      else await this.repo.delete(m, id);
    });
  }
}
