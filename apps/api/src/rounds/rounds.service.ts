import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InstitutionEntity, JsonObject, QuestionnaireEntity, RoundEntity, UniverseSelection } from '@apertura/db';
import type { RoundDesignDocument, RoundStatus } from '@apertura/db';
import { resolveSettings } from '@apertura/metric';
import { AuditService } from '../audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { CosignService } from '../cosign/cosign.service';
import { InvitationsService } from '../invitations/invitations.service';
import { OutboxService } from '../outbox/outbox.service';
import { CatalogueService } from '../universe/catalogue.service';
import { InstitutionPageDto } from '../universe/dto/universe.dto';
import { guarantorOf, UniverseService } from '../universe/universe.service';
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
import { CENSUS, checkDesign, DesignProblem, normaliseDesign, UniverseCounts, universeCounts } from './round-design';
import { assertCanTransition } from './round-transitions';
import { RoundWindowService } from './round-window.service';
import { applySelection, normaliseSelection } from './universe-selection';

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
    throw new DomainError(
      'SETTINGS_INVALID',
      {
        es: `Configuración del método no válida en «${path}»: ${first.message}.`,
        en: `Invalid method settings at '${path}': ${first.message}.`,
      },
      path,
      { problems: r.problems },
    );
  }
  return JSON.parse(JSON.stringify(r.settings)) as JsonObject;
}

function checkWindow(opensAt: Date, closesAt: Date): void {
  if (!(closesAt.getTime() > opensAt.getTime())) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { es: 'La fecha de cierre debe ser posterior a la de apertura.', en: 'closesAt must be after opensAt.' },
      'closesAt',
    );
  }
}

