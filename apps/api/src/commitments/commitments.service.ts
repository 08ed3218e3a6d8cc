import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { slugify } from '@apertura/geo';
import {
  addressedMovements,
  commitmentProgress,
  indicatorLabel,
  reasonSentence,
  type RoundComponentValue,
} from '@apertura/metric';
import { extractScoredItems } from '@apertura/questionnaire';
import type { JsonObject } from '@apertura/db';
import { AuditService } from '../common/audit/audit.service';
import type { InvitationPrincipal, Principal, UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { roundSettings } from '../citizens/needs';
import { CitizenErrors } from '../citizens/citizens.errors';
import { parseCommitmentsCsv } from './commitments-csv';
import { CommitmentErrors } from './commitments.errors';
import {
  CommitmentRow,
  CommitmentsRepository,
  CommitmentWrite,
  MilestoneRow,
  RoundRow,
} from './commitments.repository';
import { milestoneClaimName } from '../citizens/milestone-claims';
import {
  CommitmentDto,
  CommitmentInputDto,
  CommitmentListDto,
  ImportResultDto,
  InstitutionMovementDto,
  MilestonesToVerifyDto,
} from './dto/commitments.dto';

const NOTICE = {
  es: 'El avance verificado cuenta solo los hitos que la ciudadanía revisó con evidencia; un hito sin revisar no suma. El avance declarado es la palabra de la institución. Quienes validan son personas voluntarias (muestra no probabilística): el intervalo cubre el ruido de los dictámenes, no un posible sesgo de selección.',
  en: 'Verified progress counts only milestones citizens checked with evidence; an unchecked milestone adds nothing. Declared progress is the institution’s own word. Validators are volunteers (a non-probability sample): the interval covers the noise of the verdicts, not a possible selection bias.',
};

/**
 * A status reason in words about milestones and verdicts where the shared sentence speaks of reports
 * and obliged subjects (the rules are the same, §6; what they count is not).
 */
function progressReason(reason: string, minVerdicts: number): { es: string; en: string } {
  switch (reason) {
    case 'no_citizen_data':
      return {
        es: 'Ningún hito tiene aún dictámenes ciudadanos firmes.',
        en: 'No milestone has final citizen verdicts yet.',
      };
    case 'below_minimum':
      return {
        es: `Menos de ${minVerdicts} dictámenes ciudadanos firmes respaldan el avance verificado.`,
        en: `Fewer than ${minVerdicts} final citizen verdicts back the verified progress.`,
      };
    case 'low_response_share':
      return {
        es: 'La ciudadanía verificó menos de la mitad de los hitos.',
        en: 'Citizens verified fewer than half of the milestones.',
      };
    default:
      return { es: reasonSentence(reason, 'es'), en: reasonSentence(reason, 'en') };
  }
}

/**
 * Commitments after a diagnosis (issue #18 item 1): recorded by the institution (invitation link) or
 * the round's operator staff once the round is published; verified milestone by milestone by
 * citizens through the ordinary verdict engine (claim kind `milestone`); shown publicly as verified
 * progress beside the declared one, and with the movement of the addressed components in the next
 * published round (libs/metric/commitments.ts).
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly repo: CommitmentsRepository,
    private readonly audit: AuditService,
  ) {}

  // ---------- reading ----------

  async publicList(roundId: string, institutionId?: string): Promise<CommitmentListDto> {
    const round = await this.repo.round(this.repo.ds, roundId);
    if (!round || round.status !== 'published') throw notFound('round', 'roundId');
    return this.list(round, institutionId);
  }

  async staffList(user: UserPrincipal, roundId: string): Promise<CommitmentListDto> {
    const round = await this.staffRound(user, roundId);
    return { ...(await this.list(round)), institutions: await this.repo.roundInstitutions(this.repo.ds, round.id) };
  }

  async institutionList(inv: InvitationPrincipal): Promise<CommitmentListDto> {
    const round = await this.repo.round(this.repo.ds, inv.roundId);
    if (!round) throw notFound('round', 'roundId');
    return this.list(round, inv.institutionId);
  }

  private async list(round: RoundRow, institutionId?: string): Promise<CommitmentListDto> {
    const settings = roundSettings(round.settings);
    const [rows, next, codes] = [
      await this.repo.commitments(round.id, institutionId),
      await this.repo.nextPublishedRound(round),
      await this.componentCodes(round),
    ];
    const milestones = await this.repo.milestones(
      this.repo.ds,
      rows.map((r) => r.id),
    );
    const byCommitment = new Map<string, MilestoneRow[]>();
    for (const m of milestones) byCommitment.set(m.commitment_id, [...(byCommitment.get(m.commitment_id) ?? []), m]);
    const items = rows.map((r) => this.toDto(r, byCommitment.get(r.id) ?? [], settings));

    // Per institution: every component its commitments address, before (this round) and after (next round).
    const addressed = new Map<string, { name: string; components: string[] }>();
    for (const r of rows) {
      const a = addressed.get(r.institution_id) ?? { name: r.institution_name, components: [] };
      for (const c of r.components) if (!a.components.includes(c)) a.components.push(c);
      addressed.set(r.institution_id, a);
    }
    const values = await this.repo.componentValues(
      next ? [round.id, next.id] : [round.id],
      [...addressed.keys()],
      [...new Set([...addressed.values()].flatMap((a) => a.components))],
    );
    const table = new Map<string, Record<string, RoundComponentValue>>();
    for (const v of values) {
      const k = `${v.round_id}|${v.institution_id}`;
      table.set(k, {
        ...(table.get(k) ?? {}),
        [v.indicator]: { estimate: v.estimate, se: v.se, status: v.status, method: v.method },
      });
    }
    const movements: InstitutionMovementDto[] = [...addressed].map(([id, a]) => {
      const before = table.get(`${round.id}|${id}`) ?? {};
      const after = next ? (table.get(`${next.id}|${id}`) ?? {}) : null;
      return {
        institutionId: id,
        institutionName: a.name,
        components: addressedMovements(a.components, before, after, settings.confidence).map((mv) => ({
          ...mv,
          label: { es: indicatorLabel(mv.component, 'es'), en: indicatorLabel(mv.component, 'en') },
          before: before[mv.component]?.estimate ?? null,
          after: after?.[mv.component]?.estimate ?? null,
        })),
      };
    });
    return {
      roundId: round.id,
      roundName: round.name,
      published: round.status === 'published',
      nextRound: next ? { id: next.id, name: next.name } : null,
      items,
      movements,
      componentCodes: [...codes].sort(),
      notice: NOTICE,
    };
  }

  private toDto(r: CommitmentRow, ms: MilestoneRow[], settings: ReturnType<typeof roundSettings>): CommitmentDto {
    const p = commitmentProgress(
      ms.map((m) => ({
        declaredDone: m.declared_done,
        confirmed: m.confirmed,
        refuted: m.refuted,
        pending: m.pending,
      })),
      settings,
    );
    return {
      id: r.id,
      roundId: r.round_id,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      key: r.key,
      title: r.title,
      owner: r.owner,
      outcomeIndicator: r.outcome_indicator,
      components: r.components,
      createdBy: r.created_by,
      updatedAt: r.updated_at.toISOString(),
      milestones: ms.map((m) => {
        const n = m.confirmed + m.refuted;
        return {
          id: m.id,
          claimName: milestoneClaimName(m.id),
          position: m.position,
          title: m.title,
          dueDate: m.due_date,
          declaredDone: m.declared_done,
          verification: {
            confirmed: m.confirmed,
            refuted: m.refuted,
            pending: m.pending,
            state: n === 0 ? 'unverified' : m.refuted === 0 ? 'confirmed' : m.confirmed === 0 ? 'refuted' : 'mixed',
          },
        };
      }),
      progress: {
        declared: p.declared,
        estimate: p.estimate,
        se: p.se,
        lo: p.lo,
        hi: p.hi,
        halfWidth: p.halfWidth,
        milestones: p.milestones,
        verifiedMilestones: p.verifiedMilestones,
        verdicts: p.verdicts,
        pendingRefutations: p.pendingRefutations,
        status: p.status,
        reasons: p.reasons,
        reasonTexts: p.reasons.map((x) => progressReason(x, settings.thresholds.institutionMinReports)),
      },
    };
  }

  /** Milestones the validator may verify on this assignment, with their own verdicts. */
  async toVerify(userId: string, assignmentId: string): Promise<MilestonesToVerifyDto> {
    const a = await this.repo.ownAssignment(userId, assignmentId);
    if (!a) throw CitizenErrors.notAssigned();
    const [rows, mine] = [
      await this.repo.milestonesToVerify(a.round_id, a.institution_id),
      await this.repo.myMilestoneVerdicts(a.round_id, userId, a.institution_id),
    ];
    const own = new Map(mine.map((v) => [v.milestone_id, v]));
    return {
      items: rows.map((r) => ({
        claimName: milestoneClaimName(r.id),
        milestoneId: r.id,
        title: r.title,
        dueDate: r.due_date,
        declaredDone: r.declared_done,
        commitmentTitle: r.commitment_title,
        outcomeIndicator: r.outcome_indicator,
        owner: r.owner,
        commitmentRoundName: r.commitment_round_name,
        myVerdict: own.get(r.id)?.verdict ?? null,
        myComment: own.get(r.id)?.comment ?? null,
        myEvidenceUrl: own.get(r.id)?.evidence_url ?? null,
      })),
    };
  }

  // ---------- writing ----------

  async staffCreate(user: UserPrincipal, roundId: string, institutionId: string, dto: CommitmentInputDto) {
    const round = await this.staffRound(user, roundId);
    return this.create(user, round, institutionId, 'operator', dto);
  }

  async institutionCreate(inv: InvitationPrincipal, dto: CommitmentInputDto) {
    const round = await this.repo.round(this.repo.ds, inv.roundId);
    if (!round) throw notFound('round', 'roundId');
    return this.create(inv, round, inv.institutionId, 'institution', dto);
  }

  async staffUpdate(user: UserPrincipal, commitmentId: string, dto: CommitmentInputDto): Promise<CommitmentDto> {
    const c = await this.repo.commitment(this.repo.ds, commitmentId);
    if (!c) throw notFound('commitment', 'commitmentId');
    const round = await this.staffRound(user, c.round_id);
    return this.update(user, round, c, dto);
  }

  async institutionUpdate(inv: InvitationPrincipal, commitmentId: string, dto: CommitmentInputDto) {
    const c = await this.repo.commitment(this.repo.ds, commitmentId);
    // Another institution's commitment answers like a missing one.
    if (!c || c.round_id !== inv.roundId || c.institution_id !== inv.institutionId)
      throw notFound('commitment', 'commitmentId');
    const round = await this.repo.round(this.repo.ds, inv.roundId);
    if (!round) throw notFound('round', 'roundId');
    return this.update(inv, round, c, dto);
  }

  async staffImport(user: UserPrincipal, roundId: string, csv: string): Promise<ImportResultDto> {
    return this.importCsv(user, await this.staffRound(user, roundId), csv, null);
  }

  async institutionImport(inv: InvitationPrincipal, csv: string): Promise<ImportResultDto> {
    const round = await this.repo.round(this.repo.ds, inv.roundId);
    if (!round) throw notFound('round', 'roundId');
    return this.importCsv(inv, round, csv, inv.institutionId);
  }

  private async create(
    actor: Principal,
    round: RoundRow,
    institutionId: string,
    createdBy: 'institution' | 'operator',
    dto: CommitmentInputDto,
  ): Promise<CommitmentDto> {
    this.assertPublished(round);
    const write = await this.checked(round, dto);
    return this.repo.ds.transaction(async (m) => {
      if (!(await this.repo.roundInstitutions(m, round.id)).some((i) => i.id === institutionId))
        throw notFound('institution of the round', 'institutionId');
      // Without an explicit key: the title's slug, made unique within the institution's commitments.
      if (!dto.key) {
        const base = slugify(dto.title).slice(0, 90).replace(/-+$/, '') || 'compromiso';
        let key = base;
        for (let i = 2; await this.repo.keyTaken(m, round.id, institutionId, key); i++) key = `${base}-${i}`;
        write.key = key;
      } else if (await this.repo.keyTaken(m, round.id, institutionId, dto.key)) {
        throw CommitmentErrors.keyTaken(dto.key);
      }
      const id = await this.save(m, actor, round, institutionId, createdBy, write);
      return this.one(m, id, round);
    });
  }

  private async update(actor: Principal, round: RoundRow, c: CommitmentRow, dto: CommitmentInputDto) {
    this.assertPublished(round);
    const write = await this.checked(round, dto);
    write.key = c.key; // the key identifies the commitment; it does not change
    return this.repo.ds.transaction(async (m) => {
      const id = await this.save(m, actor, round, c.institution_id, c.created_by, write);
      return this.one(m, id, round);
    });
  }

  private async importCsv(
    actor: Principal,
    round: RoundRow,
    csv: string,
    fixedInstitution: string | null,
  ): Promise<ImportResultDto> {
    this.assertPublished(round);
    const institutions = await this.repo.roundInstitutions(this.repo.ds, round.id);
    const parsed = parseCommitmentsCsv(csv, {
      institutionKeys: fixedInstitution ? null : new Map(institutions.map((i) => [i.key, i.id])),
      components: await this.componentCodes(round),
    });
    if (!parsed.ok) throw CommitmentErrors.csvInvalid(parsed.errors, parsed.total);
    return this.repo.ds.transaction(async (m) => {
      let created = 0;
      let updated = 0;
      let milestones = 0;
      for (const c of parsed.commitments) {
        const institutionId = fixedInstitution ?? (c.institutionId as string);
        const before = await this.repo.keyTaken(m, round.id, institutionId, c.write.key);
        await this.save(m, actor, round, institutionId, fixedInstitution ? 'institution' : 'operator', c.write, c.line);
        if (before) updated++;
        else created++;
        milestones += c.write.milestones.length;
      }
      await this.audit.record(m, actor, {
        action: 'commitment.import',
        entityType: 'round',
        entityId: round.id,
        guarantorId: round.guarantor_id,
        details: { roundId: round.id, institutionId: fixedInstitution, created, updated, milestones },
      });
      return { created, updated, milestones };
    });
  }

  /** Upsert + audit; a milestone removal that would orphan verdicts refuses the whole request. */
  private async save(
    m: EntityManager,
    actor: Principal,
    round: RoundRow,
    institutionId: string,
    createdBy: 'institution' | 'operator',
    write: CommitmentWrite,
    line?: number,
  ): Promise<string> {
    const res = await this.repo.upsert(m, round.id, institutionId, createdBy, write);
    if (res.removedWithVerdicts !== null) {
      const e = CommitmentErrors.milestoneHasVerdicts(res.removedWithVerdicts);
      if (line === undefined) throw e;
      throw CommitmentErrors.csvInvalid(
        [{ line, column: 'milestone_title', code: 'MILESTONE_HAS_VERDICTS', message: e.messages }],
        1,
      );
    }
    await this.audit.record(m, actor, {
      action: res.created ? 'commitment.create' : 'commitment.update',
      entityType: 'commitment',
      entityId: res.id,
      guarantorId: round.guarantor_id,
      details: {
        roundId: round.id,
        institutionId,
        key: write.key,
        ...(res.before ? { from: res.before } : {}),
        to: {
          title: write.title,
          owner: write.owner,
          outcomeIndicator: write.outcomeIndicator,
          components: write.components,
          milestones: write.milestones.map((x) => ({
            title: x.title,
            dueDate: x.dueDate,
            declaredDone: x.declaredDone,
          })),
        },
      } as JsonObject,
    });
    return res.id;
  }

  private async one(m: EntityManager, id: string, round: RoundRow): Promise<CommitmentDto> {
    const row = await this.repo.commitment(m, id);
    if (!row) throw notFound('commitment', 'commitmentId');
    return this.toDto(row, await this.repo.milestones(m, [id]), roundSettings(round.settings));
  }

  private async checked(round: RoundRow, dto: CommitmentInputDto): Promise<CommitmentWrite> {
    const codes = await this.componentCodes(round);
    const components = [...new Set(dto.components.map((c) => c.trim()))];
    components.forEach((c, i) => {
      if (!codes.has(c)) throw CommitmentErrors.unknownComponent(c, `components[${i}]`);
    });
    return {
      key: dto.key ?? '',
      title: dto.title.trim(),
      owner: dto.owner.trim(),
      outcomeIndicator: dto.outcomeIndicator.trim(),
      components,
      milestones: dto.milestones.map((x) => ({
        title: x.title.trim(),
        dueDate: x.dueDate,
        declaredDone: x.declaredDone ?? false,
      })),
    };
  }

  private assertPublished(round: RoundRow): void {
    if (round.status !== 'published') throw CommitmentErrors.roundNotPublished();
  }

  private async staffRound(user: UserPrincipal, roundId: string): Promise<RoundRow> {
    const round = await this.repo.round(this.repo.ds, roundId);
    // Another operator's round answers like a missing one.
    if (!round || round.guarantor_id !== user.guarantorId) throw notFound('round', 'roundId');
    return round;
  }

  /** Component codes of the round's instruments (the scored items' components). */
  private async componentCodes(round: RoundRow): Promise<Set<string>> {
    const defs = await this.repo.definitions([round.institution_questionnaire_id, round.citizen_questionnaire_id]);
    return new Set(defs.flatMap((d) => extractScoredItems(d).map((i) => i.component as string)));
  }
}
