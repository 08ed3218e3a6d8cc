import { randomBytes, randomUUID } from 'crypto';
import { CITIZEN_V1, INSTITUTION_V1 } from '@apertura/questionnaire';
import { deriveToken, hashToken } from '@apertura/config';
import type { TestApp } from './app';
import { guarantorWithAdmin, TEST_PASSWORD, userIdByEmail, type Staff } from './fixtures';
import type { Client } from './http';

export const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@naucalpan.example',
  ai_unidad: true,
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://naucalpan.example/procedimiento',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://naucalpan.example/estadisticas',
  tr_portal: true,
};

export interface CommitmentsFixture {
  staff: Staff;
  institutionId: string;
  institutionKey: string;
  /** The published round the commitments answer. */
  round1: string;
  /** The next round (open, citizen validation open): its assignments verify the milestones. */
  round2: string;
  invitation1: string;
  invitation2: string;
}

async function invitation(t: TestApp, roundId: string, institutionId: string): Promise<string> {
  const id = randomUUID();
  const token = deriveToken(t.env.TOKEN_SECRET, 'invitation', id);
  await t.ds.query(
    'INSERT INTO invitation (id, round_id, institution_id, token_hash, sent_at) VALUES ($1, $2, $3, $4, now())',
    [id, roundId, institutionId, hashToken(token)],
  );
  return token;
}

/** A published round of one institution, and the operator's next round open to validators. */
export async function commitmentsFixture(t: TestApp, http: Client): Promise<CommitmentsFixture> {
  const staff = await guarantorWithAdmin(t.ds, http);
  const [{ id: qi }] = await t.ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, 'institution', 'autoevaluacion', 1, 'Autoevaluación', $2::jsonb, repeat('a', 64)) RETURNING id`,
    [staff.guarantorId, JSON.stringify(INSTITUTION_V1)],
  );
  const [{ id: qc }] = await t.ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, 'citizen', 'ciudadano', 1, 'Reporte ciudadano', $2::jsonb, repeat('b', 64)) RETURNING id`,
    [staff.guarantorId, JSON.stringify(CITIZEN_V1)],
  );
  const institutionKey = 'naucalpan';
  const [inst] = await t.ds.query(
    `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
     VALUES ($1, $2, 'Ayuntamiento de Naucalpan de Juárez', 'ayuntamiento', 'municipal', '15', '15057', 'ut@naucalpan.example') RETURNING id`,
    [staff.guarantorId, institutionKey],
  );
  const [r1] = await t.ds.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id,
                        opened_at, closed_at, published_at)
     VALUES ($1, 'Diagnóstico 2026', 'published', now() - interval '120 days', now() - interval '60 days', $2, $3,
             now() - interval '120 days', now() - interval '60 days', now() - interval '50 days') RETURNING id`,
    [staff.guarantorId, qi, qc],
  );
  const [r2] = await t.ds.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at, validation_open)
     VALUES ($1, 'Diagnóstico 2027', 'open', now() - interval '1 day', now() + interval '30 days', $2, $3, now(), true) RETURNING id`,
    [staff.guarantorId, qi, qc],
  );
  for (const r of [r1.id, r2.id]) {
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [r, inst.id]);
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, draft, submitted_at)
       VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, $4::jsonb, now())`,
      [r, inst.id, qi, JSON.stringify(SELF_REPORT)],
    );
  }
  return {
    staff,
    institutionId: inst.id,
    institutionKey,
    round1: r1.id,
    round2: r2.id,
    invitation1: await invitation(t, r1.id, inst.id),
    invitation2: await invitation(t, r2.id, inst.id),
  };
}

/** A registered validator with a verified e-mail, signed in. */
export async function verifiedValidator(
  t: TestApp,
  http: Client,
  name = 'Valeria',
): Promise<{ token: string; email: string; userId: string }> {
  const email = `${name.toLowerCase()}-${randomBytes(3).toString('hex')}@example.org`;
  const reg = await http.post('/api/citizens/register', {
    email,
    password: TEST_PASSWORD,
    displayName: `${name} Validadora`,
    consent: true,
    privacyNoticeVersion: '2025-01',
  });
  if (reg.status !== 202) throw new Error(`register failed: ${JSON.stringify(reg.body)}`);
  const userId = await userIdByEmail(t.ds, email);
  const [ver] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [userId]);
  await http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', ver.id) });
  const token = (await http.post('/api/auth/login', { email, password: TEST_PASSWORD })).body.accessToken;
  return { token, email, userId };
}

/** Institution-scope component values of a round, as the worker would store them. */
export async function componentResults(
  t: TestApp,
  roundId: string,
  institutionId: string,
  values: Record<string, { estimate: number; se: number; status?: string }>,
): Promise<void> {
  for (const [indicator, v] of Object.entries(values)) {
    await t.ds.query(
      `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, status, needed,
                                  formula, method_id, method_version, watermark, computed_at)
       VALUES ($1, 'institution', $2, 'unweighted', $3::varchar, $4::float8, $5::float8, greatest(0, $4::float8 - 1.96 * $5::float8), least(1, $4::float8 + 1.96 * $5::float8), NULL, 6,
               $6, 0, $3::text, 'mga-2017/apertura-2', '2.0.0', 1, now())`,
      [roundId, institutionId, indicator, v.estimate, v.se, v.status ?? 'conclusive'],
    );
  }
}