/** The first problem names the field; all of them travel in details.problems (the console shows each by its row). */
function designError(code: 'VALIDATION_FAILED' | 'DESIGN_INVALID', problems: DesignProblem[]): DomainError {
  const [first] = problems;
  const opening = code === 'DESIGN_INVALID';
  return new DomainError(
    code,
    {
      es: `${opening ? 'No se puede abrir la ronda: el diseño no corresponde al universo' : 'Diseño de la ronda no válido'} («${first.path}»): ${first.es}.`,
      en: `${opening ? 'The round cannot be opened: its design does not match the universe' : 'Invalid round design'} ('${first.path}'): ${first.en}.`,
    },
    first.path,
    { problems: problems.map((p) => ({ ...p })) },
  );
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
      const round = await m.save(
        Object.assign(new RoundEntity(), {
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
        }),
      );
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
      const round = await this.lockOwned(m, guarantorId, id);
      if (round.status !== 'draft') {
        throw new DomainError(
          'ROUND_NOT_DRAFT',
          {
            es: 'Solo una ronda en borrador se puede modificar. Para cambiar el cuestionario de una ronda abierta, suba una nueva versión y úsela en otra ronda.',
            en: 'Only a draft round can be changed. To change the questionnaire of an opened round, upload a new version and use it in another round.',
          },
          undefined,
          { status: round.status },
        );
      }
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
      const saved = await m.save(round);
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
    const [rows, total] = await this.ds.getRepository(RoundEntity).findAndCount({
      where: { guarantorId, ...(q.status ? { status: q.status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toRoundDto), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: UserPrincipal, id: string): Promise<RoundDetailDto> {
    const m = this.ds.manager;
    return this.detail(m, await this.owned(m, guarantorOf(actor), id));
  }

  /** The round's institutions: those frozen at opening, or (draft) those its selection matches now. */
  async universePage(actor: UserPrincipal, id: string, q: RoundUniverseQueryDto): Promise<InstitutionPageDto> {
    const guarantorId = guarantorOf(actor);
    const round = await this.owned(this.ds.manager, guarantorId, id);
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
      const round = await this.lockOwned(m, guarantorId, id);
      if (round.status !== 'draft') {
        throw new DomainError(
          'ROUND_NOT_DRAFT',
          {
            es: 'Solo una ronda en borrador se puede eliminar: esta ya se abrió y conserva invitaciones, respuestas y su bitácora.',
            en: 'Only a draft round can be deleted: this one has opened and keeps its invitations, responses and audit trail.',
          },
          undefined,
          { status: round.status },
        );
      }
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
      await m.delete(RoundEntity, { id: round.id });
    });
  }

  /** Coverage and conclusiveness the console shows before publishing (and the rule publish enforces). */
  async publishPreview(actor: UserPrincipal, id: string): Promise<PublishPreviewDto> {
    const m = this.ds.manager;
    return this.coverage(m, await this.owned(m, guarantorOf(actor), id));
  }

  /**
   * Counts per institution of the universe (frozen, or what a draft's selection matches): its
   * institution-level I status; an institution that submitted without an I (no citizen data, so
   * not computed) counts as not_validated; one that never submitted and has no value counts in none.
   */
  private async coverage(m: EntityManager, round: RoundEntity): Promise<PublishPreviewDto> {
    let universeIds: string[];
    if (round.status === 'draft') {
      const rows = await applySelection(
        m
          .getRepository(InstitutionEntity)
          .createQueryBuilder('i')
          .select('i.id', 'id')
          .where('i.guarantorId = :guarantorId', { guarantorId: round.guarantorId }),
        round.universeSelection,
      ).getRawMany<{ id: string }>();
      universeIds = rows.map((r) => r.id);
    } else {
      const rows: Array<{ id: string }> = await m.query(
        'SELECT institution_id AS id FROM round_institution WHERE round_id = $1',
        [round.id],
      );
      universeIds = rows.map((r) => r.id);
    }
    const [row]: Array<{
      submitted: number;
      validated: number;
      conclusive: number;
      caution: number;
      inconclusive: number;
      not_validated: number;
      computed_at: Date | null;
    }> = await m.query(
      `WITH u AS (SELECT unnest($2::uuid[]) AS id),
       sub AS (SELECT DISTINCT institution_id AS id FROM response WHERE round_id = $1 AND status = 'submitted'),
       val AS (SELECT DISTINCT institution_id AS id FROM citizen_report WHERE round_id = $1),
       ival AS (SELECT scope_key, status, computed_at FROM metric_result
                 WHERE round_id = $1 AND scope = 'institution' AND indicator = 'I' AND aggregation = 'unweighted'),
       per AS (
         SELECT u.id, (sub.id IS NOT NULL) AS submitted, (val.id IS NOT NULL) AS validated,
                COALESCE(ival.status, CASE WHEN sub.id IS NOT NULL THEN 'not_validated' END) AS status, ival.computed_at
         FROM u LEFT JOIN sub ON sub.id = u.id LEFT JOIN val ON val.id = u.id LEFT JOIN ival ON ival.scope_key = u.id::text)
       SELECT count(*) FILTER (WHERE submitted)::int AS submitted,
              count(*) FILTER (WHERE validated)::int AS validated,
              count(*) FILTER (WHERE status = 'conclusive')::int AS conclusive,
              count(*) FILTER (WHERE status = 'caution')::int AS caution,
              count(*) FILTER (WHERE status = 'inconclusive')::int AS inconclusive,
              count(*) FILTER (WHERE status = 'not_validated')::int AS not_validated,
              max(computed_at) AS computed_at
       FROM per`,
      [round.id, universeIds],
    );
    const universe = universeIds.length;
    const statuses = {
      conclusive: row.conclusive,
      caution: row.caution,
      inconclusive: row.inconclusive,
      not_validated: row.not_validated,
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
      computedAt: row.computed_at ? new Date(row.computed_at).toISOString() : null,
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
      const round = await this.lockOwned(m, guarantorId, id);
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
      const saved = await m.save(round);
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
      const [run]: Array<{ status: string }> = await m.query('SELECT status FROM recompute_run WHERE id = $1', [
        round.publishRunId,
      ]);
      if (run && (run.status === 'queued' || run.status === 'running')) return this.detail(m, round);
    }
    // Issue #18 item 2: a co-signed round needs its quorum of current approvals (the worker checks again
    // when the rebuild is done, in case the rebuilt numbers are not the approved ones).
    await this.cosign.assertQuorum(m, round.id);
    // Issue #15 item 4: the console's confirmation is enforced here too, so no client can skip it.
    const coverage = await this.coverage(m, round);
    if (coverage.needsAcknowledgement && !acknowledged) {
      const why = {
        es: coverage.reasons
          .map((r) =>
            r === 'most_not_conclusive'
              ? 'la mayoría de los valores no son concluyentes'
              : 'la mayoría de las instituciones nunca respondió',
          )
          .join(' y '),
        en: coverage.reasons
          .map((r) =>
            r === 'most_not_conclusive' ? 'most values are not conclusive' : 'most institutions never answered',
          )
          .join(' and '),
      };
      throw new DomainError(
        'PUBLISH_ACKNOWLEDGEMENT_REQUIRED',
        {
          es: `Para publicar esta ronda confirme que lo entiende (acknowledgeInconclusive): ${why.es}.`,
          en: `To publish this round, confirm you understand (acknowledgeInconclusive): ${why.en}.`,
        },
        'acknowledgeInconclusive',
        { ...coverage },
      );
    }
    const [run]: Array<{ id: string }> = await m.query(
      'INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id',
      [round.id],
    );
    await this.outbox.emit(m, { type: 'round.recompute', payload: { roundId: round.id, runId: run.id } });
    round.publishRunId = run.id;
    const saved = await m.save(round);
    await this.audit.record(m, actor, {
      action: 'round.publish',
      entityType: 'round',
      entityId: round.id,
      guarantorId: round.guarantorId,
      details: {
        from: 'closed',
        to: 'published',
        runId: run.id,
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
    if (round.closesAt.getTime() <= now.getTime()) {
      throw new DomainError(
        'INVALID_TRANSITION',
        {
          es: `No se puede abrir la ronda: su periodo terminó el ${round.closesAt.toISOString()}. Cambie la fecha de cierre primero.`,
          en: `The round cannot be opened: its window ended at ${round.closesAt.toISOString()}. Change closesAt first.`,
        },
        'closesAt',
        { from: round.status, to: 'open' },
      );
    }
    const [selectSql, params] = applySelection(
      m
        .getRepository(InstitutionEntity)
        .createQueryBuilder('i')
        .select('i.id', 'id')
        .where('i.guarantorId = :guarantorId', { guarantorId: round.guarantorId }),
      round.universeSelection,
    ).getQueryAndParameters();
    const rows: Array<{ institution_id: string }> = await m.query(
      `INSERT INTO round_institution (round_id, institution_id)
       SELECT $${params.length + 1}::uuid, s.id FROM (${selectSql}) s
       ON CONFLICT DO NOTHING RETURNING institution_id`,
      [...params, round.id],
    );
    if (!rows.length) {
      throw new DomainError(
        'UNIVERSE_EMPTY',
        {
          es: 'La selección del universo no incluye ninguna institución; importe el universo o cambie la selección antes de abrir.',
          en: 'The universe selection matches no institution; import the universe or change the selection before opening.',
        },
        'universeSelection',
      );
    }
    if (round.design.kind === 'sample') {
      // The universe may have grown or shrunk since the design was saved (imports, selection edits).
      const problems = checkDesign(round.design, await this.frozenCounts(m, round.id), await this.catalogue.index());
      if (problems.length) throw designError('DESIGN_INVALID', problems);
    }
    const ids = rows.map((r) => r.institution_id);
    await this.invitations.createForRound(m, round, ids);
    return ids.length;
  }

  private async owned(m: EntityManager, guarantorId: string, id: string): Promise<RoundEntity> {
    const round = await m.findOne(RoundEntity, { where: { id, guarantorId } });
    if (!round) throw notFound('ronda', 'id');
    return round;
  }

  private async lockOwned(m: EntityManager, guarantorId: string, id: string): Promise<RoundEntity> {
    const round = await m.findOne(RoundEntity, { where: { id, guarantorId }, lock: { mode: 'pessimistic_write' } });
    if (!round) throw notFound('ronda', 'id');
    return round;
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
    if (q.kind !== kind) {
      throw new DomainError(
        'QUESTIONNAIRE_KIND_MISMATCH',
        {
          es: `«${field}» debe ser un cuestionario de tipo ${kind}; «${q.slug}» v${q.version} es de tipo ${q.kind}.`,
          en: `'${field}' must be a ${kind} questionnaire; '${q.slug}' v${q.version} is a ${q.kind} questionnaire.`,
        },
        field,
      );
    }
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
    if (badEnt) throw invalidSelection('cveEnt', `la entidad ${badEnt} no existe`, `state ${badEnt} does not exist`);
    const badGeo = sel.cvegeo?.find((c) => !cat.municipalities.has(c));
    if (badGeo)
      throw invalidSelection('cvegeo', `el municipio ${badGeo} no existe`, `municipality ${badGeo} does not exist`);
    if (sel.institutionIds?.length) {
      const found: Array<{ n: number }> = await m.query(
        'SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1 AND id = ANY($2::uuid[])',
        [guarantorId, sel.institutionIds],
      );
      const missing = sel.institutionIds.length - found[0].n;
      if (missing > 0) {
        throw invalidSelection(
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
    if (problems.length) throw designError('VALIDATION_FAILED', problems);
    return normaliseDesign(dto);
  }

  /** Institutions per state and municipality that a selection matches now. */
  private async selectionCounts(
    m: EntityManager,
    guarantorId: string,
    selection: UniverseSelection,
  ): Promise<UniverseCounts> {
    const rows = await applySelection(
      m
        .getRepository(InstitutionEntity)
        .createQueryBuilder('i')
        .select('i.cveEnt', 'cveEnt')
        .addSelect('i.cvegeo', 'cvegeo')
        .addSelect('count(*)::int', 'n')
        .where('i.guarantorId = :guarantorId', { guarantorId }),
      selection,
    )
      .groupBy('i.cveEnt')
      .addGroupBy('i.cvegeo')
      .getRawMany<{ cveEnt: string; cvegeo: string; n: number }>();
    return universeCounts(rows);
  }

  /** Institutions per state and municipality of a frozen universe. */
  private async frozenCounts(m: EntityManager, roundId: string): Promise<UniverseCounts> {
    const rows: Array<{ cveEnt: string; cvegeo: string; n: number }> = await m.query(
      `SELECT i.cve_ent AS "cveEnt", i.cvegeo, count(*)::int AS n
         FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
        WHERE ri.round_id = $1 GROUP BY i.cve_ent, i.cvegeo`,
      [roundId],
    );
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
    const counts: Array<{ invitations: number; drafts: number; submitted: number }> = await m.query(
      `SELECT (SELECT count(*) FROM invitation WHERE round_id = $1 AND revoked_at IS NULL)::int AS invitations,
              (SELECT count(*) FROM response WHERE round_id = $1 AND status = 'draft')::int AS drafts,
              (SELECT count(*) FROM response WHERE round_id = $1 AND status = 'submitted')::int AS submitted`,
      [round.id],
    );
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
      counts: counts[0],
      universeStates,
      designProblems,
    };
  }

  private async publication(m: EntityManager, runId: string): Promise<PublicationDto | null> {
    const [run]: Array<{ status: PublicationDto['status']; progress: number; finished_at: Date | null }> =
      await m.query('SELECT status, progress, finished_at FROM recompute_run WHERE id = $1', [runId]);
    return run ? { runId, status: run.status, progress: run.progress, finishedAt: iso(run.finished_at) } : null;
  }
}

function invalidSelection(field: string, es: string, en: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    { es: `Selección del universo no válida: ${es}.`, en: `Invalid universe selection: ${en}.` },
    `universeSelection.${field}`,
  );
}
