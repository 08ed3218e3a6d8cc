/**
 * Seeds the demo round (synthetic data, clearly labelled): a demo guarantor for Estado de México
 * with an admin and an analyst, the default questionnaires, ~330 obliged subjects over the 125
 * municipalities, self-reports generated from the questionnaire and validated like real ones,
 * citizen validators with verdicts and citizen reports of uneven coverage, and a full recompute
 * request the worker picks up. Deterministic for a seed (ids and timestamps of writing aside).
 *
 * The round is left `published` (it went draft → open → closed → published in its fictional
 * window) so the public dashboards and open-data files work out of the box.
 */
import { createHash, randomBytes } from 'crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { JsonObject, Level, VerdictValue } from '@apertura/db';
import { loadMunicipalities } from '@apertura/geo';
import { resolveSettings } from '@apertura/metric';
import { CITIZEN_V2, INSTITUTION_V1, lintQuestionnaire, scoredAnswers, verifiableItems } from '@apertura/questionnaire';
import type { SurveyJson } from '@apertura/questionnaire';
import { hashPassword } from '../../auth/passwords';
import { isAnswered } from '../../citizens/claims';
import { definitionChecksum } from '../../questionnaires/canonical-json';
import { validAnswers } from './answers';
import { DemoPlan, DemoValidator, PlannedInstitution, planDemo, planVerdict, rngFor } from './demo-plan';
import { DEMO_CVE_ENT } from './demo-universe';
import { clamp01 } from './random';

export const DEFAULT_DEMO_SEED = 2026;
export const DEMO_GUARANTOR_SLUG = 'infoem-demo';
export const DEMO_GUARANTOR_NAME = 'INFOEM (demostración)';
export const DEMO_ADMIN_EMAIL = 'admin@demo.apertura.mx';
export const DEMO_ANALYST_EMAIL = 'analista@demo.apertura.mx';
export const DEMO_ROUND_NAME = 'Diagnóstico de apertura 2026 (datos sintéticos)';
/** For local demos only; the CLI uses DEMO_PASSWORD or, in production, a random one. */
export const DEFAULT_DEMO_PASSWORD = 'demo-apertura-2026';
const PRIVACY_NOTICE_VERSION = '2025-01';

/** The round's fictional life: opened in May, closed at the end of July, published in September 2026. */
const OPENS_AT = new Date('2026-05-04T15:00:00Z');
const CLOSES_AT = new Date('2026-08-01T05:59:00Z');
const PUBLISHED_AT = new Date('2026-09-15T17:00:00Z');
const WINDOW_MS = CLOSES_AT.getTime() - OPENS_AT.getTime();

const SELF_REPORT_NOTE =
  'Respuesta sintética generada para la demostración de Apertura (no describe a ninguna institución real).';
const REPORT_NOTE = 'Reporte ciudadano sintético generado para la demostración de Apertura.';

export interface SeedDemoOptions {
  seed?: number;
  password?: string;
  /** Do nothing when the database already has a round. */
  ifEmpty?: boolean;
}

export interface DemoSummary {
  seed: number;
  guarantorId: string;
  roundId: string;
  recomputeRunId: string;
  adminEmail: string;
  analystEmail: string;
  validatorEmails: string[];
  password: string;
  counts: {
    municipalities: number;
    institutions: number;
    byLevel: Record<Level, number>;
    selfReports: number;
    validators: number;
    citizenReports: number;
    municipalitiesWithReports: number;
    wellCovered: string[];
    verdicts: number;
    refuted: number;
  };
}

export type SeedDemoResult = { skipped: true; reason: string } | ({ skipped: false } & DemoSummary);

interface SelfReport {
  data: Record<string, unknown>;
  cleared: string[];
  submittedAt: Date;
}

interface CitizenReport {
  institutionKey: string;
  validatorIndex: number;
  data: Record<string, unknown>;
}

interface Verdict {
  institutionKey: string;
  validatorIndex: number;
  questionName: string;
  verdict: VerdictValue;
  evidenceUrl: string | null;
}

export interface DemoContent {
  plan: DemoPlan;
  selfReports: Map<string, SelfReport>;
  reports: CitizenReport[];
  verdicts: Verdict[];
}

