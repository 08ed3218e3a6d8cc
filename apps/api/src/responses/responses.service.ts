import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { JsonObject, ResponseStatus, RoundStatus } from '@apertura/db';
import type { CompiledValidator } from '@apertura/questionnaire';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { mutateReturning } from '../common/persistence';
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
import {
  answerableQuestionNames,
  CleanSubmission,
  cleanDraft,
  cleanSubmission,
  issueField,
  submissionFolio,
  validatorFor,
} from './submission';
import { assertAcceptsSubmissions, RoundWindow, submissionState } from '../rounds/round-window';
import { RoundWindowService } from '../rounds/round-window.service';
import { RoundsRepository } from '../rounds/rounds.repository';
import { RoundErrors } from '../rounds/rounds.errors';

/** Unique index on response_version.idempotency_key (initial migration). */
const IDEMPOTENCY_INDEX = 'IDX_70ae7852a70188bfbfed5b7da7';

export interface SubmitOutcome {
  /** false when the idempotency key was seen before and the stored version is returned. */
  created: boolean;
  result: SubmitResultDto;
}

interface QuestionnaireRow {
  id: string;
  version: number;
  validator: CompiledValidator;
}

interface VersionRow {
  response_id: string;
  version: number;
  data: JsonObject;
  cleared: string[];
  submitted_at: Date;
}

