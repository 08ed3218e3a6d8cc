import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { deriveToken, ENV, Env, hashToken } from '@apertura/config';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import { guarantorOf } from '../common/guarantor-of';
import { STAFF_INVITE_TTL_MS } from '../common/users/staff';
import {
  alreadyCosigner,
  cosignEmailTaken,
  cosignerHasDecided,
  decisionsClosed,
  fingerprintChanged,
  quorumLocked,
  quorumNotMet,
  reasonRequired,
} from './cosign.errors';
import { CosignParts, CosignRepository, CosignRoundRow, CosignerRow, DecisionRow } from './cosign.repository';
import type {
  CosignDecisionDto,
  CosignerDto,
  CosignReviewDto,
  CosignRoundItemDto,
  CosignSummaryDto,
  DecideDto,
  InviteCosignerDto,
  StaffCosignSummaryDto,
} from './dto/cosign.dto';

type CosignerState = CosignerDto['state'];

/** The parts of the round that changed since a decision (what makes an approval stale). */
export function changedSince(
  d: Pick<DecisionRow, 'settings_hash' | 'instrument_hash' | 'results_hash'>,
  now: CosignParts,
) {
  const changed: Array<'settings' | 'instrument' | 'results'> = [];
  if (d.settings_hash !== now.settingsHash) changed.push('settings');
  if (d.instrument_hash !== now.instrumentHash) changed.push('instrument');
  if (d.results_hash !== now.resultsHash) changed.push('results');
  return changed;
}

/** A co-signer's state from its latest decision: only an approval of the round as it is now counts. */
export function stateOf(latest: DecisionRow | undefined, fingerprint: string): CosignerState {
  if (!latest) return 'pending';
  if (latest.decision === 'object') return 'objected';
  return latest.fingerprint === fingerprint ? 'approved' : 'approved_stale';
}

/** CSV cell: quoted, inner quotes doubled; a leading formula character neutralised for spreadsheets. */
const csvCell = (v: string): string => {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
};

/**
 * Co-signed rounds (issue #18 item 2). An operator invites co-signing organisations; each approves or
 * objects to ONE fingerprint covering the method settings, the instrument and the results (so a change
 * to any of them makes the approval stale, and the record says which part changed). The round
 * publishes only with `coSignQuorum` current approvals — checked here when publication is requested and
 * again by the worker when the rebuild is done (SQL round_cosign_quorum_met). Every decision, objection
 * and reason is public with the results.
 */