/** Everything but ids: a pure function of the seed (the validation it runs is deterministic too). */
export async function generateDemoContent(seed: number): Promise<DemoContent> {
  const plan = planDemo(seed, loadMunicipalities());
  const inst = INSTITUTION_V1;
  const claims = verifiableItems(inst);
  const selfReports = new Map<string, SelfReport>();
  for (const i of plan.institutions) {
    if (!i.submits) continue;
    const rng = rngFor(seed, `self:${i.key}`);
    const { data, cleared } = await validAnswers(inst, rng, {
      propensity: clamp01(i.openness + i.inflation),
      slug: i.key,
      note: SELF_REPORT_NOTE,
    });
    selfReports.set(i.key, {
      data,
      cleared,
      submittedAt: new Date(OPENS_AT.getTime() + Math.floor(rng.uniform() * 0.9 * WINDOW_MS)),
    });
  }

  const byKey = new Map(plan.institutions.map((i) => [i.key, i]));
  const reports: CitizenReport[] = [];
  const verdicts: Verdict[] = [];
  for (const r of plan.reports) {
    const i = byKey.get(r.institutionKey) as PlannedInstitution;
    const rng = rngFor(seed, `report:${i.key}:${r.validatorIndex}`);
    // What one citizen experiences varies around the institution's real openness.
    const propensity = clamp01(i.openness + rng.normal(0, 0.12));
    const { data } = await validAnswers(CITIZEN_V2, rng, {
      propensity,
      slug: `${i.key}-v${r.validatorIndex}`,
      note: REPORT_NOTE,
    });
    reports.push({ institutionKey: i.key, validatorIndex: r.validatorIndex, data });

    const self = selfReports.get(i.key);
    if (!self) continue;
    const scores = new Map(scoredAnswers(inst, self.data).map((a) => [a.name, a.score]));
    for (const claim of claims) {
      if (!isAnswered(self.data[claim.name])) continue;
      const verdict = planVerdict(seed, i, claim.name, (scores.get(claim.name) ?? 0) > 0, r.validatorIndex);
      const evidence = claim.evidenceQuestion ? self.data[claim.evidenceQuestion] : undefined;
      verdicts.push({
        institutionKey: i.key,
        validatorIndex: r.validatorIndex,
        questionName: claim.name,
        verdict,
        evidenceUrl: verdict !== 'unverifiable' && typeof evidence === 'string' ? evidence : null,
      });
    }
  }
  return { plan, selfReports, reports, verdicts };
}

export async function seedDemo(ds: DataSource, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const password = opts.password ?? DEFAULT_DEMO_PASSWORD;
  if (password.length < 12) throw new Error('The demo password must have at least 12 characters.');
  if (opts.ifEmpty) {
    const [{ n }]: Array<{ n: number }> = await ds.query('SELECT count(*)::int AS n FROM round');
    if (n > 0) return { skipped: true, reason: `ya existen ${n} ronda(s) · ${n} round(s) already exist` };
  }
  const existing: unknown[] = await ds.query('SELECT 1 FROM guarantor WHERE slug = $1', [DEMO_GUARANTOR_SLUG]);
  if (existing.length)
    throw new Error(
      `The demo guarantor '${DEMO_GUARANTOR_SLUG}' already exists; use an empty database or drop it first.`,
    );
  for (const [json, kind] of [
    [INSTITUTION_V1, 'institution'],
    [CITIZEN_V2, 'citizen'],
  ] as const) {
    const lint = lintQuestionnaire(json, kind);
    if (!lint.ok) throw new Error(`The bundled ${kind} questionnaire does not lint: ${lint.errors[0]?.message.en}`);
  }
  const content = await generateDemoContent(seed);
  const passwordHash = await hashPassword(password);
  return ds.transaction((m) => write(m, content, passwordHash, password));
}

type QuestionnaireIds = Record<'institution' | 'citizen', string>;

/** An institution's id by its key (throws for a key that was not inserted). */
type InstitutionIdOf = (key: string) => string;

/** A validator's user id by their plan index (1-based). */
type UserIdOf = (index: number) => string;

