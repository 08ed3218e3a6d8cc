/**
 * Deterministic generator of a national-scale round, loaded through COPY.
 *
 * Everything derives from `seed` (ids included), so two databases loaded with the same spec hold
 * identical inputs. What it writes is what the API would have written: institutions of the
 * universe, the round and its two questionnaire versions, submitted self-reports (response +
 * response_version), verdicts and citizen reports of verified validators, and optionally
 * invitations (for the API benchmarks). No outbox events: a generated round is "already relayed".
 *
 * Validator coverage is skewed on purpose: real volunteers crowd around a few visible institutions.
 * Institutions get a Zipf weight (rank + 1)^−skew over a seeded random ranking; verdicts and reports
 * are shared out in proportion (skew 0 = uniform).
 */
import { createHash } from 'crypto';
import type { ClientBase } from 'pg';
import { deriveToken, hashToken } from '@apertura/config';
import { backfillScoredAnswers } from '@apertura/db';
import { mulberry32, seedFromString } from '@apertura/metric';
import type { ItemSpec } from '@apertura/metric';
import { CITIZEN_V2, extractScoredItems, INSTITUTION_V1, verifiableItems } from '@apertura/questionnaire';
import { citizenReportAnswers } from '../../libs/questionnaire/fixtures/citizen-answers';
import type { SurveyJson } from '@apertura/questionnaire';
import { CopyWriter } from './copy';
import { syntheticInstitutionQuestionnaire } from './synthetic-questionnaire';

export interface RoundSpec {
  seed: string;
  institutions: number;
  /** Municipalities the institutions are spread over (default: all of the catalogue, or institutions/3 if fewer). */
  municipalities?: number;
  /** 'default': the INSTITUTION_V1 instrument (~27 scored items); a number: a synthetic questionnaire with that many. */
  items: 'default' | number;
  /** Share of institutions with a submitted self-report. */
  selfReportShare: number;
  /** Share of scored items each self-report answers. */
  answeredShare: number;
  /** Target number of verdicts (spread over answered verifiable claims). */
  verdicts: number;
  /** Target number of citizen reports. */
  reports: number;
  /** Size of the validator pool. */
  validators: number;
  /** Zipf exponent of validator coverage over institutions (0 = uniform). */
  skew: number;
  status?: 'open' | 'closed';
  /** Institutions (the first ones by index) that get an invitation token, for API benchmarks. */
  invitations?: number;
  /** Needed with `invitations`: the TOKEN_SECRET of the API that will check the tokens. */
  tokenSecret?: string;
  /** argon2 hash stored as every validator's password (so a benchmark can sign some of them in). */
  validatorPasswordHash?: string;
}

export interface GeneratedRound {
  roundId: string;
  guarantorId: string;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  institutionDefinition: SurveyJson;
  institutionIds: string[];
  cvegeoOf: Map<string, string>;
  invitations: Array<{ institutionId: string; token: string }>;
  validators: Array<{ id: string; email: string }>;
  counts: {
    institutions: number;
    municipalities: number;
    responses: number;
    answers: number;
    verdicts: number;
    reports: number;
    validators: number;
    scoredItems: number;
  };
  loadSeconds: number;
  /** Scoring every loaded document into the scored-answer columns (after the load, not in loadSeconds). */
  scoreSeconds: number;
}

