import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { UsersRepository, type UserRecord } from '../apps/api/src/common/users/users.repository';
import { createTestDatabase, TestDatabase } from './support/db';

/** Accounts and staff invitations against a real PostgreSQL: lookups, the admins' lock, links and passwords. */
describe('UsersRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repo = new UsersRepository();
  let guarantorId: string;
  let otherGuarantorId: string;

  const guarantor = async (slug: string): Promise<string> => {
    const [g]: Array<{ id: string }> = await ds.query(
      'INSERT INTO guarantor (slug, name) VALUES ($1, $2) RETURNING id',
      [slug, `Garante ${slug}`],
    );
    return g.id;
  };

  const account = (fields: Partial<UserRecord>): Promise<UserRecord> =>
    repo.insert(ds.manager, {
      passwordHash: 'hash',
      displayName: null,
      role: 'guarantor_admin',
      guarantorId,
      emailVerifiedAt: new Date(),
      ...fields,
    });

  const invitation = async (userId: string, tokenHash: string, expiresAt: Date): Promise<string> => {
    const id = randomUUID();
    await repo.insertInvitation(ds.manager, {
      id,
      userId,
      guarantorId,
      invitedBy: null,
      tokenHash,
      createdAt: new Date(expiresAt.getTime() - 3_600_000),
      expiresAt,
    });
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'usersrepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    guarantorId = await guarantor('uno');
    otherGuarantorId = await guarantor('dos');
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds accounts by address (exactly or in any case) and by guarantor, as records', async () => {
    const a = await account({ email: 'ana@example.org', displayName: 'Ana' });
    await account({ email: 'otra@example.org', guarantorId: otherGuarantorId });
    expect(await repo.emailExists(ds.manager, 'ana@example.org')).toBe(true);
    expect(await repo.emailExists(ds.manager, 'ANA@example.org')).toBe(false);
    expect(await repo.emailExistsAnyCase(ds, 'ANA@Example.org')).toBe(true);
    expect(await repo.emailExistsAnyCase(ds, 'nadie@example.org')).toBe(false);
    expect(await repo.emailOf(ds, a.id)).toBe('ana@example.org');
    expect(await repo.emailOf(ds, randomUUID())).toBeUndefined();

    const mine = await repo.ofGuarantor(ds.manager, guarantorId);
    expect(mine.map((u) => u.email)).toEqual(['ana@example.org']);
    expect(mine[0]).toMatchObject({ id: a.id, displayName: 'Ana', role: 'guarantor_admin', deactivatedAt: null });
    expect(await repo.ofGuarantorById(ds.manager, otherGuarantorId, a.id)).toBeNull();
    const locked = await ds.transaction((m) => repo.ofGuarantorById(m, guarantorId, a.id, 'update'));
    expect(locked?.email).toBe('ana@example.org');
  });

  it('locks the active admins in id order, and a second locker waits for the first', async () => {
    const g = await guarantor('tres');
    const admins = await Promise.all(
      ['a1', 'a2'].map((n) => account({ email: `${n}@tres.example.org`, guarantorId: g })),
    );
    await account({ email: 'analista@tres.example.org', guarantorId: g, role: 'analyst' });
    await account({ email: 'invitada@tres.example.org', guarantorId: g, passwordHash: null });
    await account({ email: 'baja@tres.example.org', guarantorId: g, deactivatedAt: new Date() });
    const ids = admins.map((a) => a.id).sort();

    await ds.transaction(async (m) => {
      expect(await repo.lockActiveAdmins(m, g)).toEqual(ids);
      // FOR UPDATE: another transaction deciding the last-admin rule cannot read them meanwhile.
      const blocked = ds.transaction(async (other) => {
        await other.query(`SET LOCAL lock_timeout = '100ms'`);
        return repo.lockActiveAdmins(other, g);
      });
      await expect(blocked).rejects.toMatchObject({ code: '55P03' });
    });
  });

  it('issues, shows, spends and expires staff invitations', async () => {
    const now = new Date();
    const invitee = await account({ email: 'nueva@example.org', passwordHash: null, role: 'analyst' });
    await invitation(invitee.id, 'a'.repeat(64), new Date(now.getTime() + 3_600_000));
    const latest = new Date(now.getTime() + 7_200_000);
    await invitation(invitee.id, 'b'.repeat(64), latest);
    await invitation(invitee.id, 'c'.repeat(64), new Date(now.getTime() - 1000));

    expect((await repo.invitationExpiries(ds, guarantorId)).get(invitee.id)).toEqual(latest);
    expect(await repo.openInvitation(ds, 'c'.repeat(64), now)).toBeUndefined();
    expect(await repo.openInvitation(ds, 'a'.repeat(64), now)).toEqual({
      email: 'nueva@example.org',
      role: 'analyst',
      displayName: null,
      guarantorName: 'Garante uno',
      expiresAt: expect.any(Date),
    });

    await ds.transaction(async (m) => {
      expect(await repo.spendInvitation(m, 'a'.repeat(64), now)).toEqual({ userId: invitee.id, guarantorId });
      expect(await repo.spendInvitation(m, 'a'.repeat(64), now)).toBeUndefined();
      await repo.spendInvitationsOf(m, invitee.id, now);
      expect(await repo.spendInvitation(m, 'b'.repeat(64), now)).toBeUndefined();
    });
  });

  it('sets a password once for an invitee, always on a reset, never for a deactivated account', async () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const invitee = await account({
      email: 'clave@example.org',
      passwordHash: null,
      emailVerifiedAt: null,
      displayName: 'Antes',
    });
    const first = { passwordHash: 'h1', at, displayName: null, onlyWithoutPassword: true };
    expect(await ds.transaction((m) => repo.setPassword(m, invitee.id, first))).toEqual({
      id: invitee.id,
      role: 'guarantor_admin',
    });
    expect(await ds.transaction((m) => repo.setPassword(m, invitee.id, { ...first, passwordHash: 'h2' }))).toBe(
      undefined,
    );
    const stored = await repo.ofGuarantorById(ds.manager, guarantorId, invitee.id);
    expect(stored).toMatchObject({ passwordHash: 'h1', displayName: 'Antes', emailVerifiedAt: at });

    await ds.transaction(async (m) => {
      expect(await repo.lockUsableByEmail(m, 'clave@example.org')).toBe(invitee.id);
      expect(await repo.setPassword(m, invitee.id, { passwordHash: 'h3', at: new Date() })).toBeDefined();
    });
    expect((await repo.ofGuarantorById(ds.manager, guarantorId, invitee.id))?.passwordHash).toBe('h3');

    await ds.query('UPDATE app_user SET deactivated_at = now() WHERE id = $1', [invitee.id]);
    await ds.transaction(async (m) => {
      expect(await repo.lockUsableByEmail(m, 'clave@example.org')).toBeUndefined();
      expect(await repo.setPassword(m, invitee.id, { passwordHash: 'h4', at })).toBeUndefined();
    });
  });
});