async function write(
  m: EntityManager,
  content: DemoContent,
  passwordHash: string,
  password: string,
): Promise<SeedDemoResult> {
  const { plan } = content;
  const guarantorId = await writeGuarantor(m, passwordHash);
  const questionnaireIds = await writeQuestionnaires(m, guarantorId);
  const inserted = await writeInstitutions(m, guarantorId, plan.institutions);
  const idOf = new Map(inserted.map((r) => [r.key, r.id]));
  const id: InstitutionIdOf = (key) => {
    const v = idOf.get(key);
    if (!v) throw new Error(`institution ${key} was not inserted`);
    return v;
  };
  const roundId = await writeRound(m, guarantorId, questionnaireIds);
  await writeUniverse(m, roundId, content, id);
  const submitted = await writeSelfReports(m, roundId, questionnaireIds.institution, content, inserted, id);
  const userOf = await writeValidators(m, passwordHash, plan.validators);
  await writeCitizenReports(m, roundId, questionnaireIds.citizen, content.reports, id, userOf);
  await writeVerdicts(m, roundId, content.verdicts, id, userOf);
  const runId = await queueRecompute(m, roundId);
  const counts = demoCounts(content, submitted);
  const details: JsonObject = { seed: plan.seed, synthetic: true, ...counts, byLevel: { ...counts.byLevel } };
  await m.query(
    `INSERT INTO audit_log (actor_role, guarantor_id, action, entity_type, entity_id, details) VALUES ('system', $1, 'demo.seed', 'round', $2, $3::jsonb)`,
    [guarantorId, roundId, JSON.stringify(details)],
  );
  return {
    skipped: false,
    seed: plan.seed,
    guarantorId,
    roundId,
    recomputeRunId: runId,
    adminEmail: DEMO_ADMIN_EMAIL,
    analystEmail: DEMO_ANALYST_EMAIL,
    validatorEmails: plan.validators.map((x) => x.email),
    password,
    counts,
  };
}

/** The demo guarantor with its administrator and analyst; its id. */
async function writeGuarantor(m: EntityManager, passwordHash: string): Promise<string> {
  const verifiedAt = OPENS_AT;
  const [guarantor]: Array<{ id: string }> = await m.query(
    'INSERT INTO guarantor (slug, name, cve_ent, synthetic) VALUES ($1, $2, $3, true) RETURNING id',
    [DEMO_GUARANTOR_SLUG, DEMO_GUARANTOR_NAME, DEMO_CVE_ENT],
  );
  await m.query(
    `INSERT INTO app_user (email, password_hash, display_name, role, guarantor_id, email_verified_at, synthetic)
     VALUES ($1, $3, 'Administración INFOEM (demostración)', 'guarantor_admin', $4, $5, true),
            ($2, $3, 'Análisis INFOEM (demostración)', 'analyst', $4, $5, true)`,
    [DEMO_ADMIN_EMAIL, DEMO_ANALYST_EMAIL, passwordHash, guarantor.id, verifiedAt],
  );
  return guarantor.id;
}

