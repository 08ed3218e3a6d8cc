import { PrivacyService } from '../../apps/api/src/privacy/privacy.service';
import { startTestApp, TestApp } from '../support/app';

/** The retention periods of the privacy notice (§7) are enforced by `cli.js retention`. */
describe('retention of validator data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function validator(email: string, createdDaysAgo: number, verified: boolean): Promise<string> {
    const [{ id }] = await t.ds.query(
      `INSERT INTO app_user (email, password_hash, role, email_verified_at, created_at)
       VALUES ($1, 'x', 'citizen_validator', CASE WHEN $2 THEN now() - make_interval(days => $3) END, now() - make_interval(days => $3))
       RETURNING id`,
      [email, verified, createdDaysAgo],
    );
    await t.ds.query(
      `INSERT INTO validator_profile (user_id, pseudonym, consent_at, privacy_notice_version) VALUES ($1, $2, now(), '2026-01')`,
      [id, `V-${email.slice(0, 6).toUpperCase()}`],
    );
    return id;
  }

  it('erases unverified accounts after 30 days and inactive validators after two years, nobody else', async () => {
    const staleUnverified = await validator('stale1@example.org', 31, false);
    const freshUnverified = await validator('fresh1@example.org', 2, false);
    const inactive = await validator('old123@example.org', 800, true);
    const active = await validator('recent@example.org', 40, true);

    const result = await t.app.get(PrivacyService).applyRetention();
    expect(result).toEqual({ unverified: 1, inactive: 1 });

    const rows: Array<{ id: string; email: string | null; deleted_at: Date | null }> = await t.ds.query(
      'SELECT id, email, deleted_at FROM app_user WHERE id = ANY($1::uuid[])',
      [[staleUnverified, freshUnverified, inactive, active]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(staleUnverified)).toMatchObject({ email: null });
    expect(byId.get(inactive)).toMatchObject({ email: null });
    expect(byId.get(freshUnverified)?.email).toBe('fresh1@example.org');
    expect(byId.get(active)?.email).toBe('recent@example.org');
    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'validator.erase' AND actor_role = 'system'`,
    );
    expect(audit[0].n).toBe(2);

    // Running it again changes nothing.
    expect(await t.app.get(PrivacyService).applyRetention()).toEqual({ unverified: 0, inactive: 0 });
  });
});
