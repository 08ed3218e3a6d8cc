import { randomBytes } from 'crypto';
import { INSTITUTION_V1_ANSWERS } from '../../../libs/questionnaire/fixtures/sample-answers';
import { hashPassword } from '../../../apps/api/src/auth/passwords';
import { deriveToken } from '../../../apps/api/src/auth/tokens';
import { TestApp } from '../../support/app';
import { guarantorWithAdmin, staffToken, TEST_PASSWORD, userIdByEmail } from '../../support/fixtures';
import { client, Client } from '../../support/http';
import { seedDefaultQuestionnaires, seedInstitution, seedInvitation, seedOpenRound } from '../../support/seed';

/**
 * A small, complete world for the security suites: two guarantors (A owns every resource, B's staff
 * are the "other guarantor"), an account with the institution_respondent role, two verified validators
 * (v1 owns an assignment, v2 does not), two institutions invited to an open round, a second round of
 * institution X, a submitted self-report and evidence files. Built through the API where that is
 * cheap, through SQL where the API would need many steps (questionnaires, open rounds, invitations).
 */
export interface Staff {
  guarantorId: string;
  admin: string;
  analyst: string;
  adminEmail: string;
}

export interface Validator {
  id: string;
  token: string;
  email: string;
  displayName: string;
}

