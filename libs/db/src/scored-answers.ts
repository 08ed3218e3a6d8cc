/**
 * Scored answers kept in columns (issue #17 item 4): each submitted self-report and each citizen
 * report is scored once — by the worker's institution job after it is accepted, by the migration that
 * introduced these tables for what existed before, by a rebuild for anything still missing — and stored
 * as one `scored_answer` row per scored item under one `scored_source` row per document. A rebuild
 * then reads numbers instead of parsing and scoring ≈ 160 k JSON documents every time.
 *
 * The rows are a cache of a pure function, never a second source of truth: a `scored_source` row
 * records the md5 of the document's jsonb text it was scored from, the questionnaire version's
 * checksum and the scorer's version, and readers use it only when all three still match (the digest
 * is compared with the document as it is in the reader's own snapshot). A document edited by any path
 * — the API, a repair script, a test's UPDATE — therefore never has its old scores read; a lost or
 * failed write (worker killed, Redis gone) only means the next reader scores the JSON itself.
 */
import { compileScoring, scoringDefinitionFor, verifiableItems } from '@apertura/questionnaire';
import type { ItemSpec, ScoredAnswer } from '@apertura/metric';

/**
 * Version of the scoring semantics stored in `scored_source.scorer`. Bump it whenever
 * `storedScoringOf` (or libs/questionnaire's scorer behind it) would score a stored document
 * differently: every stored set then stops matching and is re-scored from its JSON.
 */
export const SCORER_VERSION = 1;

export type ScoredSourceKind = 'response' | 'citizen_report';

/** Evidence URL given in a self-report for a verifiable item. */
export interface ScoredEvidenceUrl {
  item: string;
  question: string;
  url: string;
}

/** What scoring a stored document needs from its questionnaire version. */
export interface StoredScoring {
  items: ItemSpec[];
  /** Verifiable items and the question where the institution gives its evidence URL. */
  evidence: Array<{ item: string; question: string }>;
  /** Scores one stored answer set (visibility and gated failures included), in questionnaire order. */
  score: (data: Readonly<Record<string, unknown>>) => ScoredAnswer[];
}

/**
 * The one scorer of stored documents (worker and backfill alike). Answers to the bundled citizen.v1
 * are scored with citizen.v2's map (METHOD.md §8); stored answers were validated with hidden ones
 * cleared, so they are scored as they stand. Throws QuestionnaireError for a definition that cannot
 * be scored.
 */
export function storedScoringOf(definition: unknown): StoredScoring {
  const compiled = compileScoring(scoringDefinitionFor(definition));
  return {
    items: [...compiled.items],
    evidence: evidenceQuestionsOf(definition),
    score: (data) => compiled.score(data, { storedAnswersVisible: true }),
  };
}

/** A questionnaire version's verifiable items and the question where each one's evidence URL is given. */
export function evidenceQuestionsOf(definition: unknown): Array<{ item: string; question: string }> {
  return verifiableItems(definition)
    .filter((v) => v.evidenceQuestion !== undefined)
    .map((v) => ({ item: v.name, question: v.evidenceQuestion as string }));
}

/** Evidence URLs of a self-report: the non-blank answers of its items' evidence questions. */
export function evidenceUrlsOf(
  evidence: ReadonlyArray<{ item: string; question: string }>,
  data: Readonly<Record<string, unknown>>,
): ScoredEvidenceUrl[] {
  const out: ScoredEvidenceUrl[] = [];
  for (const e of evidence) {
    const url = Object.prototype.hasOwnProperty.call(data, e.question) ? data[e.question] : undefined;
    if (typeof url === 'string' && url.trim() !== '') out.push({ item: e.item, question: e.question, url });
  }
  return out;
}

/** Evidence URLs as stored in `scored_source.evidence_urls` ([item, question, url] triples). */
export function decodeEvidenceUrls(stored: unknown): ScoredEvidenceUrl[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((e) => {
    const [item, question, url] = e as [string, string, string];
    return { item, question, url };
  });
}

/** Position of each item in its questionnaire's scored items (`scored_answer.ordinal`). */
const ordinals = new WeakMap<readonly ItemSpec[], Map<string, number>>();

export function ordinalsOf(items: readonly ItemSpec[]): Map<string, number> {
  let m = ordinals.get(items);
  if (m === undefined) {
    m = new Map(items.map((it, i) => [it.name, i]));
    ordinals.set(items, m);
  }
  return m;
}

/** One scored document, as written to scored_source + scored_answer. */
export interface ScoredSet {
  sourceId: string;
  kind: ScoredSourceKind;
  /** response.version (0 for a citizen report, which has no versions). */
  version: number;
  /** md5 of the scored document's jsonb text, read in the same snapshot as the document. */
  digest: string;
  questionnaireId: string;
  checksum: string;
  /** The questionnaire version's scored items (ordinals index into them). */
  items: readonly ItemSpec[];
  answers: readonly ScoredAnswer[];
  evidenceUrls: readonly ScoredEvidenceUrl[];
}

