import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { JsonObject } from '@apertura/db';
import type { CompiledValidator } from '@apertura/questionnaire';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { ResponseErrors } from './responses.errors';
import { EvidenceService } from '../evidence/evidence.service';
import { OutboxService } from '../common/outbox/outbox.service';
import { sameJson } from './canonical-json';
import {
  DraftSavedDto,
  PreviousRoundDto,
  RespondContextDto,
  SaveDraftDto,
  SubmitDto,
  SubmitResultDto,
  SubmittedCopyDto,
  VersionSummaryDto,
} from './dto/respond.dto';
import { answerableQuestionNames } from '../evidence/answerable-questions';
import { CleanSubmission, cleanDraft, cleanSubmission, issueField, submissionFolio, validatorFor } from './submission';
import { assertAcceptsSubmissions, RoundWindow, submissionState } from '../common/rounds/round-window';
import { RoundWindowService } from '../common/rounds/round-window.service';
import { RoundsRepository } from '../common/rounds/rounds.repository';
import { RoundErrors } from '../common/rounds/rounds.errors';
import { KeyedVersion, ResponsesRepository } from './responses.repository';

/** Unique index on response_version.idempotency_key (initial migration). */
const IDEMPOTENCY_INDEX = 'IDX_70ae7852a70188bfbfed5b7da7';

export interface SubmitOutcome {
  /** false when the idempotency key was seen before and the stored version is returned. */
  created: boolean;
  result: SubmitResultDto;
}

/** The round's questionnaire, compiled, and whether the round takes answers (re-checked under lock). */
interface RoundQuestionnaire {
  id: string;
  version: number;
  validator: CompiledValidator;
  window: RoundWindow;
  now: Date;
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; constraint?: string } | undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}

/**
 * Every version is kept and audited forever, so the number one institution can add to a round is
 * capped (round.max_versions_per_response, default 50, read by RoundsRepository.lockForSubmission). Checked under the response lock.
 */
function assertBelowVersionLimit(max: number, submitted: number): void {
  if (submitted >= max) {
    throw ResponseErrors.versionLimitReached(max);
  }
}

/**
 * The respondent side of a round: an institution, through its invitation link, reads the
 * questionnaire, autosaves drafts, submits and amends versions. Every submission is validated by
 * libs/questionnaire before anything is written, and written in one transaction with its outbox
 * event and audit record.
 */