@Injectable()
export class CosignService {
  constructor(
    private readonly repo: CosignRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  // ---- operator staff ----------------------------------------------------------------------------

  async staffSummary(actor: UserPrincipal, roundId: string): Promise<StaffCosignSummaryDto> {
    const round = await this.ownedRound(actor, roundId);
    const summary = await this.summary(round);
    const cosigners = await this.repo.cosigners(roundId);
    const byId = new Map(cosigners.map((c) => [c.id, c]));
    return {
      ...summary,
      cosigners: summary.cosigners.map((c) => {
        const row = byId.get(c.id);
        return { ...c, email: row?.email ?? null, displayName: row?.display_name ?? null, activated: !!row?.activated };
      }),
      publicationHeld: await this.repo.publicationHeld(round),
    };
  }

  async setQuorum(actor: UserPrincipal, roundId: string, quorum: number): Promise<StaffCosignSummaryDto> {
    const guarantorId = guarantorOf(actor);
    await this.repo.transaction(async (m) => {
      const round = await this.repo.round(roundId, m, true);
      if (!round || round.guarantor_id !== guarantorId) throw notFound('ronda', 'roundId');
      if (round.status === 'published') throw decisionsClosed(round.status);
      // Lowering the bar after co-signers objected would defeat co-signing: only a draft may lower it.
      if (quorum < round.cosign_quorum && round.status !== 'draft') throw quorumLocked();
      if (quorum === round.cosign_quorum) return;
      await this.repo.setQuorum(m, roundId, quorum);
      await this.audit.record(m, actor, {
        action: 'round.cosign-quorum',
        entityType: 'round',
        entityId: roundId,
        guarantorId,
        details: { from: round.cosign_quorum, to: quorum },
      });
    });
    return this.staffSummary(actor, roundId);
  }

  async invite(
    actor: UserPrincipal,
    roundId: string,
    dto: InviteCosignerDto,
    now = new Date(),
  ): Promise<StaffCosignSummaryDto> {
    const guarantorId = guarantorOf(actor);
    const email = dto.email.trim().toLowerCase();
    await this.repo.transaction(async (m) => {
      const round = await this.repo.round(roundId, m, true);
      if (!round || round.guarantor_id !== guarantorId) throw notFound('ronda', 'roundId');
      if (round.status === 'published') throw decisionsClosed(round.status);
      const existing = await this.repo.userByEmail(m, email);
      // Least privilege: an address already used by staff, a validator or another operator's co-signer
      // is never turned into (or shared with) a co-signer account of this operator.
      if (existing && (existing.role !== 'cosigner' || existing.guarantor_id !== guarantorId)) throw cosignEmailTaken();
      let userId = existing?.id;
      let staffInvitationId: string | undefined;
      if (!userId) userId = await this.repo.createCosignerAccount(m, email, dto.displayName ?? null, guarantorId);
      else if (await this.repo.activeMembershipExists(m, roundId, userId)) throw alreadyCosigner();
      if (!existing?.password_hash) {
        staffInvitationId = randomUUID();
        await this.repo.insertStaffInvitation(m, {
          id: staffInvitationId,
          userId,
          guarantorId,
          invitedBy: actor.userId,
          // Only the hash is stored; the mail job derives the token again from the id (docs/decisions.md §5).
          tokenHash: hashToken(deriveToken(this.env.TOKEN_SECRET, 'staff-invite', staffInvitationId)),
          now,
          expiresAt: new Date(now.getTime() + STAFF_INVITE_TTL_MS),
        });
      }
      const cosignerId = await this.repo.insertCosigner(m, {
        roundId,
        userId,
        name: dto.organisationName,
        kind: dto.organisationKind,
        invitedBy: actor.userId,
        now,
      });
      const eventId = await this.outbox.emit(m, {
        type: 'mail.cosign-invite',
        payload: staffInvitationId ? { cosignerId, staffInvitationId } : { cosignerId },
      });
      await this.repo.scopeMail(m, eventId, guarantorId, roundId, email);
      await this.audit.record(m, actor, {
        action: 'round.cosigner-invite',
        entityType: 'round',
        entityId: roundId,
        guarantorId,
        details: {
          roundId,
          cosignerId,
          email,
          organisationName: dto.organisationName,
          organisationKind: dto.organisationKind,
          newAccount: !existing,
        },
      });
    });
    return this.staffSummary(actor, roundId);
  }

  async remove(
    actor: UserPrincipal,
    roundId: string,
    cosignerId: string,
    now = new Date(),
  ): Promise<StaffCosignSummaryDto> {
    const guarantorId = guarantorOf(actor);
    await this.repo.transaction(async (m) => {
      const round = await this.repo.round(roundId, m, true);
      if (!round || round.guarantor_id !== guarantorId) throw notFound('ronda', 'roundId');
      if (round.status === 'published') throw decisionsClosed(round.status);
      const c = await this.repo.cosigner(m, roundId, cosignerId);
      if (!c || c.removed_at) throw notFound('co-firmante', 'cosignerId');
      // An operator cannot make an objection disappear by removing whoever made it.
      if (await this.repo.hasDecided(m, cosignerId)) throw cosignerHasDecided();
      await this.repo.markRemoved(m, cosignerId, now);
      await this.audit.record(m, actor, {
        action: 'round.cosigner-remove',
        entityType: 'round',
        entityId: roundId,
        guarantorId,
        details: { roundId, cosignerId, organisationName: c.organisation_name },
      });
    });
    return this.staffSummary(actor, roundId);
  }

  /** Called by RoundsService inside the publication transaction (round row locked): refuses without quorum. */
  async assertQuorum(m: EntityManager, roundId: string): Promise<void> {
    const round = await this.repo.round(roundId, m);
    if (!round || round.cosign_quorum === 0) return;
    if (await this.repo.quorumMet(roundId, m)) return;
    const s = await this.summary(round, m);
    const count = (state: CosignerState): number => s.cosigners.filter((c) => !c.removedAt && c.state === state).length;
    throw quorumNotMet({
      coSignQuorum: round.cosign_quorum,
      approvals: s.approvals,
      stale: count('approved_stale'),
      objections: count('objected'),
      pending: count('pending'),
    });
  }

  // ---- co-signer accounts ------------------------------------------------------------------------

  async myRounds(actor: UserPrincipal): Promise<CosignRoundItemDto[]> {
    const rows = await this.repo.roundsOf(actor.userId);
    const out: CosignRoundItemDto[] = [];
    for (const r of rows) {
      const parts = await this.repo.parts(r.id);
      const latest = this.latestByCosigner(await this.repo.decisions(r.id)).get(r.cosigner_id);
      out.push({
        roundId: r.id,
        roundName: r.name,
        status: r.status,
        operator: { name: r.operator_name, kind: r.operator_kind },
        organisationName: r.organisation_name,
        state: stateOf(latest, parts.fingerprint),
      });
    }
    return out;
  }

  async review(actor: UserPrincipal, roundId: string): Promise<CosignReviewDto> {
    const membership = await this.requireMembership(actor, roundId);
    const round = await this.repo.round(roundId);
    if (!round) throw notFound('ronda', 'roundId');
    const summary = await this.summary(round);
    const material = await this.repo.reviewMaterial(roundId);
    return {
      ...summary,
      myCosignerId: membership.id,
      organisationName: membership.organisation_name,
      decisionsOpen: round.status === 'closed',
      settings: material.settings,
      design: material.design,
      questionnaires: material.questionnaires,
      institutionStatuses: material.statuses,
      headline: material.headline,
    };
  }

  async decide(actor: UserPrincipal, roundId: string, dto: DecideDto, now = new Date()): Promise<CosignReviewDto> {
    const reason = (dto.reason ?? '').trim();
    if (dto.decision === 'object' && reason.length === 0) throw reasonRequired();
    await this.repo.transaction(async (m) => {
      // The round lock orders this decision against a publication request of the same round.
      const round = await this.repo.round(roundId, m, true);
      const membership = round ? await this.repo.membership(roundId, actor.userId, m) : null;
      if (!round || !membership) throw notFound('ronda', 'roundId');
      if (round.status !== 'closed') throw decisionsClosed(round.status);
      const parts = await this.repo.parts(roundId, m);
      if (parts.fingerprint !== dto.fingerprint) throw fingerprintChanged(parts);
      const decisionId = await this.repo.insertDecision(m, {
        roundId,
        cosignerId: membership.id,
        decision: dto.decision,
        reason,
        parts,
        now,
      });
      await this.audit.record(m, actor, {
        action: `round.cosign-${dto.decision}`,
        entityType: 'round',
        entityId: roundId,
        guarantorId: round.guarantor_id,
        details: { roundId, cosignerId: membership.id, decisionId, fingerprint: parts.fingerprint },
      });
    });
    return this.review(actor, roundId);
  }

  // ---- public ------------------------------------------------------------------------------------

  /** The co-signature record of a published round (anything else: 404, like its results). */
  async publicSummary(roundId: string): Promise<CosignSummaryDto> {
    const round = await this.repo.round(roundId);
    if (!round || round.status !== 'published') throw notFound('ronda publicada', 'roundId');
    return this.summary(round);
  }

  /** The same record as open data: one row per decision. */
  async publicCsv(roundId: string): Promise<string> {
    const s = await this.publicSummary(roundId);
    const header = [
      'round_id',
      'operator_name',
      'operator_kind',
      'co_sign_quorum',
      'organisation_name',
      'organisation_kind',
      'decision',
      'reason',
      'decided_at',
      'current',
      'changed_since',
      'fingerprint',
      'settings_hash',
      'instrument_hash',
      'results_hash',
    ];
    const lines = s.decisions.map((d) =>
      [
        s.roundId,
        s.operator.name,
        s.operator.kind,
        String(s.coSignQuorum),
        d.organisationName,
        d.organisationKind,
        d.decision,
        d.reason,
        d.decidedAt,
        String(d.current),
        d.changedSince.join('|'),
        d.parts.fingerprint,
        d.parts.settingsHash,
        d.parts.instrumentHash,
        d.parts.resultsHash,
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }

  // ---- shared ------------------------------------------------------------------------------------

  private async ownedRound(actor: UserPrincipal, roundId: string): Promise<CosignRoundRow> {
    const round = await this.repo.round(roundId);
    if (!round || round.guarantor_id !== guarantorOf(actor)) throw notFound('ronda', 'roundId');
    return round;
  }

  private async requireMembership(actor: UserPrincipal, roundId: string): Promise<CosignerRow> {
    const membership = await this.repo.membership(roundId, actor.userId);
    if (!membership) throw notFound('ronda', 'roundId');
    return membership;
  }

  private latestByCosigner(decisions: DecisionRow[]): Map<string, DecisionRow> {
    const latest = new Map<string, DecisionRow>();
    for (const d of decisions) latest.set(d.cosigner_id, d); // ordered by decided_at: the last one wins
    return latest;
  }

  private async summary(round: CosignRoundRow, m?: EntityManager): Promise<CosignSummaryDto> {
    const [parts, cosigners, decisions] = [
      await this.repo.parts(round.id, m),
      await this.repo.cosigners(round.id, m),
      await this.repo.decisions(round.id, m),
    ];
    const latest = this.latestByCosigner(decisions);
    const decided = new Set(decisions.map((d) => d.cosigner_id));
    // Removed co-signers stay in the public record only if they decided something (else they were a typo).
    const shown = cosigners.filter((c) => !c.removed_at || decided.has(c.id));
    const cosignerDtos: CosignerDto[] = shown.map((c) => ({
      id: c.id,
      organisationName: c.organisation_name,
      organisationKind: c.organisation_kind,
      state: stateOf(latest.get(c.id), parts.fingerprint),
      invitedAt: c.invited_at.toISOString(),
      removedAt: c.removed_at?.toISOString() ?? null,
    }));
    const decisionDtos: CosignDecisionDto[] = decisions.map((d) => ({
      id: d.id,
      cosignerId: d.cosigner_id,
      organisationName: d.organisation_name,
      organisationKind: d.organisation_kind,
      decision: d.decision,
      reason: d.reason,
      parts: {
        settingsHash: d.settings_hash,
        instrumentHash: d.instrument_hash,
        resultsHash: d.results_hash,
        fingerprint: d.fingerprint,
      },
      changedSince: changedSince(d, parts),
      current: latest.get(d.cosigner_id)?.id === d.id,
      decidedAt: d.decided_at.toISOString(),
    }));
    const approvals = cosignerDtos.filter((c) => !c.removedAt && c.state === 'approved').length;
    return {
      roundId: round.id,
      roundName: round.name,
      status: round.status,
      operator: { name: round.operator_name, kind: round.operator_kind },
      coSignQuorum: round.cosign_quorum,
      approvals,
      quorumMet: approvals >= round.cosign_quorum,
      current: parts,
      cosigners: cosignerDtos,
      decisions: decisionDtos,
    };
  }
}