/** Anything that runs one parameterised statement (a pg client, a TypeORM manager or query runner). */
export type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/**
 * Stores scored sets, idempotently: a set already stored from the same digest, checksum and scorer is
 * left as it is; one stored from anything else is replaced. Two writers storing the same document at
 * once do not fail (ON CONFLICT DO NOTHING; both computed it from the same function of the same
 * digest, or the reader tells them apart by digest). Run it inside a transaction.
 */
export async function saveScoredSets(query: Query, sets: readonly ScoredSet[]): Promise<void> {
  if (sets.length === 0) return;
  const ids = sets.map((s) => s.sourceId);
  await query(
    `DELETE FROM scored_source s USING unnest($1::uuid[], $2::text[], $3::text[]) AS n(source_id, digest, checksum)
     WHERE s.source_id = n.source_id AND (s.digest <> n.digest OR s.questionnaire_checksum <> n.checksum OR s.scorer <> $4)`,
    [ids, sets.map((s) => s.digest), sets.map((s) => s.checksum), SCORER_VERSION],
  );
  const inserted = (await query(
    `INSERT INTO scored_source (source_id, kind, version, digest, questionnaire_id, questionnaire_checksum, scorer, evidence_urls)
     SELECT n.source_id, n.kind, n.version, n.digest, n.questionnaire_id, n.checksum, $7, n.evidence_urls
     FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::uuid[], $6::text[], $8::jsonb[])
          AS n(source_id, kind, version, digest, questionnaire_id, checksum, evidence_urls)
     ON CONFLICT (source_id) DO NOTHING RETURNING source_id`,
    [
      ids,
      sets.map((s) => s.kind),
      sets.map((s) => s.version),
      sets.map((s) => s.digest),
      sets.map((s) => s.questionnaireId),
      sets.map((s) => s.checksum),
      SCORER_VERSION,
      // [item, question, url] triples: jsonb keeps array order but not an object's key order.
      sets.map((s) => JSON.stringify(s.evidenceUrls.map((e) => [e.item, e.question, e.url]))),
    ],
  )) as Array<{ source_id: string }>;
  const fresh = new Set(inserted.map((r) => r.source_id));
  const cols = {
    source: [] as string[],
    ordinal: [] as number[],
    item: [] as string[],
    component: [] as string[],
    weight: [] as number[],
    verifiable: [] as boolean[],
    score: [] as string[],
  };
  for (const s of sets) {
    if (!fresh.has(s.sourceId)) continue;
    const at = ordinalsOf(s.items);
    for (const a of s.answers) {
      const ordinal = at.get(a.name);
      if (ordinal === undefined)
        throw new Error(`scored item ${a.name} is not an item of questionnaire ${s.questionnaireId}`);
      cols.source.push(s.sourceId);
      cols.ordinal.push(ordinal);
      cols.item.push(a.name);
      cols.component.push(a.component);
      cols.weight.push(a.weight);
      cols.verifiable.push(a.verifiable);
      // As text, JavaScript's shortest round-trip form: float8 stores the exact double. By hand, not by
      // node-postgres's String(): a scorer can give -0 (e.g. 1 - 1·1 in a reversed range) and String(-0) is "0".
      cols.score.push(Object.is(a.score, -0) ? '-0' : String(a.score));
    }
  }
  if (cols.source.length === 0) return;
  await query(
    `INSERT INTO scored_answer (source_id, ordinal, item, component, weight, verifiable, score)
     SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::float8[], $6::bool[], $7::text[]::float8[])`,
    [cols.source, cols.ordinal, cols.item, cols.component, cols.weight, cols.verifiable, cols.score],
  );
}

/**
 * The scores of a stored set as a reader gets them (`scoredAnswersSql`): "ordinal:score" pairs joined
 * by spaces, in ordinal order. Decoded against the questionnaire version's items, which the set's
 * checksum pins: name, component, weight and verifiable are the item's, the score the row's. float8
 * text output is the shortest exact form (extra_float_digits > 0), so parseFloat gives the same double.
 */
export function decodeScoredAnswers(items: readonly ItemSpec[], text: string | null): ScoredAnswer[] {
  const out: ScoredAnswer[] = [];
  if (text === null || text === '') return out;
  let at = 0;
  while (at < text.length) {
    const colon = text.indexOf(':', at);
    let end = text.indexOf(' ', colon);
    if (end < 0) end = text.length;
    const spec = items[Number(text.slice(at, colon))];
    if (spec === undefined) throw new Error(`stored scored answer "${text.slice(at, end)}" has no questionnaire item`);
    const { name, component, weight, verifiable } = spec;
    out.push({ name, component, weight, verifiable, score: Number(text.slice(colon + 1, end)) });
    at = end + 1;
  }
  return out;
}