const TYPES = ['ayuntamiento', 'organismo descentralizado', 'dif municipal', 'secretaría', 'organismo autónomo'];
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** v4-shaped UUIDs: a per-(seed, kind) prefix and the index, so ids are stable and cheap to make. */
function uuidFactory(seed: string): (kind: string, index: number) => string {
  const prefixes = new Map<string, string>();
  return (kind, index) => {
    let h = prefixes.get(kind);
    if (h === undefined) {
      h = sha256(`${seed}:${kind}`);
      prefixes.set(kind, h);
    }
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${index.toString(16).padStart(12, '0')}`;
  };
}

/** A plausible answer for a scored item. */
function answerFor(item: ItemSpec, rng: () => number): unknown {
  const s = item.scoring;
  switch (s.kind) {
    case 'boolean':
      return rng() < 0.6;
    case 'choices': {
      const keys = Object.keys(s.scores);
      return keys[Math.floor(rng() * keys.length)];
    }
    case 'multi': {
      const keys = Object.keys(s.scores).filter((k) => (s.scores[k] ?? 0) > 0);
      const picked = keys.filter(() => rng() < 0.5);
      return picked.length > 0 ? picked : [keys[Math.floor(rng() * keys.length)]];
    }
    case 'range': {
      const lo = Math.min(s.min, s.max);
      const hi = Math.max(s.min, s.max);
      return Math.round(lo + rng() * (hi - lo));
    }
  }
}

/** Stochastic rounding: an integer whose expectation is x. */
const roundRandom = (x: number, rng: () => number): number => Math.floor(x + rng());

export async function generateRound(client: ClientBase, spec: RoundSpec): Promise<GeneratedRound> {
  const started = process.hrtime.bigint();
  const rng = mulberry32(seedFromString(spec.seed));
  const uuid = uuidFactory(spec.seed);
  const tag = sha256(spec.seed).slice(0, 10);
  const status = spec.status ?? 'closed';
  const definition = spec.items === 'default' ? INSTITUTION_V1 : syntheticInstitutionQuestionnaire(spec.items);
  const institutionItems = extractScoredItems(definition);
  const evidenceOf = new Map(verifiableItems(definition).map((v) => [v.name, v.evidenceQuestion]));

  const guarantorId = uuid('guarantor', 0);
  const iq = uuid('questionnaire', 0);
  const cq = uuid('questionnaire', 1);
  const roundId = uuid('round', 0);

  await client.query('BEGIN');
  await client.query('INSERT INTO guarantor (id, slug, name) VALUES ($1, $2, $3)', [
    guarantorId,
    `bench-${tag}`,
    `Garante de referencia ${tag}`,
  ]);
  for (const [id, kind, def] of [
    [iq, 'institution', definition],
    [cq, 'citizen', CITIZEN_V2],
  ] as const) {
    const json = JSON.stringify(def);
    await client.query(
      'INSERT INTO questionnaire (id, guarantor_id, kind, slug, version, title, definition, checksum) VALUES ($1, $2, $3, $4, 1, $5, $6::jsonb, $7)',
      [id, guarantorId, kind, `${kind}-${tag}`, `Cuestionario ${kind} ${tag}`, json, sha256(json)],
    );
  }

  // Institutions spread over municipalities of the CONAPO catalogue (every municipality at national size).
  const catalogue: Array<{ cvegeo: string; cve_ent: string; nom_mun: string }> = (
    await client.query('SELECT cvegeo, cve_ent, nom_mun FROM municipality ORDER BY cvegeo')
  ).rows;
  const wanted = Math.max(
    1,
    Math.min(
      catalogue.length,
      spec.municipalities ?? Math.max(1, Math.min(catalogue.length, Math.ceil(spec.institutions / 3))),
    ),
  );
  const offset = Math.floor(rng() * catalogue.length);
  const step = catalogue.length / wanted;
  const munis = Array.from({ length: wanted }, (_, k) => catalogue[(offset + Math.floor(k * step)) % catalogue.length]);

  const institutionIds: string[] = [];
  const cvegeoOf = new Map<string, string>();
  let w = CopyWriter.start(client, 'institution', [
    'id',
    'guarantor_id',
    'key',
    'name',
    'type',
    'level',
    'cve_ent',
    'cvegeo',
    'email',
  ]);
  for (let i = 0; i < spec.institutions; i++) {
    // Every municipality gets one institution first (its ayuntamiento); the rest land at random.
    const mu = i < munis.length ? munis[i] : munis[Math.floor(rng() * munis.length)];
    const type = i < munis.length ? 'ayuntamiento' : TYPES[1 + Math.floor(rng() * (TYPES.length - 1))];
    const level = type === 'secretaría' ? 'estatal' : type === 'organismo autónomo' ? 'autonomo' : 'municipal';
    const id = uuid('institution', i);
    institutionIds.push(id);
    cvegeoOf.set(id, mu.cvegeo);
    await w.row([
      id,
      guarantorId,
      `b-${tag}-${i}`,
      `${type === 'ayuntamiento' ? 'Ayuntamiento' : 'Institución'} ${i + 1} de ${mu.nom_mun}`,
      type,
      level,
      mu.cve_ent,
      mu.cvegeo,
      `ut${i}@bench-${tag}.example`,
    ]);
  }
  await w.end();

  await client.query(
    `INSERT INTO round (id, guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id,
                        validation_open, synthetic, opened_at, closed_at)
     VALUES ($1, $2, $3, $4::text, now() - interval '30 days', now() + interval '30 days', $5, $6, $7, true, now() - interval '30 days',
             CASE WHEN $4::text = 'closed' THEN now() END)`,
    [roundId, guarantorId, `Ronda nacional de referencia ${tag}`, status, iq, cq, status === 'open'],
  );
  w = CopyWriter.start(client, 'round_institution', ['round_id', 'institution_id']);
  for (const id of institutionIds) await w.row([roundId, id]);
  await w.end();

  const validators = Array.from({ length: spec.validators }, (_, i) => ({
    id: uuid('validator', i),
    email: `v${i}@bench-${tag}.example`,
  }));
  w = CopyWriter.start(client, 'app_user', [
    'id',
    'email',
    'password_hash',
    'role',
    'display_name',
    'email_verified_at',
  ]);
  const verifiedAt = new Date().toISOString();
  for (const v of validators)
    await w.row([
      v.id,
      v.email,
      spec.validatorPasswordHash ?? null,
      'citizen_validator',
      'Persona validadora',
      verifiedAt,
    ]);
  await w.end();
  w = CopyWriter.start(client, 'validator_profile', ['user_id', 'pseudonym', 'consent_at', 'privacy_notice_version']);
  for (const [i, v] of validators.entries()) await w.row([v.id, `B${tag}${i}`, verifiedAt, '2025-01']);
  await w.end();

  const invitations: GeneratedRound['invitations'] = [];
  const invitationCount = Math.min(spec.invitations ?? 0, spec.institutions);
  if (invitationCount > 0) {
    if (!spec.tokenSecret) throw new Error('invitations need the API token secret');
    w = CopyWriter.start(client, 'invitation', ['id', 'round_id', 'institution_id', 'token_hash', 'sent_at']);
    for (let i = 0; i < invitationCount; i++) {
      const id = uuid('invitation', i);
      const token = deriveToken(spec.tokenSecret, 'invitation', id);
      invitations.push({ institutionId: institutionIds[i], token });
      await w.row([id, roundId, institutionIds[i], hashToken(token), verifiedAt]);
    }
    await w.end();
  }
  await client.query('COMMIT');

  // Coverage weights: Zipf over a seeded ranking of the institutions.
  const rank = institutionIds.map((_, i) => i);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const weight = rank.map((r) => (r + 1) ** -spec.skew);
  let totalWeight = 0;
  for (const x of weight) totalWeight += x;

  // Answers first (they decide which claims exist to be verified), kept only as what verdicts need.
  const answeredClaims: string[][] = new Array(spec.institutions);
  let claimWeight = 0;
  let answers = 0;
  const responseColumns = [
    'id',
    'round_id',
    'institution_id',
    'questionnaire_id',
    'status',
    'draft',
    'submitted',
    'version',
    'submitted_at',
  ];
  const responses = CopyWriter.start(client, 'response', responseColumns);
  const submittedAt = new Date().toISOString();
  for (let i = 0; i < spec.institutions; i++) {
    answeredClaims[i] = [];
    if (rng() >= spec.selfReportShare) continue;
    const data: Record<string, unknown> = { resp_cargo: 'Titular de la Unidad de Transparencia' };
    if (spec.items === 'default') data.resp_correo = `ut${i}@bench-${tag}.example`;
    for (const item of institutionItems) {
      if (rng() >= spec.answeredShare) continue;
      data[item.name] = answerFor(item, rng);
      answers += 1;
      if (!item.verifiable) continue;
      answeredClaims[i].push(item.name);
      const ev = evidenceOf.get(item.name);
      if (ev !== undefined) data[ev] = `https://transparencia.bench-${tag}.example/${i}/${item.name}`;
    }
    if (answeredClaims[i].length > 0) claimWeight += weight[i];
    const json = JSON.stringify(data);
    await responses.row([uuid('response', i), roundId, institutionIds[i], iq, 'submitted', json, json, 1, submittedAt]);
  }
  const responseCount = await responses.end();
  // Same content as the API writes: the submitted version in response_version (set-based, from the rows just copied).
  await client.query(
    `INSERT INTO response_version (response_id, version, idempotency_key, data, submitted_at)
     SELECT id, 1, 'bench:' || id, submitted, submitted_at FROM response WHERE round_id = $1`,
    [roundId],
  );

  let verdictCount = 0;
  // Due process (METHOD.md §3.1) as in a round whose sweep has run: every refutation was announced;
  // four in five were notified 25 days ago (window of 10 days passed, announced: counted), one in five
  // 2 days ago (still pending). So the worker's due-process sweep finds nothing to do mid-benchmark, and
  // counted and pending refutations both occur. Chosen by position, not by the rng: the stream of
  // draws (and so every other generated row) stays what it was.
  const day = 86_400_000;
  const generatedAt = Date.now();
  const longAgo = new Date(generatedAt - 25 * day).toISOString();
  const windowClosed = new Date(generatedAt - 15 * day).toISOString();
  const recently = new Date(generatedAt - 2 * day).toISOString();
  let refutations = 0;
  const verdicts = CopyWriter.start(client, 'verdict', [
    'id',
    'round_id',
    'institution_id',
    'validator_id',
    'question_name',
    'verdict',
    'evidence_url',
    'notice_queued_at',
    'notified_at',
    'reply_window_closed_at',
  ]);
  for (let i = 0; i < spec.institutions; i++) {
    const claims = answeredClaims[i];
    if (claims.length === 0) continue;
    const expected = (spec.verdicts * weight[i]) / claimWeight;
    const perClaim = Math.min(spec.validators, expected / claims.length);
    const first = Math.floor(rng() * spec.validators);
    for (const claim of claims) {
      const count = Math.min(spec.validators, roundRandom(perClaim, rng));
      for (let k = 0; k < count; k++) {
        const r = rng();
        const verdict = r < 0.6 ? 'confirmed' : r < 0.85 ? 'refuted' : 'unverifiable';
        const pending = verdict === 'refuted' && refutations++ % 5 === 4;
        const notified = verdict !== 'refuted' ? null : pending ? recently : longAgo;
        const closed = verdict === 'refuted' && !pending ? windowClosed : null;
        await verdicts.row([
          uuid('verdict', verdictCount),
          roundId,
          institutionIds[i],
          validators[(first + k) % spec.validators].id,
          claim,
          verdict,
          `https://evidencia.bench-${tag}.example/${verdictCount}`,
          notified,
          notified,
          closed,
        ]);
        verdictCount += 1;
      }
    }
  }
  await verdicts.end();

  let reportCount = 0;
  const reports = CopyWriter.start(client, 'citizen_report', [
    'id',
    'round_id',
    'institution_id',
    'validator_id',
    'questionnaire_id',
    'data',
  ]);
  for (let i = 0; i < spec.institutions; i++) {
    const count = Math.min(spec.validators, roundRandom((spec.reports * weight[i]) / totalWeight, rng));
    // Another stretch of the pool than the verdicts': reports and verdicts come from partly different people.
    const first = Math.floor(rng() * spec.validators);
    for (let k = 0; k < count; k++) {
      // As the API stores them: only visible questions, no follow-ups of an answer that never came.
      const data = citizenReportAnswers(rng, { folio: `PNT-${i}-${k}` });
      await reports.row([
        uuid('report', reportCount),
        roundId,
        institutionIds[i],
        validators[(first + k) % spec.validators].id,
        cq,
        JSON.stringify(data),
      ]);
      reportCount += 1;
    }
  }
  await reports.end();
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  // What the institution jobs of these submissions and reports would have left behind: their scores in
  // columns (libs/db scored-answers.ts). Not part of the COPY load: timed on its own.
  const scoring = process.hrtime.bigint();
  await backfillScoredAnswers(
    async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[],
    1000,
  );
  const scoreSeconds = Number(process.hrtime.bigint() - scoring) / 1e9;
  return {
    roundId,
    guarantorId,
    institutionQuestionnaireId: iq,
    citizenQuestionnaireId: cq,
    institutionDefinition: definition,
    institutionIds,
    cvegeoOf,
    invitations,
    validators,
    counts: {
      institutions: spec.institutions,
      municipalities: munis.length,
      responses: responseCount,
      answers,
      verdicts: verdictCount,
      reports: reportCount,
      validators: spec.validators,
      scoredItems: institutionItems.length,
    },
    loadSeconds,
    scoreSeconds,
  };
}

/** Fresh statistics after a bulk load, as an operator would run (both contenders benefit). */
export async function analyze(client: ClientBase): Promise<void> {
  await client.query(
    'VACUUM (ANALYZE) institution, round_institution, response, response_version, verdict, citizen_report, app_user, municipality, scored_source, scored_answer',
  );
}
