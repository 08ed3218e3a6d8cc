import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { claimsOf } from '../apps/api/src/citizens/claims';
import { AssignmentsRepository } from '../apps/api/src/citizens/assignments/assignments.repository';
import { WorkRepository } from '../apps/api/src/citizens/work/work.repository';
import { ValidatorsRepository } from '../apps/api/src/citizens/validators.repository';
import { RecruitmentRepository } from '../apps/api/src/citizens/guarantor/recruitment.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

const DAY = 24 * 3600 * 1000;

/** The citizens' repositories against a real PostgreSQL: assignments, a validator's work. */
describe('Citizens repositories (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let fx: RoundFixture;
  let submitted: Set<string>;
  const assignments = new AssignmentsRepository();
  const work = new WorkRepository();
  const validators = new ValidatorsRepository();
  const recruitment = new RecruitmentRepository();

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'citrepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    // A real (non-synthetic) round, as the fixture's validators are real accounts.
    fx = await buildRoundFixture(ds, {
      seed: 'citizens-repositories',
      institutions: 6,
      municipalities: 2,
      status: 'open',
      synthetic: false,
      reportsPerInstitution: [0, 1],
    });
    const rows: Array<{ institution_id: string }> = await ds.query(
      'SELECT institution_id FROM response WHERE round_id = $1 AND submitted IS NOT NULL',
      [fx.roundId],
    );
    submitted = new Set(rows.map((r) => r.institution_id));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  describe('AssignmentsRepository', () => {
    const validator = (): string => fx.validatorIds[0];

    it('lists the open round to a real validator, and counts apart past the last page', async () => {
      const first = await assignments.openRoundsPage(ds, validator(), 1, 10);
      expect(first.total).toBe(1);
      expect(first.items[0]).toMatchObject({ id: fx.roundId, validationOpen: true, active: 0, completed: 0 });
      expect(first.items[0].opensAt).toBeInstanceOf(Date);
      expect(await assignments.openRoundsPage(ds, validator(), 2, 10)).toEqual({ items: [], total: 1 });
      expect(await assignments.roundForValidator(ds, validator(), fx.roundId)).toMatchObject({
        id: fx.roundId,
        institutionQuestionnaireId: fx.institutionQuestionnaireId,
        status: 'open',
      });
      // A demo account never sees a real round.
      await ds.query('UPDATE app_user SET synthetic = true WHERE id = $1', [fx.validatorIds[1]]);
      expect(await assignments.roundForValidator(ds, fx.validatorIds[1], fx.roundId)).toBeUndefined();
      expect((await assignments.openRoundsPage(ds, fx.validatorIds[1], 1, 10)).total).toBe(0);
      await ds.query('UPDATE app_user SET synthetic = false WHERE id = $1', [fx.validatorIds[1]]);
    });

    it('weighs the universe: load, claims to verify, conflicts, home municipality', async () => {
      const definition = await assignments.questionnaireDefinition(ds, fx.institutionQuestionnaireId);
      expect(definition).toBeDefined();
      const claimNames = claimsOf(fx.institutionQuestionnaireId, definition!).map((c) => c.name);
      const candidates = await assignments.candidates(ds, fx.roundId, claimNames);
      expect(candidates.map((c) => c.id).sort()).toEqual(fx.institutionIds);
      for (const c of candidates) {
        expect(c.withData).toBe(c.reports > 0);
        if (!submitted.has(c.id)) expect(c.hasClaims).toBe(false);
      }
      expect(candidates.some((c) => c.hasClaims)).toBe(true);
      expect(await assignments.candidates(ds, fx.roundId, [])).toEqual(
        candidates.map((c) => ({ ...c, hasClaims: false })),
      );
      await ds.query('INSERT INTO validator_conflict (user_id, institution_id) VALUES ($1, $2)', [
        validator(),
        fx.institutionIds[5],
      ]);
      expect(await assignments.conflictInstitutionIds(ds, validator())).toEqual([fx.institutionIds[5]]);
      expect(await assignments.validatorCvegeo(ds, validator())).toBeNull();
      expect(await assignments.metricNeeds(ds, fx.roundId)).toEqual([]);
    });

    it('assigns once per institution, queues the mail, pages, finds own only and expires overdue', async () => {
      const now = new Date();
      const picked = fx.institutionIds.slice(0, 3);
      const ids = await ds.transaction(async (m) => {
        await assignments.serializeRound(m, fx.roundId);
        return assignments.insertActive(m, fx.roundId, validator(), new Date(now.getTime() + DAY), picked);
      });
      expect(ids).toHaveLength(3);
      expect(await assignments.insertActive(ds, fx.roundId, validator(), now, picked)).toEqual([]);
      await assignments.queueNewAssignmentsMail(ds, validator(), fx.roundId, ids);
      const [event]: Array<{ payload: { assignmentIds: string[] } }> = await ds.query(
        "SELECT payload FROM outbox_event WHERE type = 'mail.validator-assignments'",
      );
      expect(event.payload.assignmentIds).toEqual(ids);

      const mine = await assignments.mineInRound(ds, fx.roundId, validator());
      expect(mine.map((a) => a.institutionId).sort()).toEqual([...picked].sort());
      const active = await assignments.activeInRound(ds, fx.roundId, validator());
      expect(active).toHaveLength(3);
      expect(active[0]).toMatchObject({ roundId: fx.roundId, status: 'active' });
      expect(active[0].expiresAt).toBeInstanceOf(Date);

      const page = await assignments.page(ds, validator(), { roundId: fx.roundId }, 1, 2);
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      expect((await assignments.page(ds, validator(), { status: 'expired' }, 1, 10)).total).toBe(0);
      expect(await assignments.findOwn(ds, validator(), ids[0])).toMatchObject({ id: ids[0] });
      expect(await assignments.findOwn(ds, fx.validatorIds[1], ids[0])).toBeUndefined();

      // Round-scoped first; afterwards nothing is left overdue anywhere.
      expect(await assignments.expireOverdue(ds, new Date(now.getTime() + 2 * DAY), fx.roundId)).toBe(3);
      expect(await assignments.expireOverdue(ds, new Date(now.getTime() + 2 * DAY))).toBe(0);
      expect((await assignments.page(ds, validator(), { status: 'expired' }, 1, 10)).total).toBe(3);
      expect(await assignments.activeInRound(ds, fx.roundId, validator())).toEqual([]);
    });

    it('reads the history and the full-view inputs as camelCase records', async () => {
      const history = await assignments.historyPage(ds, validator(), 1, 10);
      expect(history.total).toBe(3);
      expect(history.items[0]).toMatchObject({ roundId: fx.roundId, status: 'expired', seen: false });
      expect(history.items[0].institution.municipality.cvegeo).toEqual(expect.any(String));

      const rows = (await assignments.page(ds, validator(), { status: 'expired' }, 1, 10)).items;
      const inputs = await assignments.viewInputs(ds, validator(), rows);
      expect(inputs.rounds).toEqual([
        expect.objectContaining({ id: fx.roundId, citizenQuestionnaireId: fx.citizenQuestionnaireId }),
      ]);
      expect(inputs.questionnaires.map((q) => q.id).sort()).toEqual(
        [fx.institutionQuestionnaireId, fx.citizenQuestionnaireId].sort(),
      );
      expect(inputs.institutions).toHaveLength(3);
      expect(inputs.submitted.every((s) => submitted.has(s.institutionId))).toBe(true);
      expect(inputs.evidence).toHaveLength(inputs.submitted.length);
    });
  });

  describe('AssignmentsRepository: a declared conflict', () => {
    it("expires only the validator's active assignments of the declared institutions", async () => {
      const v = fx.validatorIds[4];
      const [x, y] = fx.institutionIds;
      await assignments.insertActive(ds, fx.roundId, v, new Date(Date.now() + DAY), [x, y]);
      await assignments.insertActive(ds, fx.roundId, fx.validatorIds[5], new Date(Date.now() + DAY), [x]);
      await assignments.expireActiveOf(ds, v, [x]);
      const mine = await assignments.mineInRound(ds, fx.roundId, v);
      expect(new Map(mine.map((a) => [a.institutionId, a.status]))).toEqual(
        new Map([
          [x, 'expired'],
          [y, 'active'],
        ]),
      );
      expect(await assignments.mineInRound(ds, fx.roundId, fx.validatorIds[5])).toEqual([
        { institutionId: x, status: 'active' },
      ]);
    });
  });

  describe('WorkRepository', () => {
    const user = (): string => fx.validatorIds[2];
    let assignmentId: string;
    let institutionId: string;

    beforeAll(async () => {
      institutionId = fx.institutionIds.find((id) => submitted.has(id))!;
      // Leave the fixture's own verdicts and report of this validator out of the way.
      await ds.query('DELETE FROM verdict WHERE validator_id = $1', [user()]);
      await ds.query('DELETE FROM citizen_report WHERE validator_id = $1', [user()]);
      [assignmentId] = await assignments.insertActive(ds, fx.roundId, user(), new Date(Date.now() + DAY), [
        institutionId,
      ]);
    });

    it("reads the caller's assignment only, and for a write locks it while leaving the round writable", async () => {
      expect(await work.ownAssignment(ds, fx.validatorIds[3], assignmentId)).toBeUndefined();
      const runner = ds.createQueryRunner();
      await runner.connect();
      try {
        await ds.transaction(async (m) => {
          const a = await work.ownAssignment(m, user(), assignmentId, true);
          expect(a).toMatchObject({
            id: assignmentId,
            institutionId,
            validatorId: user(),
            roundStatus: 'open',
            validationOpen: true,
            guarantorId: fx.guarantorId,
          });
          await expect(
            runner.query('SELECT 1 FROM assignment WHERE id = $1 FOR UPDATE NOWAIT', [assignmentId]),
          ).rejects.toThrow(/could not obtain lock/);
          // FOR KEY SHARE of the round: an ordinary update of the round is not blocked, its deletion is.
          await runner.query("SET lock_timeout = '2s'");
          await runner.query('UPDATE round SET settings = settings WHERE id = $1', [fx.roundId]);
          await expect(
            runner.query('SELECT 1 FROM round WHERE id = $1 FOR UPDATE NOWAIT', [fx.roundId]),
          ).rejects.toThrow(/could not obtain lock/);
        });
      } finally {
        await runner.release();
      }
    });

    it('checks conflicts and reads questionnaires', async () => {
      expect(await work.hasConflict(ds, user(), institutionId)).toBe(false);
      await ds.query('INSERT INTO validator_conflict (user_id, institution_id) VALUES ($1, $2)', [
        user(),
        institutionId,
      ]);
      expect(await work.hasConflict(ds, user(), institutionId)).toBe(true);
      await ds.query('DELETE FROM validator_conflict WHERE user_id = $1', [user()]);
      expect(await work.questionnaireDefinition(ds, fx.citizenQuestionnaireId)).toEqual(expect.any(Object));
      expect(await work.questionnaireChecksum(ds, fx.citizenQuestionnaireId)).toEqual(expect.any(String));
      expect(await work.questionnaireDefinition(ds, fx.roundId)).toBeUndefined();
    });

    it('records the result baseline once', async () => {
      await work.recordBaseline(ds, user(), fx.roundId, institutionId);
      await work.recordBaseline(ds, user(), fx.roundId, institutionId);
      const rows: unknown[] = await ds.query('SELECT 1 FROM validator_result_seen WHERE user_id = $1', [user()]);
      expect(rows).toHaveLength(1);
    });

    it('stores evidence files, counts and shows them to their uploader only', async () => {
      const id = await work.insertEvidence(ds, {
        roundId: fx.roundId,
        institutionId,
        uploaderUserId: user(),
        questionName: null,
        filename: 'acta.pdf',
        mimeType: 'application/pdf',
        size: 4,
        sha256: 'a'.repeat(64),
        content: Buffer.from('%PDF'),
      });
      expect(await work.countUploads(ds, fx.roundId, institutionId, user())).toBe(1);
      expect(await work.ownFileIds(ds, user(), fx.roundId, [id, fx.roundId])).toEqual(new Set([id]));
      expect(await work.ownFileIds(ds, fx.validatorIds[3], fx.roundId, [id])).toEqual(new Set());
      expect(await work.evidenceVisible(ds, id, fx.roundId, institutionId, user())).toBe(true);
      expect(await work.evidenceVisible(ds, id, fx.roundId, institutionId, fx.validatorIds[3])).toBe(false);
    });

    it('upserts verdicts and the report, resets a refutation notice, and completes the assignment', async () => {
      const definition = await work.questionnaireDefinition(ds, fx.institutionQuestionnaireId);
      const [claim] = claimsOf(fx.institutionQuestionnaireId, definition!);
      const key = { roundId: fx.roundId, institutionId, validatorId: user(), questionName: claim.name };
      expect(await work.findVerdict(ds, fx.roundId, user(), institutionId, claim.name)).toBeUndefined();
      const first = await work.upsertVerdict(ds, {
        ...key,
        verdict: 'refuted',
        evidenceUrl: 'https://example.org/acta',
        evidenceFileId: null,
        comment: 'No aparece',
      });
      expect(first).toMatchObject({
        questionName: claim.name,
        verdict: 'refuted',
        evidenceUrl: 'https://example.org/acta',
      });
      expect(first.updatedAt).toBeInstanceOf(Date);
      await ds.query('UPDATE verdict SET notified_at = now(), notice_queued_at = now() WHERE id = $1', [first.id]);
      const again = await work.upsertVerdict(ds, {
        ...key,
        verdict: 'confirmed',
        evidenceUrl: null,
        evidenceFileId: null,
        comment: null,
      });
      expect(again.id).toBe(first.id);
      expect(await work.findVerdict(ds, fx.roundId, user(), institutionId, claim.name)).toEqual({
        verdict: 'confirmed',
        evidenceUrl: null,
        evidenceFileId: null,
        comment: null,
      });
      await work.resetRefutationNotice(ds, first.id);
      const [notice]: Array<{ notified_at: Date | null; notice_queued_at: Date | null }> = await ds.query(
        'SELECT notified_at, notice_queued_at FROM verdict WHERE id = $1',
        [first.id],
      );
      expect(notice).toEqual({ notified_at: null, notice_queued_at: null });

      let state = await work.completionState(ds, fx.roundId, institutionId, user());
      expect(state).toMatchObject({ hasReport: false, verdictQuestions: [claim.name] });
      expect(state.submitted).not.toBeNull();
      const report = await work.upsertReport(ds, {
        roundId: fx.roundId,
        institutionId,
        validatorId: user(),
        questionnaireId: fx.citizenQuestionnaireId,
        data: { a: 1 },
      });
      const replaced = await work.upsertReport(ds, {
        roundId: fx.roundId,
        institutionId,
        validatorId: user(),
        questionnaireId: fx.citizenQuestionnaireId,
        data: { a: 2 },
      });
      expect(replaced).toMatchObject({ id: report.id, data: { a: 2 } });
      state = await work.completionState(ds, fx.roundId, institutionId, user());
      expect(state.hasReport).toBe(true);
      await work.markCompleted(ds, assignmentId);
      expect(await work.ownAssignment(ds, user(), assignmentId)).toMatchObject({ status: 'completed' });
    });
  });
  describe('ValidatorsRepository', () => {
    const email = 'nueva@example.org';
    let userId: string;

    it('registers an address once, and stamps the account notice at most once per interval', async () => {
      userId = (await validators.insertUser(ds, { email, passwordHash: 'x', displayName: null }))!;
      expect(userId).toEqual(expect.any(String));
      expect(await validators.insertUser(ds, { email, passwordHash: 'y', displayName: 'Otra' })).toBeUndefined();
      const now = new Date();
      expect(await validators.stampAccountNotice(ds, email, now, new Date(now.getTime() - 60_000))).toBe(userId);
      expect(await validators.stampAccountNotice(ds, email, now, new Date(now.getTime() - 60_000))).toBeUndefined();
      expect(await validators.stampAccountNotice(ds, 'nadie@example.org', now, now)).toBeUndefined();

      const profile = { userId, pseudonym: 'FXnueva1', cvegeo: null, consentAt: now, privacyNoticeVersion: '2025-01' };
      expect(await validators.insertProfile(ds, profile)).toBe(true);
      const other = (await validators.insertUser(ds, {
        email: 'otra@example.org',
        passwordHash: 'x',
        displayName: null,
      }))!;
      expect(await validators.insertProfile(ds, { ...profile, userId: other })).toBe(false);
    });

    it('spends a verification link once, verifies the address and spends the other open links', async () => {
      const now = new Date();
      const link = (id: string, expiresAt: Date) => ({
        id,
        userId,
        tokenHash: id.replace(/-/g, '').padEnd(64, '0'),
        expiresAt,
      });
      const a = link('00000000-0000-4000-8000-00000000000a', new Date(now.getTime() + DAY));
      const b = link('00000000-0000-4000-8000-00000000000b', new Date(now.getTime() + DAY));
      const old = link('00000000-0000-4000-8000-00000000000c', new Date(now.getTime() - 1));
      for (const l of [a, b, old]) await validators.insertVerification(ds, l);
      expect(await validators.hasVerificationSince(ds, userId, new Date(now.getTime() - 60_000))).toBe(true);
      expect(await validators.spendVerification(ds, old.tokenHash, now)).toBeUndefined();
      await ds.transaction(async (m) => {
        expect(await validators.lockUnverified(m, email)).toBe(userId);
      });
      expect(await validators.spendVerification(ds, a.tokenHash, now)).toBe(userId);
      expect(await validators.spendVerification(ds, a.tokenHash, now)).toBeUndefined();
      expect(await validators.isEmailVerified(ds, userId)).toBe(false);
      expect(await validators.markEmailVerified(ds, userId, now)).toBe(true);
      expect(await validators.isEmailVerified(ds, userId)).toBe(true);
      expect(await validators.isEmailVerified(ds, fx.roundId)).toBe(false);
      await validators.spendOpenVerifications(ds, userId, now);
      expect(await validators.spendVerification(ds, b.tokenHash, now)).toBeUndefined();
      expect(await validators.lockUnverified(ds, email)).toBeUndefined();
      expect(await validators.markEmailVerified(ds, fx.roundId, now)).toBe(false);
    });

    it('reads and edits the profile as a camelCase record', async () => {
      const [cvegeo] = fx.municipalities;
      expect(await validators.municipalityExists(ds, cvegeo)).toBe(true);
      expect(await validators.municipalityExists(ds, '99999')).toBe(false);
      await validators.setDisplayName(ds, userId, 'Ana');
      await validators.setCvegeo(ds, userId, cvegeo);
      await validators.setMailOptOut(ds, userId, true);
      const p = await validators.profile(ds, userId);
      expect(p).toMatchObject({
        id: userId,
        email,
        displayName: 'Ana',
        pseudonym: 'FXnueva1',
        cvegeo,
        mailOptOut: true,
      });
      expect(p?.emailVerifiedAt).toBeInstanceOf(Date);
      expect(p?.municipality).toMatchObject({ cvegeo, name: expect.any(String), stateName: expect.any(String) });
      expect(await validators.profile(ds, fx.roundId)).toBeUndefined();
    });

    it('replaces conflicts with their reasons and finds the round they would overflow', async () => {
      const [x, y, z] = fx.institutionIds;
      expect(await validators.countInstitutions(ds, [x, y, fx.roundId])).toBe(2);
      await validators.replaceConflicts(ds, userId, [
        { institutionId: x, reason: 'Trabajé ahí' },
        { institutionId: y, reason: 'Familiar' },
      ]);
      await validators.replaceConflicts(ds, userId, [
        { institutionId: y, reason: 'Familiar directo' },
        { institutionId: z, reason: 'Proveedor' },
      ]);
      const conflicts = await validators.conflicts(ds, userId);
      expect(new Map(conflicts.map((c) => [c.institution.id, c.reason]))).toEqual(
        new Map([
          [y, 'Familiar directo'],
          [z, 'Proveedor'],
        ]),
      );
      await ds.query('UPDATE round SET max_conflicts = 1 WHERE id = $1', [fx.roundId]);
      expect(await validators.conflictOverflow(ds, [x], null)).toBeUndefined();
      expect(await validators.conflictOverflow(ds, [x, y], null)).toMatchObject({ declared: 2, max: 1 });
      expect(await validators.conflictOverflow(ds, [x, y], fx.roundId)).toMatchObject({ declared: 2, max: 1 });
      expect(await validators.conflictOverflow(ds, [x, y], fx.guarantorId)).toBeUndefined();
    });

    it('searches institutions by name ignoring case and accents, never those of a demo guarantor', async () => {
      const [{ name, cvegeo }]: Array<{ name: string; cvegeo: string }> = await ds.query(
        'SELECT name, cvegeo FROM institution WHERE id = $1',
        [fx.institutionIds[0]],
      );
      const text = name
        .toUpperCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
      const found = await validators.searchInstitutions(ds, { text, cvegeo }, 1, 10);
      expect(found.items.map((i) => i.id)).toEqual([fx.institutionIds[0]]);
      expect(found.total).toBe(1);
      expect(await validators.searchInstitutions(ds, { text, cvegeo }, 2, 10)).toEqual({ items: [], total: 1 });
      expect((await validators.searchInstitutions(ds, { text: '100%_' }, 1, 10)).total).toBe(0);
      await ds.query('UPDATE guarantor SET synthetic = true WHERE id = $1', [fx.guarantorId]);
      expect((await validators.searchInstitutions(ds, { cvegeo }, 1, 10)).total).toBe(0);
      await ds.query('UPDATE guarantor SET synthetic = false WHERE id = $1', [fx.guarantorId]);
    });
  });
  describe("RecruitmentRepository and the round's validators", () => {
    it('counts load per municipality, verified validators by home municipality and the metric need', async () => {
      const now = new Date();
      const loads = await recruitment.municipalityLoads(ds, fx.roundId, now, 3, null);
      expect(loads.map((l) => l.cvegeo).sort()).toEqual([...fx.municipalities].sort());
      expect(loads.reduce((n, l) => n + l.subjects, 0)).toBe(fx.institutionIds.length);
      const [reports]: Array<{ n: number }> = await ds.query(
        'SELECT count(*)::int AS n FROM citizen_report WHERE round_id = $1',
        [fx.roundId],
      );
      expect(loads.reduce((n, l) => n + l.reports, 0)).toBe(reports.n);
      for (const l of loads) expect(l.shortfall).toBeGreaterThanOrEqual(3 * (l.subjects - l.withData));
      const [active]: Array<{ n: number }> = await ds.query(
        "SELECT count(*)::int AS n FROM assignment WHERE round_id = $1 AND status = 'active' AND expires_at > $2",
        [fx.roundId, now],
      );
      expect(loads.reduce((n, l) => n + l.active, 0)).toBe(active.n);
      const [{ cve_ent: cveEnt }]: Array<{ cve_ent: string }> = await ds.query(
        'SELECT cve_ent FROM municipality WHERE cvegeo = $1',
        [fx.municipalities[0]],
      );
      expect(
        (await recruitment.municipalityLoads(ds, fx.roundId, now, 3, cveEnt)).every((l) => l.cveEnt === cveEnt),
      ).toBe(true);

      // The validator registered above lives in the first municipality and verified the address.
      const byMunicipality = await recruitment.validatorsByMunicipality(ds, fx.roundId);
      expect(byMunicipality.get(fx.municipalities[0])).toBe(1);
      expect(await recruitment.municipalityNeeds(ds, fx.roundId)).toEqual([]);
    });

    it("pages the round's validators with their work there, counting apart past the last page", async () => {
      const first = await validators.roundValidatorsPage(ds, fx.roundId, 1, 2);
      const [{ n }]: Array<{ n: number }> = await ds.query(
        'SELECT count(DISTINCT validator_id)::int AS n FROM assignment WHERE round_id = $1',
        [fx.roundId],
      );
      expect(first.total).toBe(n);
      expect(first.items).toHaveLength(2);
      expect(first.items[0].pseudonym <= first.items[1].pseudonym).toBe(true);
      expect(first.items[0]).toMatchObject({
        assignments: expect.objectContaining({ active: expect.any(Number) }),
        verdicts: expect.any(Number),
      });
      expect(first.items[0].registeredAt).toBeInstanceOf(Date);
      expect(await validators.roundValidatorsPage(ds, fx.roundId, 100, 2)).toEqual({ items: [], total: n });
    });
  });
});
