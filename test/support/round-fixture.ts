import { createHash } from 'crypto';
import type { DataSource } from 'typeorm';
import { mulberry32, seedFromString } from '@apertura/metric';
import type { ItemSpec } from '@apertura/metric';
import { CITIZEN_V2, extractScoredItems, INSTITUTION_V1, verifiableItems } from '@apertura/questionnaire';
import { citizenReportAnswers } from '../../libs/questionnaire/fixtures/citizen-answers';

/**
 * A round with institutions, submitted self-reports, verdicts and citizen reports, written straight
 * through SQL in a few set-based statements (fast enough for thousands of institutions). Everything
 * — ids included — derives from `seed`, so two fixtures with the same options in two databases are
 * identical input for the metric. Used by the metric e2e suites and the benchmarks.
 */
export interface RoundFixtureOptions {
  seed: string;
  institutions: number;
  /** Owner; a guarantor is created (slug from the seed) when omitted. */
  guarantorId?: string;
  /** Distinct municipalities the institutions are spread over (default: institutions / 4, at least 1). */
  municipalities?: number;
  status?: 'draft' | 'open' | 'closed' | 'published';
  name?: string;
  synthetic?: boolean;
  /** Share of institutions with a submitted self-report (default 0.8). */
  selfReportShare?: number;
  /** Citizen reports per institution, uniform in [min, max] (default [0, 6]). */
  reportsPerInstitution?: [number, number];
  /** Share of answered verifiable claims that get verdicts (1–3 each; default 0.5). */
  verdictShare?: number;
  /**
   * Refutations notified 30 days ago and never disputed, so they count (§3.1; default). False: never
   * notified, so every refutation is still pending (the right of reply has not started).
   */
  settledRefutations?: boolean;
  /** Size of the validator pool (default 40; at least the maximum reports per institution). */
  validators?: number;
  /** Also write the outbox events the API would have written (default false). */
  emitEvents?: boolean;
}

export interface RoundFixture {
  roundId: string;
  guarantorId: string;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  /** Sorted. */
  institutionIds: string[];
  validatorIds: string[];
  municipalities: string[];
  counts: { institutions: number; responses: number; verdicts: number; reports: number };
}

