import { DataSource, QueryFailedError } from 'typeorm';
import { dataSourceOptions, type JsonObject } from '@apertura/db';
import { ResponsesRepository } from '../apps/api/src/responses/responses.repository';
import { createTestDatabase, heldTransaction, releaseHeld, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

const NOBODY = '00000000-0000-4000-8000-000000000000';
const SMALL_OPEN_ROUND = { institutions: 6, municipalities: 2, status: 'open', selfReportShare: 0.5 } as const;

/** Self-reports against a real PostgreSQL: the respondent's reads, the submission writes and their lock, the staff views. */
describe('ResponsesRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repo = new ResponsesRepository();
  let fx: RoundFixture;
  /** Institutions the fixture gave a submitted self-report, and the others. */
  let answered: string[];
  let silent: string[];

  const saveDraft = (institutionId: string, draft: JsonObject, currentPage: number) =>
    repo.saveDraft(ds, {
      roundId: fx.roundId,
      institutionId,
      questionnaireId: fx.institutionQuestionnaireId,
      draft,
      currentPage,
    });

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'resprepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    // Half the institutions answered; every answered claim has verdicts.
    fx = await buildRoundFixture(ds, { ...SMALL_OPEN_ROUND, seed: 'responses-repository', verdictShare: 1 });
    const rows: Array<{ institution_id: string }> = await ds.query(
      "SELECT institution_id FROM response WHERE round_id = $1 AND status = 'submitted' ORDER BY institution_id",
      [fx.roundId],
    );
    answered = rows.map((r) => r.institution_id);
    silent = fx.institutionIds.filter((id) => !answered.includes(id));
    expect(answered.length).toBeGreaterThan(0);
    expect(silent.length).toBeGreaterThan(1);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads the respondent context as a camelCase record; nothing saved yet gives null response fields', async () => {
    const ctx = await repo.context(ds, fx.roundId, answered[0]);
    expect(ctx).toMatchObject({
      round: { id: fx.roundId, status: 'open', synthetic: true },
      institution: { id: answered[0] },
      questionnaire: { id: fx.institutionQuestionnaireId, version: 1 },
      response: { status: 'submitted', version: 1, currentPage: 0 },
    });
    expect(ctx?.round.opensAt).toBeInstanceOf(Date);
    expect(ctx?.now).toBeInstanceOf(Date);
    expect(ctx?.response.submittedAt).toBeInstanceOf(Date);

    const empty = await repo.context(ds, fx.roundId, silent[0]);
    expect(empty?.response).toEqual({
      status: null,
      draft: null,
      currentPage: null,
      version: null,
      submittedAt: null,
      submitted: null,
    });
    expect(await repo.context(ds, NOBODY, silent[0])).toBeUndefined();
  });

  it("reads the round's questionnaire and window by the database clock, and the definition apart", async () => {
    const q = await repo.roundQuestionnaire(ds, fx.roundId);
    expect(q).toMatchObject({ id: fx.institutionQuestionnaireId, version: 1, window: { status: 'open' } });
    expect(q?.checksum).toEqual(expect.any(String));
    expect(q?.now).toBeInstanceOf(Date);
    expect(q?.window.closesAt.getTime()).toBeGreaterThan(q!.now.getTime());
    expect(await repo.questionnaireDefinition(ds, q!.id)).toHaveProperty('pages');
    expect(await repo.roundQuestionnaire(ds, NOBODY)).toBeUndefined();
    await expect(repo.questionnaireDefinition(ds, NOBODY)).rejects.toThrow(/not found/);
  });

  it('saves a draft (creating the response row once) and keeps a submitted response submitted', async () => {
    const inst = silent[0];
    const first = await saveDraft(inst, { a: 1 }, 2);
    expect(first.currentPage).toBe(2);
    expect(first.savedAt).toBeInstanceOf(Date);
    expect((await saveDraft(inst, { a: 2 }, 3)).currentPage).toBe(3);
    expect((await repo.context(ds, fx.roundId, inst))?.response).toMatchObject({
      status: 'draft',
      draft: { a: 2 },
      currentPage: 3,
      version: 0,
    });

    await saveDraft(answered[0], { b: true }, 1);
    expect((await repo.context(ds, fx.roundId, answered[0]))?.response).toMatchObject({
      status: 'submitted',
      draft: { b: true },
      version: 1,
    });
  });

  it('submits a version: row created once, locked against a second submission, replayable by its key', async () => {
    const inst = silent[1];
    const a = await heldTransaction(ds);
    const b = await heldTransaction(ds);
    try {
      // Two first submissions at once: the second INSERT waits for the first to commit…
      await repo.ensureResponse(a.manager, fx.roundId, inst, fx.institutionQuestionnaireId);
      await b.query("SET LOCAL lock_timeout = '300ms'");
      await b.query('SAVEPOINT s');
      await expect(repo.ensureResponse(b.manager, fx.roundId, inst, fx.institutionQuestionnaireId)).rejects.toThrow(
        /lock timeout/,
      );
      await b.query('ROLLBACK TO SAVEPOINT s');
      await a.commitTransaction();
      await a.startTransaction();
      // …and then does nothing.
      await repo.ensureResponse(b.manager, fx.roundId, inst, fx.institutionQuestionnaireId);
      await b.query('SAVEPOINT s');

      const head = await repo.head(a.manager, fx.roundId, inst, 'update');
      expect(head).toEqual({ id: expect.any(String), version: 0 });
      // A second submission of the same institution waits for the first (FOR UPDATE)…
      await expect(repo.head(b.manager, fx.roundId, inst, 'update')).rejects.toThrow(/lock timeout/);
      await b.query('ROLLBACK TO SAVEPOINT s');
      // …a plain read does not.
      expect(await repo.head(b.manager, fx.roundId, inst)).toEqual(head);

      const submittedAt = await repo.insertVersion(a.manager, {
        responseId: head!.id,
        version: 1,
        idempotencyKey: 'repo-key-0001',
        data: { q1: 'sí' },
        cleared: ['q2'],
        evidence: [{ id: NOBODY, filename: 'acta.pdf' }],
        questionnaireId: fx.institutionQuestionnaireId,
      });
      expect(submittedAt).toBeInstanceOf(Date);
      expect(await repo.versionByKey(a.manager, 'repo-key-0001')).toEqual({
        responseId: head!.id,
        version: 1,
        submittedAt,
        data: { q1: 'sí' },
        cleared: ['q2'],
      });
      await a.commitTransaction();
    } finally {
      await releaseHeld(b);
      await releaseHeld(a);
    }

    expect(await repo.head(ds, fx.roundId, inst)).toMatchObject({ version: 1 });
    expect((await repo.context(ds, fx.roundId, inst))?.response).toMatchObject({
      status: 'submitted',
      submitted: { q1: 'sí' },
      draft: { q1: 'sí' },
      version: 1,
    });
    // A reused key fails on the idempotency index (the service answers it as a replay) and changes nothing.
    const other = await repo.head(ds, fx.roundId, answered[0]);
    const reused = await ds
      .transaction((m) =>
        repo.insertVersion(m, {
          responseId: other!.id,
          version: 9,
          idempotencyKey: 'repo-key-0001',
          data: {},
          cleared: [],
          evidence: [],
          questionnaireId: fx.institutionQuestionnaireId,
        }),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(reused).toBeInstanceOf(QueryFailedError);
    expect((reused as QueryFailedError).driverError).toMatchObject({ code: '23505' });
    expect(await repo.head(ds, fx.roundId, answered[0])).toEqual(other);
    expect(await repo.versionByKey(ds, 'unknown-key')).toBeUndefined();

    expect(await repo.versionSummaries(ds, fx.roundId, inst)).toEqual([
      { version: 1, submittedAt: expect.any(Date), cleared: ['q2'] },
    ]);
    const copy = await repo.submittedCopy(ds, fx.roundId, inst, null);
    expect(copy).toMatchObject({
      version: 1,
      data: { q1: 'sí' },
      evidence: [{ id: NOBODY, filename: 'acta.pdf' }],
      roundName: expect.any(String),
      institutionName: expect.any(String),
    });
    expect(copy?.definition).toHaveProperty('pages');
    expect(await repo.submittedCopy(ds, fx.roundId, inst, 1)).toEqual(copy);
    expect(await repo.submittedCopy(ds, fx.roundId, inst, 2)).toBeUndefined();
  });

  it("finds the institution's answers to the guarantor's earlier rounds, newest first", async () => {
    expect(await repo.previousSubmissions(ds, fx.roundId, answered[0])).toEqual([]);
    const [{ id: earlier }]: Array<{ id: string }> = await ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, synthetic)
       SELECT guarantor_id, 'Ronda anterior', 'closed', opens_at - interval '1 year', closes_at - interval '1 year',
              institution_questionnaire_id, citizen_questionnaire_id, true
       FROM round WHERE id = $1 RETURNING id`,
      [fx.roundId],
    );
    await ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, submitted, version, submitted_at)
       VALUES ($1, $2, $3, 'submitted', '{"old": 1}'::jsonb, 1, now() - interval '1 year')`,
      [earlier, answered[0], fx.institutionQuestionnaireId],
    );
    const previous = await repo.previousSubmissions(ds, fx.roundId, answered[0]);
    expect(previous).toEqual([
      { roundId: earlier, roundName: 'Ronda anterior', submittedAt: expect.any(Date), submitted: { old: 1 } },
    ]);
    expect(await repo.previousSubmissions(ds, earlier, answered[0])).toEqual([]);
  });

  it("pages the round's institutions for staff, filtered, with camelCase institutions", async () => {
    const all = await repo.memberPage(ds, fx.roundId, { status: null, cveEnt: null }, 4, 0);
    expect(all.total).toBe(6);
    expect(all.items).toHaveLength(4);
    expect(Object.keys(all.items[0].institution)).toEqual(['id', 'name', 'type', 'level', 'cveEnt', 'cvegeo']);
    const rest = await repo.memberPage(ds, fx.roundId, { status: null, cveEnt: null }, 4, 4);
    expect(rest.items).toHaveLength(2);
    expect(await repo.memberPage(ds, fx.roundId, { status: null, cveEnt: null }, 4, 40)).toEqual({
      items: [],
      total: 6,
    });

    const submitted = await repo.memberPage(ds, fx.roundId, { status: 'submitted', cveEnt: null }, 10, 0);
    expect(submitted.total).toBe(answered.length + 1);
    expect(submitted.items.every((i) => i.status === 'submitted' && i.submittedAt instanceof Date)).toBe(true);
    const none = await repo.memberPage(ds, fx.roundId, { status: 'none', cveEnt: null }, 10, 0);
    expect(none.items.every((i) => i.version === 0 && i.submittedAt === null)).toBe(true);
    const state = all.items[0].institution.cveEnt;
    const inState = await repo.memberPage(ds, fx.roundId, { status: null, cveEnt: state }, 10, 0);
    expect(inState.items.every((i) => i.institution.cveEnt === state)).toBe(true);
  });

  it('reads one institution with its versions, their snapshots and the verdicts on its claims', async () => {
    const inst = answered[0];
    const detail = await repo.memberDetail(ds, fx.roundId, inst);
    expect(detail).toMatchObject({
      institution: { id: inst },
      status: 'submitted',
      version: 1,
      questionnaireVersion: 1,
    });
    expect(detail?.definition).toHaveProperty('pages');
    expect(await repo.memberDetail(ds, fx.roundId, NOBODY)).toBeUndefined();
    // An institution without a response still shows the round's questionnaire.
    expect(await repo.memberDetail(ds, fx.roundId, silent[2] ?? silent[0])).toMatchObject({
      questionnaireVersion: 1,
    });

    const history = await repo.versionHistory(ds, detail!.responseId!);
    expect(history).toEqual([
      { version: 1, submittedAt: expect.any(Date), cleared: [], data: expect.any(Object), evidenceCount: 0 },
    ]);
    const snapshot = await repo.versionSnapshot(ds, fx.roundId, inst, 1);
    expect(snapshot).toEqual({
      responseId: detail!.responseId,
      version: 1,
      submittedAt: history[0].submittedAt,
      data: history[0].data,
      cleared: [],
      evidence: [],
    });
    expect(await repo.versionSnapshot(ds, fx.roundId, inst, 2)).toBeUndefined();

    const verdicts = await repo.claimVerdicts(ds, fx.roundId, inst);
    const [{ n }]: Array<{ n: number }> = await ds.query(
      'SELECT count(*)::int AS n FROM verdict WHERE round_id = $1 AND institution_id = $2',
      [fx.roundId, inst],
    );
    expect(n).toBeGreaterThan(0);
    expect(verdicts).toHaveLength(n);
    for (const v of verdicts) {
      expect(v).toEqual({
        questionName: expect.any(String),
        validator: expect.any(String),
        verdict: expect.any(String),
        standing: expect.any(String),
        evidenceUrl: null,
        evidenceFileId: null,
        comment: null,
        createdAt: expect.any(Date),
      });
    }
  });
});