@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ResponsesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceService,
    private readonly rounds: RoundsRepository,
    private readonly window: RoundWindowService,
  ) {}

  async context(inv: InvitationPrincipal): Promise<RespondContextDto> {
    const row = await this.repo.context(this.ds, inv.roundId, inv.institutionId);
    if (!row) throw RoundErrors.notFound();
    const state = submissionState(row.round, row.now);
    return {
      round: {
        id: row.round.id,
        name: row.round.name,
        status: row.round.status,
        opensAt: row.round.opensAt.toISOString(),
        closesAt: row.round.closesAt.toISOString(),
        synthetic: row.round.synthetic,
      },
      institution: {
        id: row.institution.id,
        name: row.institution.name,
        type: row.institution.type,
        level: row.institution.level,
        cvegeo: row.institution.cvegeo,
        municipality: row.institution.municipality ?? '',
        state: row.institution.state ?? '',
      },
      questionnaire: row.questionnaire,
      response: {
        status: row.response.status ?? 'none',
        draft: row.response.draft ?? {},
        currentPage: row.response.currentPage ?? 0,
        version: row.response.version ?? 0,
        submittedAt: row.response.submittedAt ? row.response.submittedAt.toISOString() : null,
        submitted: row.response.submitted,
      },
      readOnly: state !== 'accepting',
      evidence: await this.evidence.listOwn(inv.roundId, inv.institutionId),
    };
  }

  /** Autosave of the working copy. Not audited, no event: only submissions count. */
  async saveDraft(inv: InvitationPrincipal, dto: SaveDraftDto): Promise<DraftSavedDto> {
    const q = await this.questionnaire(inv.roundId);
    // A closed round answers ROUND_CLOSED whatever the answers are.
    assertAcceptsSubmissions(q.window, q.now);
    const clean = await cleanDraft(q.validator, dto.data);
    const issues = clean.issues.flatMap((i) => {
      const question = issueField(i);
      return question
        ? [{ question, code: i.code, title: i.title ?? { es: question, en: question }, message: i.message }]
        : [];
    });
    return this.ds.transaction(async (m) => {
      await this.window.lockAcceptingSubmissions(m, inv.roundId);
      // A submitted response keeps its status: the draft is then the working copy of an amendment.
      const saved = await this.repo.saveDraft(m, {
        roundId: inv.roundId,
        institutionId: inv.institutionId,
        questionnaireId: q.id,
        draft: clean.data,
        currentPage: dto.currentPage,
      });
      return {
        savedAt: saved.savedAt.toISOString(),
        currentPage: saved.currentPage,
        issues,
        normalized: clean.normalized,
      };
    });
  }

  /**
   * Submits (or amends) the self-report. Validation happens before the transaction, so an invalid
   * submission writes nothing. Inside it the response row is locked, which serialises concurrent
   * submits of one institution: the same key gives one version, different keys give consecutive
   * versions, and no update is lost.
   */
  async submit(inv: InvitationPrincipal, dto: SubmitDto): Promise<SubmitOutcome> {
    const q = await this.questionnaire(inv.roundId);
    // A closed round answers ROUND_CLOSED whatever the answers are, except to the replay of a stored submission.
    if (
      submissionState(q.window, q.now) !== 'accepting' &&
      !(await this.repo.versionByKey(this.ds, dto.idempotencyKey))
    ) {
      assertAcceptsSubmissions(q.window, q.now);
    }
    const clean = await cleanSubmission(q.validator, dto.data, 'final');
    try {
      return await this.ds.transaction((m) => this.submitLocked(m, inv, q, clean, dto.idempotencyKey));
    } catch (err) {
      // Another institution's submission took the same key at the same moment (keys are global).
      if (!isUniqueViolation(err, IDEMPOTENCY_INDEX)) throw err;
      const existing = await this.repo.versionByKey(this.ds, dto.idempotencyKey);
      if (!existing) throw err;
      const head = await this.repo.head(this.ds, inv.roundId, inv.institutionId);
      return { created: false, result: this.replay(existing, head?.id ?? '', clean) };
    }
  }

  private async submitLocked(
    m: EntityManager,
    inv: InvitationPrincipal,
    q: RoundQuestionnaire,
    clean: CleanSubmission,
    key: string,
  ): Promise<SubmitOutcome> {
    const round = await this.rounds.lockForSubmission(m, inv.roundId);
    // Two first submits at once: the second INSERT waits for the first to commit, then does nothing.
    await this.repo.ensureResponse(m, inv.roundId, inv.institutionId, q.id);
    // Locked until commit: concurrent submits of one institution take their turns here.
    const response = await this.repo.head(m, inv.roundId, inv.institutionId, 'update');
    if (!response) throw new Error('response row missing after its INSERT');
    // A replay is answered even after the round closed: the client only learns what it already did.
    const existing = await this.repo.versionByKey(m, key);
    if (existing) return { created: false, result: this.replay(existing, response.id, clean) };

    assertAcceptsSubmissions(round, round.now);
    assertBelowVersionLimit(round.maxVersionsPerResponse, response.version);
    const version = response.version + 1;
    const evidence = await this.evidence.snapshot(m, inv.roundId, inv.institutionId);
    const submittedAt = await this.repo.insertVersion(m, {
      responseId: response.id,
      version,
      idempotencyKey: key,
      data: clean.data,
      cleared: clean.cleared,
      evidence,
      questionnaireId: q.id,
    });
    // The results to recompute, and the institution's own record of what it sent (folio + printable
    // copy, through the mail ledger): one statement.
    await this.outbox.emitMany(m, [
      {
        type: 'response.submitted',
        payload: { roundId: inv.roundId, institutionId: inv.institutionId, responseId: response.id, version },
      },
      {
        type: 'mail.submission-receipt',
        payload: { invitationId: inv.invitationId, responseId: response.id, version },
      },
    ]);
    await this.audit.record(m, inv, {
      action: version > 1 ? 'response.amend' : 'response.submit',
      entityType: 'response',
      entityId: response.id,
      guarantorId: round.guarantorId,
      details: {
        roundId: inv.roundId,
        institutionId: inv.institutionId,
        invitationId: inv.invitationId,
        version,
        idempotencyKey: key,
        cleared: clean.cleared,
        evidenceFiles: evidence.length,
      },
    });
    return {
      created: true,
      result: {
        responseId: response.id,
        version,
        submittedAt: submittedAt.toISOString(),
        cleared: clean.cleared,
      },
    };
  }

  /** A submitted version (the latest by default) with what a printable copy needs. */
  async copy(inv: InvitationPrincipal, version?: number): Promise<SubmittedCopyDto> {
    const row = await this.repo.submittedCopy(this.ds, inv.roundId, inv.institutionId, version ?? null);
    if (!row) throw notFound(version ? `versión ${version}` : 'respuesta enviada', 'version');
    const evidence = (row.evidence ?? []).map((e) => ({
      questionName:
        typeof e.questionName === 'string'
          ? e.questionName
          : typeof e.question_name === 'string'
            ? e.question_name
            : null,
      filename: typeof e.filename === 'string' ? e.filename : '',
      size: typeof e.size === 'number' ? e.size : Number(e.size ?? 0),
      sha256: typeof e.sha256 === 'string' ? e.sha256 : '',
    }));
    return {
      folio: submissionFolio(row.responseId, row.version),
      responseId: row.responseId,
      version: row.version,
      submittedAt: row.submittedAt.toISOString(),
      roundName: row.roundName,
      institutionName: row.institutionName,
      definition: row.definition,
      data: row.data,
      evidence,
    };
  }

  /**
   * The institution's answers to the latest earlier round of the same guarantor, kept to the
   * questions of this round's questionnaire that still accept them (a starting point the respondent
   * reviews; nothing is saved or submitted here).
   */
  async previous(inv: InvitationPrincipal): Promise<PreviousRoundDto> {
    const q = await this.questionnaire(inv.roundId);
    const rows = await this.repo.previousSubmissions(this.ds, inv.roundId, inv.institutionId);
    const names = answerableQuestionNames(q.validator.definition as JsonObject);
    for (const row of rows) {
      // Same question names (and their "-Comment" texts) only; a renamed or removed question is left out.
      const kept = Object.fromEntries(
        Object.entries(row.submitted).filter(([k]) => names.has(k) || names.has(k.replace(/-Comment$/, ''))),
      );
      if (Object.keys(kept).length === 0) continue;
      const clean = await q.validator.validate(kept, { mode: 'draft' });
      const bad = new Set(clean.errors.map((e) => issueField(e)).filter((n): n is string => n !== undefined));
      const data = Object.fromEntries(Object.entries(clean.data).filter(([k]) => !bad.has(k)));
      if (Object.keys(data).length === 0) continue;
      return {
        previous: {
          roundId: row.roundId,
          roundName: row.roundName,
          submittedAt: row.submittedAt.toISOString(),
          data,
        },
      };
    }
    return { previous: null };
  }

  async versions(inv: InvitationPrincipal): Promise<VersionSummaryDto[]> {
    const rows = await this.repo.versionSummaries(this.ds, inv.roundId, inv.institutionId);
    return rows.map((r) => ({ version: r.version, submittedAt: r.submittedAt.toISOString(), cleared: r.cleared }));
  }

  private replay(existing: KeyedVersion, responseId: string, clean: CleanSubmission): SubmitResultDto {
    if (existing.responseId !== responseId || !sameJson(existing.data, clean.data))
      throw ResponseErrors.idempotencyMismatch();
    return {
      responseId,
      version: existing.version,
      submittedAt: existing.submittedAt.toISOString(),
      cleared: existing.cleared,
    };
  }

  /**
   * The round's questionnaire (its compiled validator), and whether the round takes answers right
   * now (re-checked under lock later). The definition itself is read only when its version is not
   * compiled yet: parsing a large jsonb per request is work the cache already did.
   */
  private async questionnaire(roundId: string): Promise<RoundQuestionnaire> {
    const row = await this.repo.roundQuestionnaire(this.ds, roundId);
    if (!row) throw RoundErrors.notFound();
    const validator = await validatorFor(row.id, row.checksum, () =>
      this.repo.questionnaireDefinition(this.ds, row.id),
    );
    return { id: row.id, version: row.version, validator, window: row.window, now: row.now };
  }
}