/** A v4-shaped UUID derived from the seed (stable across databases and runs). */
export function fixtureUuid(seed: string, kind: string, index: number | string): string {
  const h = createHash('sha256').update(`${seed}:${kind}:${index}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const TYPES = ['ayuntamiento', 'organismo descentralizado', 'dif municipal', 'secretaría'];

/** A plausible answer for a scored item (undefined: left unanswered). */
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
      const keys = Object.keys(s.scores).filter((k) => s.scores[k] !== null && (s.scores[k] as number) > 0);
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

function answers(items: readonly ItemSpec[], rng: () => number, skip: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    if (rng() < skip) continue;
    out[item.name] = answerFor(item, rng);
  }
  return out;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export async function buildRoundFixture(ds: DataSource, opts: RoundFixtureOptions): Promise<RoundFixture> {
  const seed = opts.seed;
  const rng = mulberry32(seedFromString(seed));
  const tag = sha256(seed).slice(0, 10);
  const uuid = (kind: string, i: number | string): string => fixtureUuid(seed, kind, i);
  const [minReports, maxReports] = opts.reportsPerInstitution ?? [0, 6];
  const validatorCount = Math.max(opts.validators ?? 40, maxReports, 3);
  const selfReportShare = opts.selfReportShare ?? 0.8;
  const verdictShare = opts.verdictShare ?? 0.5;
  const status = opts.status ?? 'open';

  return ds.transaction(async (m) => {
    let guarantorId = opts.guarantorId;
    if (guarantorId === undefined) {
      guarantorId = uuid('guarantor', 0);
      await m.query(`INSERT INTO guarantor (id, slug, name, cve_ent) VALUES ($1, $2, $3, NULL)`, [
        guarantorId,
        `fx-${tag}`,
        `Garante de prueba ${tag}`,
      ]);
    }

    const iq = uuid('questionnaire', 'institution');
    const cq = uuid('questionnaire', 'citizen');
    for (const [id, kind, def] of [
      [iq, 'institution', INSTITUTION_V1],
      [cq, 'citizen', CITIZEN_V2],
    ] as const) {
      const json = JSON.stringify(def);
      await m.query(
        `INSERT INTO questionnaire (id, guarantor_id, kind, slug, version, title, definition, checksum) VALUES ($1, $2, $3, $4, 1, $5, $6::jsonb, $7)`,
        [id, guarantorId, kind, `${kind}-${tag}`, `Cuestionario ${kind} ${tag}`, json, sha256(json)],
      );
    }

    // Municipalities spread evenly over the catalogue from a seeded offset.
    const catalogue: Array<{ cvegeo: string; cve_ent: string; nom_mun: string }> = await m.query(
      'SELECT cvegeo, cve_ent, nom_mun FROM municipality ORDER BY cvegeo',
    );
    const wanted = Math.max(1, Math.min(catalogue.length, opts.municipalities ?? Math.ceil(opts.institutions / 4)));
    const offset = Math.floor(rng() * catalogue.length);
    const step = catalogue.length / wanted;
    const munis = Array.from(
      { length: wanted },
      (_, k) => catalogue[(offset + Math.floor(k * step)) % catalogue.length],
    );

    const inst = Array.from({ length: opts.institutions }, (_, i) => {
      const mu = munis[i % munis.length];
      const type = TYPES[Math.floor(rng() * TYPES.length)];
      return {
        id: uuid('institution', i),
        key: `fx-${tag}-${i}`,
        name: `${type === 'ayuntamiento' ? 'Ayuntamiento' : 'Institución'} ${i + 1} de ${mu.nom_mun}`,
        type,
        level: rng() < 0.85 ? 'municipal' : 'estatal',
        cveEnt: mu.cve_ent,
        cvegeo: mu.cvegeo,
        email: `ut${i}-${tag}@fixture.example`,
      };
    });
    await m.query(
      `INSERT INTO institution (id, guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
       SELECT u.id, $1, u.key, u.name, u.type, u.level, u.cve_ent, u.cvegeo, u.email
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u(id, key, name, type, level, cve_ent, cvegeo, email)`,
      [
        guarantorId,
        ...(['id', 'key', 'name', 'type', 'level', 'cveEnt', 'cvegeo', 'email'] as const).map((k) =>
          inst.map((x) => x[k]),
        ),
      ],
    );

    const roundId = uuid('round', 0);
    await m.query(
      `INSERT INTO round (id, guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id,
                          validation_open, synthetic, opened_at, closed_at, published_at)
       VALUES ($1, $2, $3, $4::text, now() - interval '30 days', now() + interval '30 days', $5, $6, $7, $8,
               CASE WHEN $4::text <> 'draft' THEN now() END, CASE WHEN $4::text IN ('closed', 'published') THEN now() END,
               CASE WHEN $4::text = 'published' THEN now() END)`,
      [
        roundId,
        guarantorId,
        opts.name ?? `Ronda de prueba ${tag}`,
        status,
        iq,
        cq,
        status === 'open',
        opts.synthetic ?? true,
      ],
    );
    await m.query('INSERT INTO round_institution (round_id, institution_id) SELECT $1, unnest($2::uuid[])', [
      roundId,
      inst.map((x) => x.id),
    ]);

    const validators = Array.from({ length: validatorCount }, (_, i) => ({
      id: uuid('validator', i),
      email: `v${i}-${tag}@fixture.example`,
      pseudonym: `FX${tag}${i}`,
    }));
    await m.query(
      `INSERT INTO app_user (id, email, role, display_name, email_verified_at)
       SELECT u.id, u.email, 'citizen_validator', 'Persona validadora', now() FROM unnest($1::uuid[], $2::text[]) AS u(id, email)`,
      [validators.map((v) => v.id), validators.map((v) => v.email)],
    );
    await m.query(
      `INSERT INTO validator_profile (user_id, pseudonym, consent_at, privacy_notice_version)
       SELECT u.id, u.pseudonym, now(), '2025-01' FROM unnest($1::uuid[], $2::text[]) AS u(id, pseudonym)`,
      [validators.map((v) => v.id), validators.map((v) => v.pseudonym)],
    );

    const institutionItems = extractScoredItems(INSTITUTION_V1);
    const evidenceOf = new Map(verifiableItems(INSTITUTION_V1).map((v) => [v.name, v.evidenceQuestion]));
    const responses: Array<{ id: string; institutionId: string; data: string }> = [];
    const verdicts: Array<{
      id: string;
      institutionId: string;
      validatorId: string;
      question: string;
      verdict: string;
    }> = [];
    const reports: Array<{ id: string; institutionId: string; validatorId: string; data: string }> = [];
    for (const [i, x] of inst.entries()) {
      if (rng() < selfReportShare) {
        const data: Record<string, unknown> = {
          resp_cargo: 'Titular de la Unidad de Transparencia',
          resp_correo: x.email,
          ...answers(institutionItems, rng, 0.1),
        };
        for (const item of institutionItems) {
          const ev = evidenceOf.get(item.name);
          if (!item.verifiable || data[item.name] === undefined) continue;
          if (ev !== undefined) data[ev] = `https://fixture.example/${tag}/${i}/${item.name}`;
          if (rng() >= verdictShare) continue;
          const count = 1 + Math.floor(rng() * 3);
          const first = Math.floor(rng() * validatorCount);
          for (let k = 0; k < count; k++) {
            const r = rng();
            verdicts.push({
              id: uuid('verdict', `${i}:${item.name}:${k}`),
              institutionId: x.id,
              validatorId: validators[(first + k) % validatorCount].id,
              question: item.name,
              verdict: r < 0.6 ? 'confirmed' : r < 0.85 ? 'refuted' : 'unverifiable',
            });
          }
        }
        responses.push({ id: uuid('response', i), institutionId: x.id, data: JSON.stringify(data) });
      }
      const n = minReports + Math.floor(rng() * (maxReports - minReports + 1));
      const first = Math.floor(rng() * validatorCount);
      for (let k = 0; k < n; k++) {
        const data = citizenReportAnswers(rng, { folio: `FX-${i}-${k}` });
        reports.push({
          id: uuid('report', `${i}:${k}`),
          institutionId: x.id,
          validatorId: validators[(first + k) % validatorCount].id,
          data: JSON.stringify(data),
        });
      }
    }

    await m.query(
      `INSERT INTO response (id, round_id, institution_id, questionnaire_id, status, draft, submitted, version, submitted_at)
       SELECT u.id, $1, u.institution_id, $2, 'submitted', u.data, u.data, 1, now() FROM unnest($3::uuid[], $4::uuid[], $5::jsonb[]) AS u(id, institution_id, data)`,
      [roundId, iq, responses.map((r) => r.id), responses.map((r) => r.institutionId), responses.map((r) => r.data)],
    );
    await m.query(
      `INSERT INTO response_version (response_id, version, idempotency_key, data)
       SELECT u.id, 1, 'fixture:' || u.id, u.data FROM unnest($1::uuid[], $2::jsonb[]) AS u(id, data)`,
      [responses.map((r) => r.id), responses.map((r) => r.data)],
    );
    await m.query(
      `INSERT INTO verdict (id, round_id, institution_id, validator_id, question_name, verdict, notice_queued_at, notified_at, reply_window_closed_at)
       SELECT u.id, $1, u.institution_id, u.validator_id, u.question, u.verdict, s.at, s.at, s.at + interval '10 days'
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS u(id, institution_id, validator_id, question, verdict)
       LEFT JOIN LATERAL (SELECT date_trunc('milliseconds', now() - interval '30 days') AS at WHERE $7::boolean AND u.verdict = 'refuted') s ON true`,
      [
        roundId,
        verdicts.map((v) => v.id),
        verdicts.map((v) => v.institutionId),
        verdicts.map((v) => v.validatorId),
        verdicts.map((v) => v.question),
        verdicts.map((v) => v.verdict),
        opts.settledRefutations ?? true,
      ],
    );
    await m.query(
      `INSERT INTO citizen_report (id, round_id, institution_id, validator_id, questionnaire_id, data)
       SELECT u.id, $1, u.institution_id, u.validator_id, $2, u.data FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::jsonb[]) AS u(id, institution_id, validator_id, data)`,
      [
        roundId,
        cq,
        reports.map((r) => r.id),
        reports.map((r) => r.institutionId),
        reports.map((r) => r.validatorId),
        reports.map((r) => r.data),
      ],
    );

    if (opts.emitEvents) {
      const events = [
        ...responses.map(
          (r) =>
            ['response.submitted', { roundId, institutionId: r.institutionId, responseId: r.id, version: 1 }] as const,
        ),
        ...verdicts.map(
          (v) => ['verdict.saved', { roundId, institutionId: v.institutionId, verdictId: v.id }] as const,
        ),
        ...reports.map(
          (r) => ['citizen-report.saved', { roundId, institutionId: r.institutionId, reportId: r.id }] as const,
        ),
      ];
      await m.query(
        'INSERT INTO outbox_event (type, payload) SELECT t, p::jsonb FROM unnest($1::text[], $2::text[]) AS u(t, p)',
        [events.map((e) => e[0]), events.map((e) => JSON.stringify(e[1]))],
      );
    }

    return {
      roundId,
      guarantorId,
      institutionQuestionnaireId: iq,
      citizenQuestionnaireId: cq,
      institutionIds: inst.map((x) => x.id).sort(),
      validatorIds: validators.map((v) => v.id),
      municipalities: [...new Set(munis.map((mu) => mu.cvegeo))].sort(),
      counts: {
        institutions: inst.length,
        responses: responses.length,
        verdicts: verdicts.length,
        reports: reports.length,
      },
    };
  });
}
