import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { newInvitationRows } from '../apps/api/src/invitations/invitation-tokens';
import { InvitationsRepository } from '../apps/api/src/invitations/invitations.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

/** Invitations against a real PostgreSQL: links, revocation, address corrections and the console's progress. */
describe('InvitationsRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repo = new InvitationsRepository();
  let fx: RoundFixture;
  let submitted: Set<string>;

  const invite = async (institutionIds: string[]): Promise<string[]> => {
    const rows = newInvitationRows('test-secret-test-secret-test-secret', institutionIds.length);
    return repo.insertMany(
      ds.manager,
      fx.roundId,
      rows.map((r, k) => ({ id: r.id, institutionId: institutionIds[k], tokenHash: r.tokenHash })),
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'invrepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    fx = await buildRoundFixture(ds, { seed: 'invitations-repository', institutions: 8, municipalities: 2 });
    const rows: Array<{ institution_id: string }> = await ds.query(
      "SELECT institution_id FROM response WHERE round_id = $1 AND status = 'submitted'",
      [fx.roundId],
    );
    submitted = new Set(rows.map((r) => r.institution_id));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('invites each institution once, and reminds only those that have not submitted', async () => {
    const ids = await invite(fx.institutionIds);
    expect(ids).toHaveLength(8);
    expect(await invite(fx.institutionIds)).toEqual([]);
    const awaiting = await repo.awaitingSubmission(ds.manager, fx.roundId, null);
    expect(awaiting).toHaveLength(8 - submitted.size);
    const [first] = fx.institutionIds;
    expect(await repo.awaitingSubmission(ds.manager, fx.roundId, [first])).toHaveLength(submitted.has(first) ? 0 : 1);
    await repo.countQueuedReminders(ds.manager, awaiting);
    const [{ n }]: Array<{ n: number }> = await ds.query(
      'SELECT count(*)::int AS n FROM invitation WHERE round_id = $1 AND reminders_queued = 1',
      [fx.roundId],
    );
    expect(n).toBe(awaiting.length);
  });

  it('revokes, re-issues with the address correction, and lists the institution as a camelCase record', async () => {
    const inst = fx.institutionIds[1];
    await ds.transaction(async (m) => {
      await repo.lockInstitution(m, fx.roundId, inst);
      const active = await repo.activeLocked(m, fx.roundId, inst);
      expect(active).toMatchObject({ email: null, revokedAt: null });
      await repo.setEmail(m, active!.id, 'corregido@example.org');
      expect((await repo.latestLocked(m, fx.roundId, inst))?.email).toBe('corregido@example.org');
      await repo.revoke(m, active!.id);
      expect(await repo.activeLocked(m, fx.roundId, inst)).toBeUndefined();
      const latest = await repo.latest(m, fx.roundId, inst);
      expect(latest).toMatchObject({ id: active!.id, email: 'corregido@example.org' });
      expect(latest?.revokedAt).toBeInstanceOf(Date);
      const [fresh] = newInvitationRows('test-secret-test-secret-test-secret', 1);
      await repo.insertOne(m, {
        id: fresh.id,
        roundId: fx.roundId,
        institutionId: inst,
        tokenHash: fresh.tokenHash,
        email: latest!.email,
      });
      const item = await repo.item(m, fx.roundId, inst);
      expect(item).toMatchObject({
        invitationId: fresh.id,
        institutionId: inst,
        email: 'corregido@example.org',
        emailOverridden: true,
        revokedAt: null,
        mailOutcome: null,
      });
      expect(item.createdAt).toBeInstanceOf(Date);
    });
  });

  it('records the first opening once, and never for a revoked link', async () => {
    const inst = fx.institutionIds[2];
    const active = await repo.activeLocked(ds.manager, fx.roundId, inst);
    const opened = await repo.markOpened(ds, active!.id);
    expect(opened).toMatchObject({ roundStatus: 'open', institutionName: expect.any(String) });
    expect((await repo.markOpened(ds, active!.id))?.openedAt).toEqual(opened?.openedAt);
    const revoked = await repo.latest(ds.manager, fx.roundId, fx.institutionIds[1]);
    const [old]: Array<{ id: string }> = await ds.query(
      'SELECT id FROM invitation WHERE round_id = $1 AND institution_id = $2 AND revoked_at IS NOT NULL',
      [fx.roundId, fx.institutionIds[1]],
    );
    expect(revoked?.id).not.toBe(old.id);
    expect(await repo.markOpened(ds, old.id)).toBeUndefined();
  });

  it('pages and counts progress by state and municipality', async () => {
    const page = await repo.items(ds.manager, fx.roundId, {}, 3, 0);
    expect(page.total).toBe(8);
    expect(page.items).toHaveLength(3);
    expect(await repo.items(ds.manager, fx.roundId, {}, 3, 30)).toEqual({ items: [], total: 8 });
    expect((await repo.items(ds.manager, fx.roundId, { status: 'submitted' }, 10, 0)).total).toBe(submitted.size);

    const { totals, states } = await repo.progressByState(ds.manager, fx.roundId);
    expect(totals).toMatchObject({ invited: 8, submitted: submitted.size, opened: 1 });
    expect(states.reduce((n, s) => n + s.invited, 0)).toBe(8);
    const muns = await repo.progressByMunicipality(ds.manager, fx.roundId, undefined, 1, 0);
    expect(muns.items).toHaveLength(1);
    expect(muns.total).toBe(2);
    expect(await repo.progressByMunicipality(ds.manager, fx.roundId, undefined, 1, 10)).toEqual({
      items: [],
      total: 2,
    });
  });
});
