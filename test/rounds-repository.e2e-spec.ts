import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { DomainError } from '../apps/api/src/common/domain-error';
import { RoundsRepository } from '../apps/api/src/common/rounds/rounds.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** The round aggregate against a real PostgreSQL: the owned-round lookup, its row locks, the frozen universe. */
describe('RoundsRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: RoundsRepository;
  let fx: RoundFixture;

  const notFound = async (p: Promise<unknown>): Promise<DomainError> => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  };

  /** A transaction held open by the test, so a second one can meet its locks. */
  const held = async (): Promise<QueryRunner> => {
    const qr = ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    return qr;
  };

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'roundsrepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    repo = new RoundsRepository(ds);
    fx = await buildRoundFixture(ds, { seed: 'rounds-repository', institutions: 6, municipalities: 2, status: 'open' });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it("finds the caller's round as a camelCase record, and answers one NOT_FOUND for every other id", async () => {
    const round = await repo.findOwned(ds.manager, fx.guarantorId, fx.roundId);
    expect(round).toMatchObject({
      id: fx.roundId,
      guarantorId: fx.guarantorId,
      status: 'open',
      maxVersionsPerResponse: 50,
    });
    expect(round.opensAt).toBeInstanceOf(Date);

    const other = await notFound(repo.findOwned(ds.manager, NOBODY, fx.roundId));
    const missing = await notFound(repo.findOwned(ds.manager, fx.guarantorId, NOBODY, { field: 'id' }));
    const noGuarantor = await notFound(repo.findOwned(ds.manager, null, fx.roundId));
    for (const e of [other, missing, noGuarantor]) {
      expect(e.code).toBe('NOT_FOUND');
      expect(e.messages).toEqual({ es: 'No se encontró la ronda.', en: 'Round not found.' });
    }
    expect([other.field, missing.field, noGuarantor.field]).toEqual(['roundId', 'id', 'roundId']);
    expect((await notFound(repo.lockForSubmission(ds.manager, NOBODY))).messages.en).toBe('Round not found.');
  });

  it('takes the lock it is asked for: a submission share lock holds off an update lock, not another share lock', async () => {
    const a = await held();
    const b = await held();
    try {
      const locked = await repo.lockForSubmission(a.manager, fx.roundId);
      expect(locked).toMatchObject({
        id: fx.roundId,
        guarantorId: fx.guarantorId,
        status: 'open',
        maxVersionsPerResponse: 50,
      });
      expect(locked.now).toBeInstanceOf(Date);
      await b.query("SET LOCAL lock_timeout = '300ms'");
      await b.query('SAVEPOINT s');
      // A transition (FOR UPDATE) waits for the submission in flight…
      await expect(repo.findOwned(b.manager, fx.guarantorId, fx.roundId, { lock: 'update' })).rejects.toThrow(
        /lock timeout/,
      );
      await b.query('ROLLBACK TO SAVEPOINT s');
      // …while other submissions (FOR SHARE) and references (FOR KEY SHARE) go ahead.
      await expect(repo.findOwned(b.manager, fx.guarantorId, fx.roundId, { lock: 'share' })).resolves.toBeDefined();
      await expect(repo.findById(b.manager, fx.roundId, { lock: 'key_share' })).resolves.toBeDefined();
    } finally {
      await b.rollbackTransaction();
      await b.release();
      await a.rollbackTransaction();
      await a.release();
    }
  });

  it('an update lock holds off even a key-share reference until the transition commits', async () => {
    const a = await held();
    const b = await held();
    try {
      await repo.findOwned(a.manager, fx.guarantorId, fx.roundId, { lock: 'update' });
      await b.query("SET LOCAL lock_timeout = '300ms'");
      await expect(repo.findById(b.manager, fx.roundId, { lock: 'key_share' })).rejects.toThrow(/lock timeout/);
    } finally {
      await b.rollbackTransaction();
      await b.release();
      await a.rollbackTransaction();
      await a.release();
    }
  });

  it('saves a draft, freezes its universe once, and counts what the console shows', async () => {
    const draft = await repo.save(ds.manager, {
      guarantorId: fx.guarantorId,
      name: 'Borrador',
      status: 'draft',
      opensAt: new Date('2030-01-01T00:00:00Z'),
      closesAt: new Date('2030-02-01T00:00:00Z'),
      institutionQuestionnaireId: fx.institutionQuestionnaireId,
      citizenQuestionnaireId: fx.citizenQuestionnaireId,
      universeSelection: { institutionIds: fx.institutionIds.slice(0, 4) },
      settings: {},
      design: { kind: 'census' },
      validationOpen: false,
      synthetic: true,
      maxVersionsPerResponse: 7,
      openedAt: null,
      closedAt: null,
      publishedAt: null,
    });
    expect((await repo.findOwned(ds.manager, fx.guarantorId, draft.id)).maxVersionsPerResponse).toBe(7);
    expect((await repo.selectedInstitutionIds(ds.manager, fx.guarantorId, draft.universeSelection)).sort()).toEqual(
      fx.institutionIds.slice(0, 4),
    );
    const counted = await repo.selectionCounts(ds.manager, fx.guarantorId, draft.universeSelection);
    expect(counted.reduce((n, c) => n + c.n, 0)).toBe(4);
    expect(await repo.countOwnedInstitutions(ds.manager, fx.guarantorId, [fx.institutionIds[0], NOBODY])).toBe(1);

    expect((await repo.freezeUniverse(ds.manager, draft)).sort()).toEqual(fx.institutionIds.slice(0, 4));
    expect(await repo.freezeUniverse(ds.manager, draft)).toEqual([]);
    expect((await repo.frozenInstitutionIds(ds.manager, draft.id)).sort()).toEqual(fx.institutionIds.slice(0, 4));
    const byArea = (rows: Array<{ cvegeo: string }>) => [...rows].sort((x, y) => x.cvegeo.localeCompare(y.cvegeo));
    expect(byArea(await repo.frozenCounts(ds.manager, draft.id))).toEqual(byArea(counted));
    expect(await repo.activityCounts(ds.manager, draft.id)).toEqual({ invitations: 0, drafts: 0, submitted: 0 });

    const runId = await repo.startRecomputeRun(ds.manager, draft.id);
    expect(await repo.recomputeRun(ds.manager, runId)).toEqual({ status: 'queued', progress: 0, finishedAt: null });
    expect(await repo.recomputeRun(ds.manager, NOBODY)).toBeUndefined();

    const page = await repo.page(fx.guarantorId, 'draft', 1, 10);
    expect(page).toMatchObject({ total: 1, items: [{ id: draft.id, name: 'Borrador' }] });
    await repo.delete(ds.manager, draft.id);
    await notFound(repo.findOwned(ds.manager, fx.guarantorId, draft.id));
  });

  it('writes the settings other features own on the round row', async () => {
    await repo.setValidationOpen(ds.manager, fx.roundId, false);
    await repo.setDueProcessSettings(ds.manager, fx.roundId, { replyWindowDays: 12, maxConflicts: 3 });
    await repo.setReminderSettings(ds.manager, fx.roundId, { enabled: true, minDays: 4, maxCount: 2 });
    expect(await repo.findOwned(ds.manager, fx.guarantorId, fx.roundId)).toMatchObject({
      validationOpen: false,
      replyWindowDays: 12,
      maxConflicts: 3,
      remindersEnabled: true,
      reminderMinDays: 4,
      reminderMaxCount: 2,
    });
    await repo.setValidationOpen(ds.manager, fx.roundId, true);
    expect((await repo.findById(ds.manager, fx.roundId)).validationOpen).toBe(true);
  });

  it('counts coverage over a universe in camelCase', async () => {
    const c = await repo.coverage(ds.manager, fx.roundId, fx.institutionIds);
    expect(c.submitted).toBe(fx.counts.responses);
    expect(c.validated).toBeGreaterThan(0);
    // No results computed yet: every institution that submitted counts as not validated.
    expect(c).toMatchObject({
      conclusive: 0,
      caution: 0,
      inconclusive: 0,
      notValidated: fx.counts.responses,
      computedAt: null,
    });
  });
});
