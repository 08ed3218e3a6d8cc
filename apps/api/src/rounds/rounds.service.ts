import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JsonObject, QuestionnaireEntity, RoundEntity, UniverseSelection } from '@apertura/db';
import type { RoundDesignDocument, RoundStatus } from '@apertura/db';
import { resolveSettings } from '@apertura/metric';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { CosignService } from '../cosign/cosign.service';
import { InvitationsService } from '../invitations/invitations.service';
import { OutboxService } from '../common/outbox/outbox.service';
import { CatalogueService } from '../universe/catalogue.service';
import { InstitutionPageDto } from '../universe/dto/universe.dto';
import { guarantorOf } from '../common/guarantor-of';
import { UniverseService } from '../universe/universe.service';
import {
  CreateRoundDto,
  ListRoundsQueryDto,
  PublicationDto,
  QuestionnaireRefDto,
  RoundDetailDto,
  RoundDto,
  RoundPageDto,
  RoundUniverseQueryDto,
  UpdateRoundDto,
} from './dto/round.dto';
import type { RoundDesignDto, UniverseStateDto } from './dto/round-design.dto';
import type { PublishPreviewDto } from './dto/publish.dto';
import { CENSUS, checkDesign, normaliseDesign, UniverseCounts, universeCounts } from './round-design';
import { assertCanTransition } from './round-transitions';
import { RoundWindowService } from '../common/rounds/round-window.service';
import { RoundErrors } from '../common/rounds/rounds.errors';
import { RoundsRepository } from '../common/rounds/rounds.repository';
import { applySelection, normaliseSelection } from '../common/rounds/universe-selection';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Versions one institution may submit per round unless the round says otherwise (issue #13: each version is kept and audited forever). */
export const DEFAULT_MAX_VERSIONS_PER_RESPONSE = 50;

export function toRoundDto(r: RoundEntity): RoundDto {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    institutionQuestionnaireId: r.institutionQuestionnaireId,
    citizenQuestionnaireId: r.citizenQuestionnaireId,
    universeSelection: r.universeSelection,
    settings: r.settings,
    design: r.design,
    validationOpen: r.validationOpen,
    synthetic: r.synthetic,
    maxVersionsPerResponse: r.maxVersionsPerResponse,
    openedAt: iso(r.openedAt),
    closedAt: iso(r.closedAt),
    publishedAt: iso(r.publishedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const toRef = (q: QuestionnaireEntity): QuestionnaireRefDto => ({
  id: q.id,
  kind: q.kind,
  slug: q.slug,
  version: q.version,
  title: q.title,
});

/** Validates method settings with libs/metric and returns them complete (defaults merged). */
function resolvedSettings(raw: Record<string, unknown> | undefined): JsonObject {
  const r = resolveSettings(raw);
  if (!r.ok) {
    const first = r.problems[0];
    const path = first.path ? `settings.${first.path}` : 'settings';
    throw RoundErrors.settingsInvalid(path, first.message, r.problems);
  }
  return JSON.parse(JSON.stringify(r.settings)) as JsonObject;
}

function checkWindow(opensAt: Date, closesAt: Date): void {
  if (!(closesAt.getTime() > opensAt.getTime())) throw RoundErrors.windowInvalid();
}

type Transition = 'open' | 'close' | 'publish';
const TARGET: Record<Transition, RoundStatus> = { open: 'open', close: 'closed', publish: 'published' };

/**
 * Rounds and their lifecycle draft → open → closed → published. Everything but the lifecycle is
 * editable only in draft; opening freezes the universe (round_institution) and invites every
 * institution in the same transaction.
 */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
    private readonly universe: UniverseService,
    private readonly catalogue: CatalogueService,
    private readonly window: RoundWindowService,
    private readonly outbox: OutboxService,
    private readonly cosign: CosignService,
  ) {}

  async create(actor: UserPrincipal, dto: CreateRoundDto): Promise<RoundDetailDto> {
    const guarantorId = guarantorOf(actor);
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    checkWindow(opensAt, closesAt);
    const settings = resolvedSettings(dto.settings);
    return this.ds.transaction(async (m) => {
      await this.checkQuestionnaire(
        m,
        guarantorId,
        dto.institutionQuestionnaireId,
        'institution',
        'institutionQuestionnaireId',
      );
      await this.checkQuestionnaire(m, guarantorId, dto.citizenQuestionnaireId, 'citizen', 'citizenQuestionnaireId');
      const selection = await this.checkSelection(m, guarantorId, dto.universeSelection);
      const design = dto.design
        ? await this.checkedDesign(m, dto.design, await this.selectionCounts(m, guarantorId, selection))
        : CENSUS;
      const round = await this.rounds.save(m, {
        guarantorId,
        name: dto.name.trim(),
        status: 'draft' as const,
        opensAt,
        closesAt,
        institutionQuestionnaireId: dto.institutionQuestionnaireId,
        citizenQuestionnaireId: dto.citizenQuestionnaireId,
        universeSelection: selection,
        settings,
        design: design as RoundDesignDocument & JsonObject,
        validationOpen: false,
        synthetic: false,
        maxVersionsPerResponse: dto.maxVersionsPerResponse ?? DEFAULT_MAX_VERSIONS_PER_RESPONSE,
        openedAt: null,
        closedAt: null,
        publishedAt: null,
      });
      await this.audit.record(m, actor, {
        action: 'round.create',
        entityType: 'round',
        entityId: round.id,
        guarantorId,
        details: {
          name: round.name,
          opensAt: dto.opensAt,
          closesAt: dto.closesAt,
          universeSelection: selection,
          design: round.design,
        },
      });
      return this.detail(m, round);
    });
  }

  async update(actor: UserPrincipal, id: string, dto: UpdateRoundDto): Promise<RoundDetailDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, guarantorId, id, { lock: 'update', field: 'id' });
      if (round.status !== 'draft') throw RoundErrors.notDraftForUpdate(round.status);
      const changed: string[] = [];
      if (dto.name !== undefined) {
        round.name = dto.name.trim();
        changed.push('name');
      }
      if (dto.opensAt !== undefined) {
        round.opensAt = new Date(dto.opensAt);
        changed.push('opensAt');
      }
      if (dto.closesAt !== undefined) {
        round.closesAt = new Date(dto.closesAt);
        changed.push('closesAt');
      }
      checkWindow(round.opensAt, round.closesAt);
      if (dto.institutionQuestionnaireId !== undefined) {
        await this.checkQuestionnaire(
          m,
          guarantorId,
          dto.institutionQuestionnaireId,
          'institution',
          'institutionQuestionnaireId',
        );
        round.institutionQuestionnaireId = dto.institutionQuestionnaireId;
        changed.push('institutionQuestionnaireId');
      }
      if (dto.citizenQuestionnaireId !== undefined) {
        await this.checkQuestionnaire(m, guarantorId, dto.citizenQuestionnaireId, 'citizen', 'citizenQuestionnaireId');
        round.citizenQuestionnaireId = dto.citizenQuestionnaireId;
        changed.push('citizenQuestionnaireId');
      }
      if (dto.universeSelection !== undefined) {
        round.universeSelection = await this.checkSelection(m, guarantorId, dto.universeSelection);
        changed.push('universeSelection');
      }
      if (dto.settings !== undefined) {
        round.settings = resolvedSettings(dto.settings);
        changed.push('settings');
      }
      const details: JsonObject = {};
      if (dto.design !== undefined) {
        // Checked against the selection as patched. A later selection change or import that breaks the
        // design is allowed in draft: GET shows designProblems and opening re-checks (DESIGN_INVALID).
        const design = await this.checkedDesign(
          m,
          dto.design,
          await this.selectionCounts(m, guarantorId, round.universeSelection),
        );
        if (JSON.stringify(design) !== JSON.stringify(round.design)) {
          details.design = { from: round.design, to: design as JsonObject };
          round.design = design as RoundDesignDocument & JsonObject;
        }
        changed.push('design');
      }
      if (dto.maxVersionsPerResponse !== undefined) {
        round.maxVersionsPerResponse = dto.maxVersionsPerResponse;
        changed.push('maxVersionsPerResponse');
      }
      const saved = await this.rounds.save(m, round);
      await this.audit.record(m, actor, {
        action: 'round.update',
        entityType: 'round',
        entityId: round.id,
        guarantorId,
        details: { changed, ...details },
      });
      return this.detail(m, saved);
    });
  }

  async list(actor: UserPrincipal, q: ListRoundsQueryDto): Promise<RoundPageDto> {
    const guarantorId = guarantorOf(actor);
    const { items, total } = await this.rounds.page(guarantorId, q.status, q.page, q.pageSize);
    return { items: items.map(toRoundDto), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: UserPrincipal, id: string): Promise<RoundDetailDto> {
    const m = this.ds.manager;
    return this.detail(m, await this.rounds.findOwned(m, guarantorOf(actor), id, { field: 'id' }));
  }

  /** The round's institutions: those frozen at opening, or (draft) those its selection matches now. */
  async universePage(actor: UserPrincipal, id: string, q: RoundUniverseQueryDto): Promise<InstitutionPageDto> {
    const guarantorId = guarantorOf(actor);
    const round = await this.rounds.findOwned(this.ds.manager, guarantorId, id, { field: 'id' });
    // An open or past round lists its frozen universe, retired institutions included (they took part).
    const filters = { ...q, status: q.status ?? (round.status === 'draft' ? 'active' : 'all') };
    return this.universe.page(guarantorId, filters, q.page, q.pageSize, (qb) => {
      if (round.status === 'draft') applySelection(qb, round.universeSelection);
      else
        qb.andWhere('i.id IN (SELECT ri.institution_id FROM round_institution ri WHERE ri.round_id = :roundId)', {
          roundId: round.id,
        });
    });
  }

  /**
   * Deletes a draft round (issue #15 item 4). Only drafts: once opened, a round has invitations,
   * responses and an audit trail that must survive. The audit row keeps what was deleted.
   */
  async remove(actor: UserPrincipal, id: string): Promise<void> {
    const guarantorId = guarantorOf(actor);
    await this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, guarantorId, id, { lock: 'update', field: 'id' });
      if (round.status !== 'draft') throw RoundErrors.notDraftForDelete(round.status);
      await this.audit.record(m, actor, {
        action: 'round.delete',
        entityType: 'round',
        entityId: round.id,
        guarantorId,
        details: {
          name: round.name,
          opensAt: iso(round.opensAt),
          closesAt: iso(round.closesAt),
          universeSelection: round.universeSelection,
        },
      });
      await this.rounds.delete(m, round.id);
    });
  }

  /** Coverage and conclusiveness the console shows before publishing (and the rule publish enforces). */
  async publishPreview(actor: UserPrincipal, id: string): Promise<PublishPreviewDto> {
    const m = this.ds.manager;
    return this.coverage(m, await this.rounds.findOwned(m, guarantorOf(actor), id, { field: 'id' }));
  }

  /**
   * Counts per institution of the universe (frozen, or what a draft's selection matches): its
   * institution-level I status; an institution that submitted without an I (no citizen data, so
   * not computed) counts as not_validated; one that never submitted and has no value counts in none.
   */
  private async coverage(m: EntityManager, round: RoundEntity): Promise<PublishPreviewDto> {
    const universeIds =
      round.status === 'draft'
        ? await this.rounds.selectedInstitutionIds(m, round.guarantorId, round.universeSelection)
        : await this.rounds.frozenInstitutionIds(m, round.id);
    const row = await this.rounds.coverage(m, round.id, universeIds);
    const universe = universeIds.length;
    const statuses = {
      conclusive: row.conclusive,
      caution: row.caution,
      inconclusive: row.inconclusive,
      not_validated: row.notValidated,
    };
    const values = statuses.conclusive + statuses.caution + statuses.inconclusive + statuses.not_validated;
    const neverAnswered = universe - row.submitted;
    const reasons: PublishPreviewDto['reasons'] = [];
    // "Most" is strictly more than half; no value at all counts as mostly not conclusive.
    if (values === 0 || 2 * (values - statuses.conclusive) > values) reasons.push('most_not_conclusive');
    if (2 * neverAnswered > universe) reasons.push('most_never_answered');
    return {
      roundId: round.id,
      universe,
      submitted: row.submitted,
      validated: row.validated,
      neverAnswered,
      statuses,
      values,
      reasons,
      needsAcknowledgement: reasons.length > 0,
      computedAt: iso(row.computedAt),
    };
  }

  async transition(
    actor: UserPrincipal,
    id: string,
    action: Transition,
    opts: { acknowledgeInconclusive?: boolean } = {},
  ): Promise<RoundDetailDto> {
    const guarantorId = guarantorOf(actor);
    const to = TARGET[action];
    return this.ds.transaction(async (m) => {
      // The row lock serialises transitions: of two concurrent opens, the second sees 'open' and is refused.
      const round = await this.rounds.findOwned(m, guarantorId, id, { lock: 'update', field: 'id' });
      const from = round.status;
      assertCanTransition(from, to);
      if (action === 'publish') return this.requestPublication(m, actor, round, opts.acknowledgeInconclusive === true);
      const now = new Date();
      const details: JsonObject = { from, to };
      if (action === 'open') {
        details.institutions = await this.openRound(m, round, now);
        round.openedAt = now;
      } else {
        round.closedAt = now;
      }
      round.status = to;
      const saved = await this.rounds.save(m, round);
      await this.audit.record(m, actor, {
        action: `round.${action}`,
        entityType: 'round',
        entityId: round.id,
        guarantorId,
        details,
      });
      return this.detail(m, saved);
    });
  }

  /**
   * Publishing rebuilds first (issue #13 item 7): requests the full recompute POST …/recompute
   * requests and leaves the round closed; the worker publishes it in the transaction that marks that
   * run done, so nobody outside ever reads the round with numbers older than the rebuild. A request
   * while that run is still queued or running answers with it (no second run, no second audit row);
   * after a failed run it starts a new one.
   */
  private async requestPublication(
    m: EntityManager,
    actor: UserPrincipal,
    round: RoundEntity,
    acknowledged: boolean,
  ): Promise<RoundDetailDto> {
    if (round.publishRunId) {
      const run = await this.rounds.recomputeRun(m, round.publishRunId);
      if (run && (run.status === 'queued' || run.status === 'running')) return this.detail(m, round);
    }
    // Issue #18 item 2: a co-signed round needs its quorum of current approvals (the worker checks again
    // when the rebuild is done, in case the rebuilt numbers are not the approved ones).
    await this.cosign.assertQuorum(m, round.id);
    // Issue #15 item 4: the console's confirmation is enforced here too, so no client can skip it.
    const coverage = await this.coverage(m, round);
    if (coverage.needsAcknowledgement && !acknowledged) {
      throw RoundErrors.publishAcknowledgementRequired(coverage.reasons, { ...coverage });
    }
    const runId = await this.rounds.startRecomputeRun(m, round.id);
    await this.outbox.emit(m, { type: 'round.recompute', payload: { roundId: round.id, runId } });
    round.publishRunId = runId;
    const saved = await this.rounds.save(m, round);
    await this.audit.record(m, actor, {
      action: 'round.publish',
      entityType: 'round',
      entityId: round.id,
      guarantorId: round.guarantorId,
      details: {
        from: 'closed',
        to: 'published',
        runId,
        acknowledgedInconclusive: coverage.needsAcknowledgement,
        coverage: {
          universe: coverage.universe,
          submitted: coverage.submitted,
          validated: coverage.validated,
          ...coverage.statuses,
        },
      },
    });
    return this.detail(m, saved);
  }

  /** See RoundWindowService.requireOpenForSubmissions (exported here too for modules that import RoundsModule). */
  requireOpenForSubmissions(roundId: string, manager?: EntityManager, now?: Date): Promise<RoundEntity> {
    return this.window.requireOpenForSubmissions(roundId, manager, now);
  }

  /** Freezes the universe and invites it; returns the number of institutions. */
  private async openRound(m: EntityManager, round: RoundEntity, now: Date): Promise<number> {
    if (round.closesAt.getTime() <= now.getTime()) throw RoundErrors.windowOver(round.closesAt, round.status);
    const ids = await this.rounds.freezeUniverse(m, round);
    if (!ids.length) throw RoundErrors.universeEmpty();
    if (round.design.kind === 'sample') {
      // The universe may have grown or shrunk since the design was saved (imports, selection edits).
      const problems = checkDesign(round.design, await this.frozenCounts(m, round.id), await this.catalogue.index());
      if (problems.length) throw RoundErrors.design('DESIGN_INVALID', problems);
    }
    await this.invitations.createForRound(m, round, ids);
    return ids.length;
  }

  private async checkQuestionnaire(
    m: EntityManager,
    guarantorId: string,
    id: string,
    kind: 'institution' | 'citizen',
    field: string,
  ): Promise<void> {
    const q = await m.findOne(QuestionnaireEntity, { where: { id, guarantorId } });
    if (!q) throw notFound('cuestionario', field);
    if (q.kind !== kind) throw RoundErrors.questionnaireKindMismatch(field, kind, q);
  }

  /** Normalises a selection and checks its codes and ids exist, so a typo does not silently shrink the round. */
  private async checkSelection(
    m: EntityManager,
    guarantorId: string,
    raw: UniverseSelection | undefined,
  ): Promise<UniverseSelection & JsonObject> {
    const sel = normaliseSelection(raw);
    const cat = await this.catalogue.index();
    const badEnt = sel.cveEnt?.find((c) => !cat.states.has(c));
    if (badEnt)
      throw RoundErrors.invalidSelection('cveEnt', `la entidad ${badEnt} no existe`, `state ${badEnt} does not exist`);
    const badGeo = sel.cvegeo?.find((c) => !cat.municipalities.has(c));
    if (badGeo)
      throw RoundErrors.invalidSelection(
        'cvegeo',
        `el municipio ${badGeo} no existe`,
        `municipality ${badGeo} does not exist`,
      );
    if (sel.institutionIds?.length) {
      const found = await this.rounds.countOwnedInstitutions(m, guarantorId, sel.institutionIds);
      const missing = sel.institutionIds.length - found;
      if (missing > 0) {
        throw RoundErrors.invalidSelection(
          'institutionIds',
          `${missing} institución(es) no pertenecen al universo del órgano garante`,
          `${missing} institution(s) are not in the guarantor's universe`,
        );
      }
    }
    return sel as UniverseSelection & JsonObject;
  }

  /** Normalised design, or 400 VALIDATION_FAILED naming the first offending field. */
  private async checkedDesign(
    m: EntityManager,
    dto: RoundDesignDto,
    counts: UniverseCounts,
  ): Promise<RoundDesignDocument> {
    const problems = checkDesign(dto, counts, await this.catalogue.index());
    if (problems.length) throw RoundErrors.design('VALIDATION_FAILED', problems);
    return normaliseDesign(dto);
  }

  /** Institutions per state and municipality that a selection matches now. */
  private async selectionCounts(
    m: EntityManager,
    guarantorId: string,
    selection: UniverseSelection,
  ): Promise<UniverseCounts> {
    const rows = await this.rounds.selectionCounts(m, guarantorId, selection);
    return universeCounts(rows);
  }

  /** Institutions per state and municipality of a frozen universe. */
  private async frozenCounts(m: EntityManager, roundId: string): Promise<UniverseCounts> {
    const rows = await this.rounds.frozenCounts(m, roundId);
    return universeCounts(rows);
  }

  private async detail(m: EntityManager, round: RoundEntity): Promise<RoundDetailDto> {
    const frozen = round.status !== 'draft';
    // Sequential on purpose: inside a transaction every query shares one connection.
    const questionnaires = await m.find(QuestionnaireEntity, {
      where: [{ id: round.institutionQuestionnaireId }, { id: round.citizenQuestionnaireId }],
    });
    const universe = frozen
      ? await this.frozenCounts(m, round.id)
      : await this.selectionCounts(m, round.guarantorId, round.universeSelection);
    let universeSize = 0;
    for (const n of universe.states.values()) universeSize += n;
    const catalogue = await this.catalogue.states();
    const stateName = new Map(catalogue.items.map((st) => [st.cveEnt, st.name]));
    const universeStates: UniverseStateDto[] = [...universe.states]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([cveEnt, institutions]) => ({ cveEnt, name: stateName.get(cveEnt) ?? cveEnt, institutions }));
    const designProblems =
      round.design.kind === 'sample' ? checkDesign(round.design, universe, await this.catalogue.index()) : [];
    const counts = await this.rounds.activityCounts(m, round.id);
    const byId = new Map(questionnaires.map((q) => [q.id, q]));
    const inst = byId.get(round.institutionQuestionnaireId);
    const cit = byId.get(round.citizenQuestionnaireId);
    if (!inst || !cit) throw new Error(`round ${round.id} refers to a missing questionnaire`);
    const publication = round.publishRunId ? await this.publication(m, round.publishRunId) : null;
    return {
      ...toRoundDto(round),
      publication,
      universeSize,
      universeFrozen: frozen,
      institutionQuestionnaire: toRef(inst),
      citizenQuestionnaire: toRef(cit),
      counts,
      universeStates,
      designProblems,
    };
  }

  private async publication(m: EntityManager, runId: string): Promise<PublicationDto | null> {
    const run = await this.rounds.recomputeRun(m, runId);
    return run ? { runId, status: run.status, progress: run.progress, finishedAt: iso(run.finishedAt) } : null;
  }
}