/**
 * SQL of a LEFT JOIN LATERAL giving the stored scores of one document when they still match it:
 * `st.stored_answers` (text, see decodeScoredAnswers; '' for a set without scored items), NULL when
 * there is no matching set. `idCol` and `jsonCol` name the
 * document's id and jsonb columns, `checksumCol` its questionnaire's checksum, `scorerParam` the
 * parameter holding SCORER_VERSION. The digest is taken from the document in the reader's snapshot.
 */
export function storedScoresLateral(idCol: string, jsonCol: string, checksumCol: string, scorerParam: string): string {
  return `LEFT JOIN LATERAL (
      SELECT coalesce((SELECT string_agg(a.ordinal::text || ':' || a.score::text, ' ' ORDER BY a.ordinal)
                       FROM scored_answer a WHERE a.source_id = ss.source_id), '') AS stored_answers
      FROM scored_source ss
      WHERE ss.source_id = ${idCol} AND ss.scorer = ${scorerParam} AND ss.questionnaire_checksum = ${checksumCol}
        AND ss.digest = md5(${jsonCol}::text)
    ) st ON true`;
}

interface BackfillDoc {
  id: string;
  version: number;
  questionnaire_id: string;
  checksum: string;
  doc: Record<string, unknown>;
  digest: string;
}

/**
 * Scores every submitted self-report and every citizen report that has no matching stored set (the
 * migration that created the tables, and the benchmark's loader, which writes documents by COPY as
 * if every one had been accepted). Documents of a questionnaire that cannot be scored are skipped:
 * the worker reports that questionnaire as a permanent error when it computes. Returns the number of
 * documents scored.
 */
export async function backfillScoredAnswers(
  select: <T>(sql: string, params: unknown[]) => Promise<T[]>,
  pageSize = 500,
): Promise<number> {
  const scorings = new Map<string, StoredScoring | null>();
  const scoringFor = async (id: string): Promise<StoredScoring | null> => {
    if (!scorings.has(id)) {
      const [q] = await select<{ definition: unknown }>('SELECT definition FROM questionnaire WHERE id = $1', [id]);
      let s: StoredScoring | null = null;
      try {
        s = q === undefined ? null : storedScoringOf(q.definition);
      } catch {
        s = null;
      }
      scorings.set(id, s);
    }
    return scorings.get(id) ?? null;
  };
  const sources: Array<{ kind: ScoredSourceKind; sql: string }> = [
    {
      kind: 'response',
      sql: `SELECT d.id, d.version, d.questionnaire_id, q.checksum, d.submitted AS doc, md5(d.submitted::text) AS digest
            FROM response d JOIN questionnaire q ON q.id = d.questionnaire_id
            WHERE d.status = 'submitted' AND d.submitted IS NOT NULL AND d.id > $1::uuid
              AND NOT EXISTS (SELECT 1 FROM scored_source ss WHERE ss.source_id = d.id AND ss.scorer = $3
                              AND ss.questionnaire_checksum = q.checksum AND ss.digest = md5(d.submitted::text))
            ORDER BY d.id LIMIT $2`,
    },
    {
      kind: 'citizen_report',
      sql: `SELECT d.id, 0 AS version, d.questionnaire_id, q.checksum, d.data AS doc, md5(d.data::text) AS digest
            FROM citizen_report d JOIN questionnaire q ON q.id = d.questionnaire_id
            WHERE d.id > $1::uuid
              AND NOT EXISTS (SELECT 1 FROM scored_source ss WHERE ss.source_id = d.id AND ss.scorer = $3
                              AND ss.questionnaire_checksum = q.checksum AND ss.digest = md5(d.data::text))
            ORDER BY d.id LIMIT $2`,
    },
  ];
  let scored = 0;
  for (const { kind, sql } of sources) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await select<BackfillDoc>(sql, [after, pageSize, SCORER_VERSION]);
      if (rows.length === 0) break;
      const sets: ScoredSet[] = [];
      for (const r of rows) {
        const s = await scoringFor(r.questionnaire_id);
        if (s === null) continue;
        sets.push({
          sourceId: r.id,
          kind,
          version: r.version,
          digest: r.digest,
          questionnaireId: r.questionnaire_id,
          checksum: r.checksum,
          items: s.items,
          answers: s.score(r.doc),
          evidenceUrls: kind === 'response' ? evidenceUrlsOf(s.evidence, r.doc) : [],
        });
      }
      await saveScoredSets(select, sets);
      scored += sets.length;
      after = rows[rows.length - 1].id;
    }
  }
  return scored;
}