export interface World {
  http: Client;
  a: Staff;
  b: Staff;
  respondent: string;
  /** A co-signer account of B (issue #18): invited to none of A's rounds. */
  cosigner: string;
  v1: Validator;
  v2: Validator;
  iq: string;
  cq: string;
  instX: string;
  instY: string;
  /** Open round of A with X and Y, citizen validation open. */
  roundId: string;
  /** Another open round of A, with X only. */
  round2Id: string;
  tokenX: string;
  tokenY: string;
  tokenX2: string;
  /** v1's assignment in roundId. */
  assignmentId: string;
  /** Evidence of Y in roundId, of X in round2Id. */
  evidenceY: string;
  evidenceX2: string;
  responseX: string;
  claim: string;
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export const SAMPLE_ANSWERS = INSTITUTION_V1_ANSWERS;

async function staff(t: TestApp, http: Client, slug: string): Promise<Staff> {
  const s = await guarantorWithAdmin(t.ds, http, slug);
  return {
    guarantorId: s.guarantorId,
    admin: s.adminToken,
    analyst: await staffToken(http, s.adminToken, 'analyst'),
    adminEmail: s.adminEmail,
  };
}

export async function registerVerified(t: TestApp, http: Client, email: string, cvegeo = '15106'): Promise<Validator> {
  const displayName = `Persona ${email.split('@')[0]}`;
  const reg = await http.post('/api/citizens/register', {
    email,
    password: TEST_PASSWORD,
    displayName,
    cvegeo,
    consent: true,
    privacyNoticeVersion: '2025-01',
  });
  if (reg.status !== 202) throw new Error(`register failed: ${JSON.stringify(reg.body)}`);
  const id = await userIdByEmail(t.ds, email);
  const [row] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [id]);
  const verified = await http.post('/api/citizens/verify', {
    token: deriveToken(t.env.TOKEN_SECRET, 'verify', row.id),
  });
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  const login = await http.post('/api/auth/login', { email, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { id, token: login.body.accessToken, email, displayName };
}

export function evidenceForm(
  content: Buffer,
  filename: string,
  type: string,
  questionName = 'ai_procedimiento_evidencia',
): FormData {
  const form = new FormData();
  form.append('questionName', questionName);
  form.append('file', new Blob([content], { type }), filename);
  return form;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const http = client(t.url);
  const tag = randomBytes(3).toString('hex');
  const a = await staff(t, http, `sec-a-${tag}`);
  const b = await staff(t, http, `sec-b-${tag}`);

  const respondentEmail = `respondent-${tag}@example.org`;
  await t.ds.query(
    `INSERT INTO app_user (email, password_hash, role, email_verified_at) VALUES ($1, $2, 'institution_respondent', now())`,
    [respondentEmail, await hashPassword(TEST_PASSWORD)],
  );
  const respondent = (await http.post('/api/auth/login', { email: respondentEmail, password: TEST_PASSWORD })).body
    .accessToken as string;

  const cosignerEmail = `cosigner-${tag}@example.org`;
  await t.ds.query(
    `INSERT INTO app_user (email, password_hash, role, guarantor_id, email_verified_at) VALUES ($1, $2, 'cosigner', $3, now())`,
    [cosignerEmail, await hashPassword(TEST_PASSWORD), b.guarantorId],
  );
  const cosigner = (await http.post('/api/auth/login', { email: cosignerEmail, password: TEST_PASSWORD })).body
    .accessToken as string;

  const { institution: iq, citizen: cq } = await seedDefaultQuestionnaires(t.ds, a.guarantorId);
  const institution = (key: string, name: string, cvegeo: string): Promise<string> =>
    seedInstitution(t.ds, a.guarantorId, { key, name, cvegeo, email: `${key}-${tag}@institucion.example` });
  const instX = await institution('x', 'Ayuntamiento de Toluca', '15106');
  const instY = await institution('y', 'Ayuntamiento de Metepec', '15054');
  const round = (institutionIds: string[], name: string): Promise<string> =>
    seedOpenRound(t.ds, a.guarantorId, {
      institutionQuestionnaireId: iq,
      citizenQuestionnaireId: cq,
      institutionIds,
      name,
      validationOpen: true,
    });
  const roundId = await round([instX, instY], 'Ronda de seguridad');
  const round2Id = await round([instX], 'Otra ronda');
  const invite = (roundOf: string, institutionId: string): Promise<string> =>
    seedInvitation(t.ds, t.env.TOKEN_SECRET, roundOf, institutionId);
  const tokenX = await invite(roundId, instX);
  const tokenY = await invite(roundId, instY);
  const tokenX2 = await invite(round2Id, instX);

  const upload = async (token: string): Promise<string> => {
    const r = await http.post('/api/respond/evidence', undefined, {
      invitation: token,
      raw: evidenceForm(PDF, 'acta.pdf', 'application/pdf'),
    });
    if (r.status !== 201) throw new Error(`evidence upload failed: ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const evidenceY = await upload(tokenY);
  const evidenceX2 = await upload(tokenX2);
  const submitted = await http.post(
    '/api/respond/submit',
    { data: SAMPLE_ANSWERS, idempotencyKey: `world-${tag}` },
    { invitation: tokenX },
  );
  if (submitted.status !== 201) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);

  const v1 = await registerVerified(t, http, `v1-${tag}@example.org`);
  const v2 = await registerVerified(t, http, `v2-${tag}@example.org`, '15054');
  const got = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 1 }, { token: v1.token });
  if (got.status !== 200 || got.body.items.length !== 1)
    throw new Error(`assignment failed: ${JSON.stringify(got.body)}`);

  return {
    http,
    a,
    b,
    respondent,
    cosigner,
    v1,
    v2,
    iq,
    cq,
    instX,
    instY,
    roundId,
    round2Id,
    tokenX,
    tokenY,
    tokenX2,
    assignmentId: got.body.items[0].id,
    evidenceY,
    evidenceX2,
    responseX: submitted.body.responseId,
    claim: 'ai_procedimiento',
  };
}

export interface InvitedRound {
  staff: { guarantorId: string; adminToken: string; adminEmail: string };
  roundId: string;
  institutionId: string;
  /** The institution's invitation token. */
  token: string;
}

/** The smallest world an attack on institutions needs: a guarantor with its admin, one open round, one invited institution. */
export async function invitedRound(t: TestApp, http: Client, slug: string): Promise<InvitedRound> {
  const staffA = await guarantorWithAdmin(t.ds, http, slug);
  const { institution: iq, citizen: cq } = await seedDefaultQuestionnaires(t.ds, staffA.guarantorId);
  const institutionId = await seedInstitution(t.ds, staffA.guarantorId, {
    key: 'x',
    name: 'Ayuntamiento X',
    email: 'x@inst.example',
  });
  const roundId = await seedOpenRound(t.ds, staffA.guarantorId, {
    institutionQuestionnaireId: iq,
    citizenQuestionnaireId: cq,
    institutionIds: [institutionId],
    name: 'Ronda de seguridad',
    validationOpen: true,
  });
  const token = await seedInvitation(t.ds, t.env.TOKEN_SECRET, roundId, institutionId);
  return { staff: staffA, roundId, institutionId, token };
}