/** Version 1 of the bundled institution and citizen questionnaires. */
async function writeQuestionnaires(m: EntityManager, guarantorId: string): Promise<QuestionnaireIds> {
  const questionnaireIds: QuestionnaireIds = { institution: '', citizen: '' };
  for (const [kind, slug, json] of [
    ['institution', 'apertura-institucional', INSTITUTION_V1],
    ['citizen', 'apertura-ciudadana', CITIZEN_V2],
  ] as const) {
    const [q]: Array<{ id: string }> = await m.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum) VALUES ($1, $2, $3, 1, $4, $5::jsonb, $6) RETURNING id`,
      [guarantorId, kind, slug, titleOf(json, slug), JSON.stringify(json), definitionChecksum(json)],
    );
    questionnaireIds[kind] = q.id;
  }
  return questionnaireIds;
}

/** The planned institutions; their ids with their keys. */
async function writeInstitutions(
  m: EntityManager,
  guarantorId: string,
  inst: readonly PlannedInstitution[],
): Promise<Array<{ id: string; key: string }>> {
  return m.query(
    `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
     SELECT $1, u.key, u.name, u.type, u.level, $2, u.cvegeo, u.email
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(key, name, type, level, cvegeo, email)
     RETURNING id, key`,
    [
      guarantorId,
      DEMO_CVE_ENT,
      inst.map((i) => i.key),
      inst.map((i) => i.name),
      inst.map((i) => i.type),
      inst.map((i) => i.level),
      inst.map((i) => i.cvegeo),
      inst.map((i) => `transparencia.${i.key}@demo.invalid`),
    ],
  );
}

/** The published demo round, with the default method settings; its id. */
async function writeRound(m: EntityManager, guarantorId: string, questionnaireIds: QuestionnaireIds): Promise<string> {
  const settings = resolveSettings(undefined);
  if (!settings.ok) throw new Error('default method settings do not resolve');
  const [round]: Array<{ id: string }> = await m.query(
    `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id,
                        universe_selection, settings, validation_open, synthetic, opened_at, closed_at, published_at)
     VALUES ($1, $2, 'published', $3, $4, $5, $6, $7::jsonb, $8::jsonb, false, true, $3, $4, $9) RETURNING id`,
    [
      guarantorId,
      DEMO_ROUND_NAME,
      OPENS_AT,
      CLOSES_AT,
      questionnaireIds.institution,
      questionnaireIds.citizen,
      JSON.stringify({ cveEnt: [DEMO_CVE_ENT] }),
      JSON.stringify(settings.settings),
      PUBLISHED_AT,
    ],
  );
  return round.id;
}

/** The round's universe (every planned institution) and their invitations. */
async function writeUniverse(
  m: EntityManager,
  roundId: string,
  content: DemoContent,
  id: InstitutionIdOf,
): Promise<void> {
  const inst = content.plan.institutions;
  const allIds = inst.map((i) => id(i.key));
  await m.query('INSERT INTO round_institution (round_id, institution_id) SELECT $1, unnest($2::uuid[])', [
    roundId,
    allIds,
  ]);
  // Invitation links of a finished round: their tokens were never kept (only random hashes), nothing is mailed.
  await m.query(
    `INSERT INTO invitation (round_id, institution_id, token_hash, sent_at, opened_at)
     SELECT $1, u.id, u.hash, $2, u.opened FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) AS u(id, hash, opened)`,
    [
      roundId,
      OPENS_AT,
      allIds,
      allIds.map(() => createHash('sha256').update(randomBytes(32)).digest('hex')),
      inst.map((i) => content.selfReports.get(i.key)?.submittedAt ?? null),
    ],
  );
}

/** The submitted self-reports (responses and their first version); how many were written. */
async function writeSelfReports(
  m: EntityManager,
  roundId: string,
  questionnaireId: string,
  content: DemoContent,
  inserted: ReadonlyArray<{ id: string; key: string }>,
  id: InstitutionIdOf,
): Promise<number> {
  const submitted = content.plan.institutions.filter((i) => content.selfReports.has(i.key));
  const responses: Array<{ id: string; institution_id: string }> = await m.query(
    `INSERT INTO response (round_id, institution_id, questionnaire_id, status, draft, submitted, version, submitted_at)
     SELECT $1, u.inst, $2, 'submitted', u.data::jsonb, u.data::jsonb, 1, u.at
     FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) AS u(inst, data, at)
     RETURNING id, institution_id`,
    [
      roundId,
      questionnaireId,
      submitted.map((i) => id(i.key)),
      submitted.map((i) => JSON.stringify(content.selfReports.get(i.key)?.data)),
      submitted.map((i) => content.selfReports.get(i.key)?.submittedAt),
    ],
  );
  const keyOfId = new Map(inserted.map((r) => [r.id, r.key]));
  const self = (institutionId: string): SelfReport => {
    const s = content.selfReports.get(keyOfId.get(institutionId) ?? '');
    if (!s) throw new Error(`no self-report for ${institutionId}`);
    return s;
  };
  await m.query(
    `INSERT INTO response_version (response_id, version, idempotency_key, data, cleared, submitted_at)
     SELECT u.rid, 1, 'demo:' || u.rid::text, u.data::jsonb, ARRAY(SELECT jsonb_array_elements_text(u.cleared::jsonb)), u.at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS u(rid, data, cleared, at)`,
    [
      responses.map((r) => r.id),
      responses.map((r) => JSON.stringify(self(r.institution_id).data)),
      responses.map((r) => JSON.stringify(self(r.institution_id).cleared)),
      responses.map((r) => self(r.institution_id).submittedAt),
    ],
  );
  return submitted.length;
}

/** The citizen validators (users and profiles); their user ids by plan index. */
async function writeValidators(m: EntityManager, passwordHash: string, v: readonly DemoValidator[]): Promise<UserIdOf> {
  const verifiedAt = OPENS_AT;
  const users: Array<{ id: string; email: string }> = await m.query(
    `INSERT INTO app_user (email, password_hash, display_name, role, email_verified_at, synthetic)
     SELECT u.email, $1, u.name, 'citizen_validator', $2, true FROM unnest($3::text[], $4::text[]) AS u(email, name)
     RETURNING id, email`,
    [passwordHash, verifiedAt, v.map((x) => x.email), v.map((x) => x.displayName)],
  );
  const userByEmail = new Map(users.map((u) => [u.email, u.id]));
  const userOf: UserIdOf = (index) => userByEmail.get(v[index - 1].email) as string;
  await m.query(
    `INSERT INTO validator_profile (user_id, pseudonym, cvegeo, consent_at, privacy_notice_version)
     SELECT u.id, u.pseudonym, u.cvegeo, $1, $2 FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(id, pseudonym, cvegeo)`,
    [
      verifiedAt,
      PRIVACY_NOTICE_VERSION,
      v.map((x) => userOf(x.index)),
      v.map((x) => x.pseudonym),
      v.map((x) => x.cvegeo),
    ],
  );
  return userOf;
}

/** The citizen reports, each with the completed assignment it answered. */
async function writeCitizenReports(
  m: EntityManager,
  roundId: string,
  questionnaireId: string,
  reports: readonly CitizenReport[],
  id: InstitutionIdOf,
  userOf: UserIdOf,
): Promise<void> {
  await m.query(
    `INSERT INTO assignment (round_id, validator_id, institution_id, status, expires_at)
     SELECT $1, u.validator, u.inst, 'completed', $2 FROM unnest($3::uuid[], $4::uuid[]) AS u(validator, inst)`,
    [roundId, CLOSES_AT, reports.map((r) => userOf(r.validatorIndex)), reports.map((r) => id(r.institutionKey))],
  );
  await m.query(
    `INSERT INTO citizen_report (round_id, institution_id, validator_id, questionnaire_id, data)
     SELECT $1, u.inst, u.validator, $2, u.data::jsonb FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS u(inst, validator, data)`,
    [
      roundId,
      questionnaireId,
      reports.map((r) => id(r.institutionKey)),
      reports.map((r) => userOf(r.validatorIndex)),
      reports.map((r) => JSON.stringify(r.data)),
    ],
  );
}

/** The validators' verdicts on the institutions' claims. */
async function writeVerdicts(
  m: EntityManager,
  roundId: string,
  verdicts: readonly Verdict[],
  id: InstitutionIdOf,
  userOf: UserIdOf,
): Promise<void> {
  // The demo round is closed and published: its refutations were notified to the institutions two
  // weeks before the close and none was disputed within the reply window, so they all count (§3.1).
  const notified = new Date(CLOSES_AT.getTime() - 14 * 86_400_000);
  await m.query(
    `INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict, evidence_url, notice_queued_at, notified_at, reply_window_closed_at)
     SELECT $1, u.inst, u.validator, u.question, u.verdict, u.url,
            CASE WHEN u.verdict = 'refuted' THEN $7::timestamptz END,
            CASE WHEN u.verdict = 'refuted' THEN $7::timestamptz END,
            CASE WHEN u.verdict = 'refuted' THEN $7::timestamptz + make_interval(days => r.reply_window_days) END
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(inst, validator, question, verdict, url)
     JOIN round r ON r.id = $1`,
    [
      roundId,
      verdicts.map((x) => id(x.institutionKey)),
      verdicts.map((x) => userOf(x.validatorIndex)),
      verdicts.map((x) => x.questionName),
      verdicts.map((x) => x.verdict),
      verdicts.map((x) => x.evidenceUrl),
      notified.toISOString(),
    ],
  );
}

/** A full rebuild, announced through the outbox like any other change: the worker's relay picks it up. */
async function queueRecompute(m: EntityManager, roundId: string): Promise<string> {
  const [run]: Array<{ id: string }> = await m.query(
    `INSERT INTO recompute_run (round_id, status) VALUES ($1, 'queued') RETURNING id`,
    [roundId],
  );
  await m.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [
    JSON.stringify({ roundId, runId: run.id }),
  ]);
  return run.id;
}

/** What the demo holds, for the summary and the audit record. */
function demoCounts(content: DemoContent, selfReports: number): DemoSummary['counts'] {
  const { plan, reports, verdicts } = content;
  const inst = plan.institutions;
  const byLevel: Record<Level, number> = { federal: 0, estatal: 0, municipal: 0, autonomo: 0 };
  for (const i of inst) byLevel[i.level]++;
  return {
    municipalities: new Set(inst.map((i) => i.cvegeo).filter((c) => c.startsWith(DEMO_CVE_ENT))).size,
    institutions: inst.length,
    byLevel,
    selfReports,
    validators: plan.validators.length,
    citizenReports: reports.length,
    municipalitiesWithReports: new Set(reports.map((r) => inst.find((i) => i.key === r.institutionKey)?.cvegeo)).size,
    wellCovered: [...plan.wellCovered],
    verdicts: verdicts.length,
    refuted: verdicts.filter((x) => x.verdict === 'refuted').length,
  };
}

function titleOf(json: SurveyJson, fallback: string): string {
  const t = json.title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && typeof (t as Record<string, unknown>).default === 'string')
    return (t as Record<string, string>).default;
  return fallback;
}