const idempotencyMismatch = (): DomainError =>
  new DomainError(
    'IDEMPOTENCY_MISMATCH',
    {
      es: 'Esta clave de envío ya se usó con otras respuestas. Genere una clave nueva para un envío distinto.',
      en: 'This submission key was already used with different answers. Use a new key for a different submission.',
    },
    'idempotencyKey',
  );

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
    throw new DomainError(
      'VERSION_LIMIT_REACHED',
      {
        es: `Ya envió ${max} versiones en esta ronda, el máximo permitido. Si necesita corregir algo más, comuníquese con el organismo que opera la ronda.`,
        en: `You have already submitted ${max} versions in this round, the maximum allowed. To correct anything else, contact the body that runs the round.`,
      },
      undefined,
      { max },
    );
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
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceService,
    private readonly rounds: RoundsRepository,
    private readonly window: RoundWindowService,
  ) {}

  async context(inv: InvitationPrincipal): Promise<RespondContextDto> {
    const [row]: Array<{
      round_id: string;
      round_name: string;
      round_status: RoundStatus;
      opens_at: Date;
      closes_at: Date;
      synthetic: boolean;
      now: Date;
      institution_id: string;
      institution_name: string;
      type: string;
      level: string;
      cvegeo: string;
      municipality: string | null;
      state: string | null;
      questionnaire_id: string;
      questionnaire_version: number;
      definition: JsonObject;
      response_status: ResponseStatus | null;
      draft: JsonObject | null;
      current_page: number | null;
      version: number | null;
      submitted_at: Date | null;
      submitted: JsonObject | null;
    }> = await this.ds.query(
      `SELECT ro.id AS round_id, ro.name AS round_name, ro.status AS round_status, ro.opens_at, ro.closes_at, ro.synthetic, now() AS now,
              i.id AS institution_id, i.name AS institution_name, i.type, i.level, i.cvegeo, mu.nom_mun AS municipality, mu.nom_ent AS state,
              q.id AS questionnaire_id, q.version AS questionnaire_version, q.definition,
              r.status AS response_status, r.draft, r.current_page, r.version, r.submitted_at, r.submitted
       FROM round ro
       JOIN institution i ON i.id = $2
       LEFT JOIN municipality mu ON mu.cvegeo = i.cvegeo
       JOIN questionnaire q ON q.id = ro.institution_questionnaire_id
       LEFT JOIN response r ON r.round_id = ro.id AND r.institution_id = i.id
       WHERE ro.id = $1`,
      [inv.roundId, inv.institutionId],
    );
    if (!row) throw RoundErrors.notFound();
    const state = submissionState(
      { status: row.round_status, opensAt: row.opens_at, closesAt: row.closes_at },
      row.now,
    );
    return {
      round: {
        id: row.round_id,
        name: row.round_name,
        status: row.round_status,
        opensAt: row.opens_at.toISOString(),
        closesAt: row.closes_at.toISOString(),
        synthetic: row.synthetic,
      },
      institution: {
        id: row.institution_id,
        name: row.institution_name,
        type: row.type,
        level: row.level,
        cvegeo: row.cvegeo,
        municipality: row.municipality ?? '',
        state: row.state ?? '',
      },
      questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version, definition: row.definition },
      response: {
        status: row.response_status ?? 'none',
        draft: row.draft ?? {},
        currentPage: row.current_page ?? 0,
        version: row.version ?? 0,
        submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
        submitted: row.submitted,
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
      const [row]: Array<{ updated_at: Date; current_page: number }> = await m.query(
        `INSERT INTO response (round_id, institution_id, questionnaire_id, draft, current_page)
         VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (round_id, institution_id) DO UPDATE
           SET draft = EXCLUDED.draft, current_page = EXCLUDED.current_page, updated_at = now()
         RETURNING updated_at, current_page`,
        [inv.roundId, inv.institutionId, q.id, JSON.stringify(clean.data), dto.currentPage],
      );
      return {
        savedAt: row.updated_at.toISOString(),
        currentPage: row.current_page,
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
      !(await this.versionByKey(this.ds.manager, dto.idempotencyKey))
    ) {
      assertAcceptsSubmissions(q.window, q.now);
    }
    const clean = await cleanSubmission(q.validator, dto.data, 'final');
    try {
      return await this.ds.transaction((m) => this.submitLocked(m, inv, q, clean, dto.idempotencyKey));
    } catch (err) {
      // Another institution's submission took the same key at the same moment (keys are global).
      if (!isUniqueViolation(err, IDEMPOTENCY_INDEX)) throw err;
      const existing = await this.versionByKey(this.ds.manager, dto.idempotencyKey);
      if (!existing) throw err;
      const responseId = await this.responseId(inv);
      return { created: false, result: this.replay(existing, responseId, clean) };
    }
  }

  private async submitLocked(
    m: EntityManager,
    inv: InvitationPrincipal,
    q: QuestionnaireRow,
    clean: CleanSubmission,
    key: string,
  ): Promise<SubmitOutcome> {
    const round = await this.rounds.lockForSubmission(m, inv.roundId);
    // Two first submits at once: the second INSERT waits for the first to commit, then does nothing.
    await m.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id) VALUES ($1, $2, $3) ON CONFLICT (round_id, institution_id) DO NOTHING`,
      [inv.roundId, inv.institutionId, q.id],
    );
    const [response]: Array<{ id: string; version: number }> = await m.query(
      'SELECT id, version FROM response WHERE round_id = $1 AND institution_id = $2 FOR UPDATE',
      [inv.roundId, inv.institutionId],
    );
    // A replay is answered even after the round closed: the client only learns what it already did.
    const existing = await this.versionByKey(m, key);
    if (existing) return { created: false, result: this.replay(existing, response.id, clean) };

    assertAcceptsSubmissions(round, round.now);
    assertBelowVersionLimit(round.maxVersionsPerResponse, response.version);
    const version = response.version + 1;
    const evidence = await this.evidence.snapshot(m, inv.roundId, inv.institutionId);
    const data = JSON.stringify(clean.data);
    // The version and the response row in one statement (one round trip; a reused key still fails
    // on the idempotency index, inside the CTE).
    const [inserted] = await mutateReturning<{ submitted_at: Date }>(
      m,
      `WITH v AS (
         INSERT INTO response_version (response_id, version, idempotency_key, data, cleared, evidence)
         VALUES ($1, $2, $3, $4::jsonb, $5::text[], $6::jsonb) RETURNING submitted_at
       )
       UPDATE response SET status = 'submitted', submitted = $4::jsonb, draft = $4::jsonb, version = $2, submitted_at = v.submitted_at,
              questionnaire_id = $7, updated_at = now()
       FROM v WHERE response.id = $1
       RETURNING v.submitted_at`,
      [response.id, version, key, data, clean.cleared, JSON.stringify(evidence), q.id],
    );
    await this.outbox.emit(m, {
      type: 'response.submitted',
      payload: { roundId: inv.roundId, institutionId: inv.institutionId, responseId: response.id, version },
    });
    // The institution's own record of what it sent (folio + printable copy), through the mail ledger.
    await this.outbox.emit(m, {
      type: 'mail.submission-receipt',
      payload: { invitationId: inv.invitationId, responseId: response.id, version },
    });
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
        submittedAt: inserted.submitted_at.toISOString(),
        cleared: clean.cleared,
      },
    };
  }

  /** A submitted version (the latest by default) with what a printable copy needs. */
  async copy(inv: InvitationPrincipal, version?: number): Promise<SubmittedCopyDto> {
    const [row]: Array<{
      response_id: string;
      version: number;
      submitted_at: Date;
      data: JsonObject;
      evidence: JsonObject[] | null;
      definition: JsonObject;
      round_name: string;
      institution_name: string;
    }> = await this.ds.query(
      `SELECT r.id AS response_id, v.version, v.submitted_at, v.data, v.evidence, q.definition, ro.name AS round_name, i.name AS institution_name
       FROM response r
       JOIN response_version v ON v.response_id = r.id AND v.version = coalesce($3::int, r.version)
       JOIN questionnaire q ON q.id = r.questionnaire_id
       JOIN round ro ON ro.id = r.round_id
       JOIN institution i ON i.id = r.institution_id
       WHERE r.round_id = $1 AND r.institution_id = $2`,
      [inv.roundId, inv.institutionId, version ?? null],
    );
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
      folio: submissionFolio(row.response_id, row.version),
      responseId: row.response_id,
      version: row.version,
      submittedAt: row.submitted_at.toISOString(),
      roundName: row.round_name,
      institutionName: row.institution_name,
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
    const rows: Array<{ round_id: string; round_name: string; submitted_at: Date; submitted: JsonObject }> =
      await this.ds.query(
        `SELECT ro.id AS round_id, ro.name AS round_name, r.submitted_at, r.submitted
       FROM round cur
       JOIN round ro ON ro.guarantor_id = cur.guarantor_id AND ro.id <> cur.id AND ro.opens_at < cur.opens_at
       JOIN response r ON r.round_id = ro.id AND r.institution_id = $2 AND r.status = 'submitted' AND r.submitted IS NOT NULL
       WHERE cur.id = $1
       ORDER BY ro.opens_at DESC, r.submitted_at DESC
       LIMIT 5`,
        [inv.roundId, inv.institutionId],
      );
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
          roundId: row.round_id,
          roundName: row.round_name,
          submittedAt: row.submitted_at.toISOString(),
          data,
        },
      };
    }
    return { previous: null };
  }

  async versions(inv: InvitationPrincipal): Promise<VersionSummaryDto[]> {
    const rows: Array<{ version: number; submitted_at: Date; cleared: string[] }> = await this.ds.query(
      `SELECT v.version, v.submitted_at, v.cleared FROM response_version v JOIN response r ON r.id = v.response_id
       WHERE r.round_id = $1 AND r.institution_id = $2 ORDER BY v.version`,
      [inv.roundId, inv.institutionId],
    );
    return rows.map((r) => ({ version: r.version, submittedAt: r.submitted_at.toISOString(), cleared: r.cleared }));
  }

  private replay(existing: VersionRow, responseId: string, clean: CleanSubmission): SubmitResultDto {
    if (existing.response_id !== responseId || !sameJson(existing.data, clean.data)) throw idempotencyMismatch();
    return {
      responseId,
      version: existing.version,
      submittedAt: existing.submitted_at.toISOString(),
      cleared: existing.cleared,
    };
  }

  private async versionByKey(m: EntityManager, key: string): Promise<VersionRow | undefined> {
    const rows: VersionRow[] = await m.query(
      'SELECT response_id, version, data, cleared, submitted_at FROM response_version WHERE idempotency_key = $1',
      [key],
    );
    return rows[0];
  }

  private async responseId(inv: InvitationPrincipal): Promise<string> {
    const [row]: Array<{ id: string }> = await this.ds.query(
      'SELECT id FROM response WHERE round_id = $1 AND institution_id = $2',
      [inv.roundId, inv.institutionId],
    );
    return row?.id ?? '';
  }

  /**
   * The round's questionnaire (its compiled validator), and whether the round takes answers right
   * now (re-checked under lock later). The definition itself is read only when its version is not
   * compiled yet: parsing a large jsonb per request is work the cache already did.
   */
  private async questionnaire(roundId: string): Promise<QuestionnaireRow & { window: RoundWindow; now: Date }> {
    const [row]: Array<{
      id: string;
      version: number;
      checksum: string;
      status: RoundStatus;
      opens_at: Date;
      closes_at: Date;
      now: Date;
    }> = await this.ds.query(
      `SELECT q.id, q.version, q.checksum, r.status, r.opens_at, r.closes_at, clock_timestamp() AS now
       FROM round r JOIN questionnaire q ON q.id = r.institution_questionnaire_id WHERE r.id = $1`,
      [roundId],
    );
    if (!row) throw RoundErrors.notFound();
    const validator = await validatorFor(row.id, row.checksum, async () => {
      const [q]: Array<{ definition: JsonObject }> = await this.ds.query(
        'SELECT definition FROM questionnaire WHERE id = $1',
        [row.id],
      );
      return q.definition;
    });
    return {
      id: row.id,
      version: row.version,
      validator,
      window: { status: row.status, opensAt: row.opens_at, closesAt: row.closes_at },
      now: row.now,
    };
  }
}
