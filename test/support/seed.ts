/**
 * Seeding by SQL for the e2e, browser, security and fault tests: the rows a test needs as its starting
 * point, written directly (fast, and no Redis or mail needed), with the defaults the tests share. The
 * paths that create these rows through the API are tested on their own (rounds, universe, invitations).
 */
import { createHash, randomBytes, randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { deriveToken, hashToken } from '@apertura/config';
import { CITIZEN_V1, INSTITUTION_V1 } from '@apertura/questionnaire';

/** A short random tag that keeps the unique keys (slugs, institution keys) of one test apart. */
export const seedTag = (): string => randomBytes(3).toString('hex');

export interface QuestionnaireSeed {
  kind: 'institution' | 'citizen';
  definition: unknown;
  /** Unique per guarantor and version; default `<kind>-<random tag>`. */
  slug?: string;
  title?: string;
  version?: number;
}

/** One questionnaire version of the guarantor; its checksum is the sha256 of the definition's JSON. */
export async function seedQuestionnaire(ds: DataSource, guarantorId: string, q: QuestionnaireSeed): Promise<string> {
  const json = JSON.stringify(q.definition);
  const [row]: Array<{ id: string }> = await ds.query(
    `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
    [
      guarantorId,
      q.kind,
      q.slug ?? `${q.kind}-${seedTag()}`,
      q.version ?? 1,
      q.title ?? `Cuestionario ${q.kind}`,
      json,
      createHash('sha256').update(json).digest('hex'),
    ],
  );
  return row.id;
}

/**
 * The default instruments (INSTITUTION_V1 and CITIZEN_V1) as questionnaires of the guarantor, titled as
 * a guarantor would title them. Slugs are random unless given (a slug is unique per guarantor).
 */
export async function seedDefaultQuestionnaires(
  ds: DataSource,
  guarantorId: string,
  slugs: { institution?: string; citizen?: string } = {},
): Promise<{ institution: string; citizen: string }> {
  return {
    institution: await seedQuestionnaire(ds, guarantorId, {
      kind: 'institution',
      definition: INSTITUTION_V1,
      slug: slugs.institution,
      title: 'Autoevaluación',
    }),
    citizen: await seedQuestionnaire(ds, guarantorId, {
      kind: 'citizen',
      definition: CITIZEN_V1,
      slug: slugs.citizen,
      title: 'Reporte ciudadano',
    }),
  };
}

export interface InstitutionSeed {
  /** A chosen id (tests that lay out their institutions in advance); default a new one. */
  id?: string;
  /** Unique per guarantor; default a random one. */
  key?: string;
  name?: string;
  type?: string;
  level?: 'federal' | 'estatal' | 'municipal' | 'autonomo';
  /** Default Toluca (15106); the state is its first two digits. */
  cvegeo?: string;
  email?: string;
}

/** An obliged subject of the guarantor's universe (a municipal ayuntamiento unless told otherwise). */
export async function seedInstitution(ds: DataSource, guarantorId: string, i: InstitutionSeed = {}): Promise<string> {
  const key = i.key ?? `inst-${seedTag()}`;
  const cvegeo = i.cvegeo ?? '15106';
  const [row]: Array<{ id: string }> = await ds.query(
    `INSERT INTO institution (id, guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
     VALUES (coalesce($9::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      guarantorId,
      key,
      i.name ?? `Institución ${key}`,
      i.type ?? 'ayuntamiento',
      i.level ?? 'municipal',
      cvegeo.slice(0, 2),
      cvegeo,
      i.email ?? `${key}@institucion.example`,
      i.id ?? null,
    ],
  );
  return row.id;
}

export interface OpenRoundSeed {
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  /** The round's universe. */
  institutionIds: readonly string[];
  name?: string;
  /** Opened this many days ago (default 1); it closes in 30 days. */
  opensDaysAgo?: number;
  /** Citizen validation open (default false, as a new round). */
  validationOpen?: boolean;
}

/** A round of the guarantor already open, with its universe. */
export async function seedOpenRound(ds: DataSource, guarantorId: string, r: OpenRoundSeed): Promise<string> {
  const [round]: Array<{ id: string }> = await ds.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id,
                        citizen_questionnaire_id, opened_at, validation_open)
     VALUES ($1, $2, 'open', now() - make_interval(days => $3), now() + interval '30 days', $4, $5, now(), $6)
     RETURNING id`,
    [
      guarantorId,
      r.name ?? 'Ronda de prueba',
      r.opensDaysAgo ?? 1,
      r.institutionQuestionnaireId,
      r.citizenQuestionnaireId,
      r.validationOpen ?? false,
    ],
  );
  await ds.query('INSERT INTO round_institution (round_id, institution_id) SELECT $1, unnest($2::uuid[])', [
    round.id,
    r.institutionIds,
  ]);
  return round.id;
}

/**
 * An invitation of the institution to the round, as the API would create it (only the token's hash is
 * stored); returns the token the respondent's link carries. `sent` marks it as mailed.
 */
export async function seedInvitation(
  ds: DataSource,
  tokenSecret: string,
  roundId: string,
  institutionId: string,
  opts: { sent?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  const token = deriveToken(tokenSecret, 'invitation', id);
  await ds.query(
    `INSERT INTO invitation (id, round_id, institution_id, token_hash, sent_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END)`,
    [id, roundId, institutionId, hashToken(token), opts.sent ?? false],
  );
  return token;
}

export interface SeededRound {
  roundId: string;
  /** The invited institutions, each with its invitation token. */
  institutions: Array<{ id: string; token: string }>;
}

const MUNICIPALITIES = ['15106', '15054', '15057', '15058', '15104'];

/**
 * An open round of the default instruments with `count` invited institutions spread over five
 * municipalities of Estado de México.
 */
export async function seedInvitedRound(
  ds: DataSource,
  guarantorId: string,
  tokenSecret: string,
  count: number,
  name = 'Ronda de prueba',
): Promise<SeededRound> {
  const tag = seedTag();
  const q = await seedDefaultQuestionnaires(ds, guarantorId);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await seedInstitution(ds, guarantorId, {
        key: `f-${tag}-${i}`,
        name: `Institución ${i + 1}`,
        cvegeo: MUNICIPALITIES[i % MUNICIPALITIES.length],
        email: `ut${i}-${tag}@institucion.example`,
      }),
    );
  }
  const roundId = await seedOpenRound(ds, guarantorId, {
    institutionQuestionnaireId: q.institution,
    citizenQuestionnaireId: q.citizen,
    institutionIds: ids,
    name,
  });
  const institutions: SeededRound['institutions'] = [];
  for (const id of ids) institutions.push({ id, token: await seedInvitation(ds, tokenSecret, roundId, id) });
  return { roundId, institutions };
}
