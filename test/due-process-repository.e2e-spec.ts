import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { DueProcessRepository } from '../apps/api/src/due-process/due-process.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

/** Refutations and disputes against a real PostgreSQL, with the standing the worker also uses. */
describe('DueProcessRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repo = new DueProcessRepository();
  let fx: RoundFixture;
  let refuted: { id: string; institution_id: string };

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'dueprocrepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    fx = await buildRoundFixture(ds, { seed: 'due-process-repository', institutions: 12, municipalities: 3 });
    [refuted] = await ds.query(
      "SELECT id, institution_id FROM verdict WHERE round_id = $1 AND verdict = 'refuted' AND notified_at IS NOT NULL ORDER BY id LIMIT 1",
      [fx.roundId],
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('lists an institution’s notified refutations in camelCase, counted once their window ended', async () => {
    const list = await repo.refutations(ds, fx.roundId, refuted.institution_id);
    const mine = list.find((r) => r.verdictId === refuted.id);
    expect(mine).toMatchObject({ standing: 'counted', dispute: null });
    expect(mine?.replyDeadline.getTime()).toBeGreaterThan(mine!.notifiedAt.getTime());
    const summary = await repo.standingSummary(ds, fx.roundId);
    expect(summary.counted).toBeGreaterThan(0);
    expect(summary).toMatchObject({ notNotified: 0, pending: 0, disputed: 0, overturned: 0 });
    const counts = await repo.verdictCounts(ds, fx.roundId);
    expect(counts.reduce((n, c) => n + c.refuted, 0)).toBe(summary.counted);
    expect(await repo.institutionQuestionnaire(ds, fx.roundId)).toEqual(
      expect.objectContaining({ pages: expect.any(Array) }),
    );
  });

  it('locks a refutation whose window closed, records a dispute once, and the guarantor’s decision', async () => {
    await ds.transaction(async (m) => {
      const v = await repo.lockRefutation(m, refuted.id, fx.roundId, refuted.institution_id);
      expect(v).toMatchObject({ id: refuted.id, guarantorId: fx.guarantorId, open: false });
      expect(
        await repo.lockRefutation(
          m,
          refuted.id,
          fx.roundId,
          fx.institutionIds.find((i) => i !== refuted.institution_id)!,
        ),
      ).toBeUndefined();
      expect(await repo.hasDispute(m, refuted.id)).toBe(false);
      const disputeId = await repo.insertDispute(m, refuted.id, {
        text: 'Sí está publicado.',
        evidenceUrl: null,
        evidenceFileId: null,
      });
      expect(await repo.hasDispute(m, refuted.id)).toBe(true);

      const open = await repo.queue(m, fx.roundId, false, 10, 0);
      expect(open.total).toBe(1);
      expect(open.items[0]).toMatchObject({
        verdictId: refuted.id,
        dispute: { id: disputeId, status: 'open', decidedAt: null },
      });
      expect(
        (await repo.refutations(m, fx.roundId, refuted.institution_id)).find((r) => r.verdictId === refuted.id)
          ?.standing,
      ).toBe('disputed');

      const locked = await repo.lockDispute(m, disputeId, fx.roundId);
      expect(locked).toEqual({
        id: disputeId,
        status: 'open',
        verdictId: refuted.id,
        institutionId: refuted.institution_id,
      });
      const decided = await repo.decide(m, disputeId, {
        status: 'overturned',
        reason: 'Publicado',
        decidedBy: fx.validatorIds[0],
      });
      expect(decided).toMatchObject({ id: disputeId, status: 'overturned', decisionReason: 'Publicado' });
      expect(decided.decidedAt).toBeInstanceOf(Date);
      expect((await repo.queue(m, fx.roundId, true, 10, 0)).total).toBe(1);
      expect((await repo.standingSummary(m, fx.roundId)).overturned).toBe(1);
    });
  });
});
