import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { METHOD_ID, METHOD_VERSION, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import { deriveToken } from '@apertura/config';
import { DueProcessSweepService } from '../apps/worker/src/due-process/due-process-sweep.service';
import { startWorker } from '../apps/worker/src/main';
import { rankRows, RankRow } from '../apps/worker/src/metric/rank-rows';
import { RankRepository } from '../apps/worker/src/metric/rank.repository';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken, Staff, TEST_PASSWORD, userIdByEmail } from './support/fixtures';
import { client, Client, ResponseJson } from './support/http';
import { resultSnapshot, until } from './support/metric-helpers';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';
import { startSmtp, TestSmtp } from './support/smtp';

/**
 * Metric workers and the results API end to end: the API and a worker (in process) on one
 * database. A real round goes through the real endpoints (defaults, universe import, round
 * open, respondent submit, validator verdict and report) and its results are awaited by polling;
 * a fixture round checks the full rebuild, its determinism and the results API.
 */

const SELF_REPORT = {
  resp_cargo: 'Titular de la Unidad de Transparencia',
  resp_correo: 'ut@toluca.example',
  ai_unidad: true,
  ai_canales: ['pnt', 'correo'],
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://toluca.example/procedimiento',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://toluca.example/estadisticas',
  tr_obligaciones_pct: 80,
  tr_actualizacion: 'trimestral',
  tr_portal: true,
  tr_portal_evidencia: 'https://toluca.example/portal',
  tp_publica: true,
  tp_demanda: ['solicitudes_frecuentes'],
  tp_lenguaje: 'parcial',
  tp_lenguaje_evidencia: 'https://toluca.example/lenguaje',
  da_conjuntos: 3,
  da_licencia: 'abierta',
  da_metadatos: ['diccionario', 'fecha'],
  da_actualizacion: 'algunos',
  da_actualizacion_evidencia: 'https://toluca.example/datos',
  mec_existe: true,
  mec_tipos: ['consejo'],
  mec_reglas: true,
  mec_reglas_evidencia: 'https://toluca.example/reglas',
  act_sectores: ['sociedad_civil', 'academia'],
  act_seleccion: 'convocatoria',
  fun_sesiones: 2,
  fun_actas: 'algunas',
  fun_actas_evidencia: 'https://toluca.example/actas',
  fun_convocatoria: true,
  form_tipo: 'consultivo',
  form_vinculante: 'respuesta',
  seg_acuerdos: 'algunos',
  seg_cumplidos_pct: 50,
  seg_respuesta: false,
};

const REPORT = {
  tipo_gestion: ['solicitud', 'propuesta'],
  folio: 'PNT-2026-0001',
  tc_respuesta: 'si',
  tc_claridad: 4,
  tc_completitud: 'completa',
  tc_dias: 12,
  pc_medio: 'facil',
  pc_acuse: true,
  pc_respuesta: 'fondo',
  pc_dias: 10,
};

const UNIVERSE_CSV =
  'name,type,level,cve_ent,cvegeo,email,key\n' +
  'Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.example,toluca\n' +
  'DIF Toluca,dif municipal,municipal,15,15106,ut@dif-toluca.example,dif-toluca\n' +
  'Ayuntamiento de Metepec,ayuntamiento,municipal,15,15054,ut@metepec.example,metepec\n';

interface Value {
  indicator: string;
  estimate: number | null;
  status: string;
  reasons: string[];
  missing?: string[];
}

describe('metric workers and results API', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let analyst: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  const asAdmin = (): { token: string } => ({ token: staff.adminToken });

  describe('a real round: each change reaches the institution and its municipality', () => {
    let roundId: string;
    let toluca: string;
    let invitation: string;
    let validator: { id: string; token: string; email: string; displayName: string };
    let assignmentId: string;
    let igAfterSubmission: number;

    const detail = async (): Promise<ResponseJson> =>
      (await http.get(`/api/rounds/${roundId}/results/institutions/${toluca}`, { token: analyst })).body;
    const valueOf = (d: { values: Value[] }, indicator: string): Value | undefined =>
      d.values.find((v) => v.indicator === indicator);
    const municipality = async (indicator: string): Promise<ResponseJson> => {
      const r = await http.get(`/api/rounds/${roundId}/results/areas?scope=municipality&indicator=${indicator}`, {
        token: analyst,
      });
      return r.body.items.find((x: { scopeKey: string }) => x.scopeKey === '15106');
    };

    beforeAll(async () => {
      const defaults = await http.post('/api/questionnaires/defaults', undefined, asAdmin());
      expect(defaults.status).toBe(200);
      const qid = (kind: string): string => defaults.body.items.find((q: { kind: string }) => q.kind === kind).id;
      const imported = await http.request('POST', '/api/universe/import', undefined, {
        ...asAdmin(),
        raw: UNIVERSE_CSV,
        headers: { 'content-type': 'text/csv' },
      });
      expect(imported.body).toMatchObject({ inserted: 3 });
      const round = await http.post(
        '/api/rounds',
        {
          name: 'Diagnóstico Toluca-Metepec',
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
          institutionQuestionnaireId: qid('institution'),
          citizenQuestionnaireId: qid('citizen'),
          universeSelection: { cveEnt: ['15'] },
        },
        asAdmin(),
      );
      expect(round.status).toBe(201);
      roundId = round.body.id;
      expect((await http.post(`/api/rounds/${roundId}/open`, undefined, asAdmin())).status).toBe(200);
      const [row] = await t.ds.query(
        `SELECT v.id, v.institution_id FROM invitation v JOIN institution i ON i.id = v.institution_id WHERE v.round_id = $1 AND i.key = 'toluca' AND v.revoked_at IS NULL`,
        [roundId],
      );
      toluca = row.institution_id;
      invitation = deriveToken(t.env.TOKEN_SECRET, 'invitation', row.id);
    });

    it('shows nothing before any input, and a GET computes nothing', async () => {
      const d = await detail();
      expect(d).toMatchObject({
        computed: false,
        values: [],
        headline: null,
        institution: { id: toluca, municipality: 'Toluca', state: 'México' },
      });
      const summary = await http.get(`/api/rounds/${roundId}/results/summary`, { token: analyst });
      expect(summary.body).toMatchObject({
        computed: false,
        coverage: { institutions: 3 },
        national: [],
        notice: VOLUNTEER_SAMPLE_NOTICE,
      });
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1', [roundId]);
      expect(n).toBe(0);
    });

    it('a submission appears in the institution and its municipality', async () => {
      const submitted = await http.post(
        '/api/respond/submit',
        { data: SELF_REPORT, idempotencyKey: `submit-${randomUUID()}` },
        { invitation },
      );
      expect(submitted.status).toBe(201);

      const d = await until(detail, (x) => x.computed && valueOf(x, 'I_G')?.estimate != null, 'institution I_G');
      const ig = valueOf(d, 'I_G') as Value;
      igAfterSubmission = ig.estimate as number;
      expect(ig.status).toBe('not_validated');
      expect(valueOf(d, 'I')).toMatchObject({ estimate: null, status: 'not_validated', missing: ['no_citizen_data'] });
      expect(d.summary).toMatchObject({ selfReported: true, citizenReports: 0, validators: 0, headline: 'I_G' });
      expect(d.headline.indicator).toBe('I_G');
      expect(d.inputs.selfReport).toMatchObject({ responseId: submitted.body.responseId, version: 1 });
      expect(d.inputs.evidenceUrls).toContainEqual({
        item: 'ai_procedimiento',
        question: 'ai_procedimiento_evidencia',
        url: 'https://toluca.example/procedimiento',
      });
      expect(d.provenance).toMatchObject({ methodId: METHOD_ID, methodVersion: METHOD_VERSION });
      expect(d.provenance.questionnaires.map((q: { kind: string }) => q.kind)).toEqual(['institution', 'citizen']);
      const ai = d.components.find((c: { code: string }) => c.code === 'TG.AI');
      expect(ai.items.find((i: { name: string }) => i.name === 'ai_procedimiento')).toMatchObject({
        s: 1,
        sValidated: 1,
        verification: 'unverified',
      });

      const mun = await until(
        () => municipality('I_G'),
        (m) => m?.value.estimate != null,
        'municipality I_G',
      );
      expect(mun).toMatchObject({
        name: 'Toluca',
        cveEnt: '15',
        value: { estimate: igAfterSubmission, N: 2, coverage: { responding: 1, universe: 2 } },
      });
    });

    it('a verdict changes the validated scores of the institution and its municipality', async () => {
      const reg = await http.post('/api/citizens/register', {
        email: 'valida@example.org',
        password: TEST_PASSWORD,
        displayName: 'Valeria Validadora',
        consent: true,
        privacyNoticeVersion: '2025-01',
      });
      expect(reg.status).toBe(202);
      const validatorId = await userIdByEmail(t.ds, 'valida@example.org');
      const [ver] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [validatorId]);
      expect(
        (await http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', ver.id) })).status,
      ).toBe(200);
      const login = await http.post('/api/auth/login', { email: 'valida@example.org', password: TEST_PASSWORD });
      validator = {
        id: validatorId,
        token: login.body.accessToken,
        email: 'valida@example.org',
        displayName: 'Valeria Validadora',
      };
      expect((await http.post(`/api/rounds/${roundId}/validation/open`, undefined, asAdmin())).status).toBe(200);
      const assigned = await http.post(
        `/api/citizens/rounds/${roundId}/assignments`,
        { max: 10 },
        { token: validator.token },
      );
      assignmentId = assigned.body.items.find((a: { institution: { id: string } }) => a.institution.id === toluca).id;

      const verdict = await http.put(
        `/api/citizens/assignments/${assignmentId}/verdicts/ai_procedimiento`,
        { verdict: 'refuted', comment: 'No hay procedimiento publicado.' },
        { token: validator.token },
      );
      expect(verdict.status).toBe(200);

      // §3.1: a refutation is pending until the institution's reply window has passed: shown, not counted.
      const pending = await until(detail, (x) => x.summary?.pendingRefutations === 1, 'pending refutation');
      expect((valueOf(pending, 'I_G') as Value).estimate).toBe(igAfterSubmission);
      expect((valueOf(pending, 'I_G') as Value).reasons).toContain('pending_refutations');
      expect(valueOf(pending, 'DELTA_G')).toMatchObject({
        estimate: null,
        status: 'not_validated',
        reasons: ['not_estimable'],
      });

      // The institution was notified 11 days ago and did not dispute: the sweep closes the window.
      await t.ds.query(
        `UPDATE verdict SET notified_at = now() - interval '11 days' WHERE round_id = $1 AND question_name = 'ai_procedimiento'`,
        [roundId],
      );
      await until(
        () => worker.get(DueProcessSweepService).sweep(),
        (r) => r.windowsClosed === 1,
        'reply window closed',
      );

      const d = await until(
        detail,
        (x) =>
          x.components
            .find((c: { code: string }) => c.code === 'TG.AI')
            ?.items.find((i: { name: string }) => i.name === 'ai_procedimiento')?.refuted === 1,
        'refuted claim',
      );
      const item = d.components
        .find((c: { code: string }) => c.code === 'TG.AI')
        .items.find((i: { name: string }) => i.name === 'ai_procedimiento');
      expect(item).toMatchObject({ s: 1, sValidated: 0, confirmed: 0, refuted: 1, verification: 'refuted' });
      expect(d.summary.pendingRefutations).toBe(0);
      const ig = (valueOf(d, 'I_G') as Value).estimate as number;
      expect(ig).toBeLessThan(igAfterSubmission);
      // Verified now (a counted verdict): ΔG exists.
      expect((valueOf(d, 'DELTA_G') as Value).estimate).toBeGreaterThan(0);
      expect(d.inputs.verdicts).toEqual({ confirmed: 0, refuted: 1, unverifiable: 0 });
      await until(
        () => municipality('I_G'),
        (m) => m?.value.estimate === ig,
        'municipality I_G after the verdict',
      );
    });

    it('a citizen report adds the citizen perspective: I for the institution and its municipality', async () => {
      const saved = await http.put(
        `/api/citizens/assignments/${assignmentId}/report`,
        { data: REPORT },
        { token: validator.token },
      );
      expect(saved.status).toBe(200);

      const d = await until(detail, (x) => valueOf(x, 'I')?.estimate != null, 'institution I');
      expect(valueOf(d, 'TC')?.estimate).not.toBeNull();
      expect(valueOf(d, 'I')).toMatchObject({ status: 'inconclusive' }); // one validator < 5
      expect(d.summary).toMatchObject({ citizenReports: 1, validators: 1, headline: 'I' });
      expect(d.inputs).toMatchObject({ citizenReports: 1, validators: 1 });
      expect(
        d.components
          .filter((c: { kind: string }) => c.kind === 'citizen')
          .map((c: { code: string; reports: number }) => [c.code, c.reports]),
      ).toContainEqual(['TC.Disp', 1]);
      // Pseudonymous counts only: never who the validator is.
      const body = JSON.stringify(d);
      expect(body).not.toContain(validator.email);
      expect(body).not.toContain(validator.displayName);
      expect(body).not.toContain(validator.id);

      const i = (valueOf(d, 'I') as Value).estimate;
      const mun = await until(
        () => municipality('I'),
        (m) => m?.value.estimate === i,
        'municipality I',
      );
      expect(mun.value.coverage).toMatchObject({ responding: 1, citizenReports: 1 });
      const summary = await until(
        async () => (await http.get(`/api/rounds/${roundId}/results/summary`, { token: analyst })).body,
        (s) =>
          s.national.some(
            (v: Value & { aggregation: string }) =>
              v.indicator === 'I' && v.aggregation === 'unweighted' && v.estimate === i,
          ),
        'national I',
      );
      expect(summary).toMatchObject({
        computed: true,
        synthetic: false,
        coverage: { institutions: 3, withSelfReport: 1, withCitizenData: 1 },
      });
    });

    it('a full rebuild of the same inputs reproduces the incremental results bit for bit', async () => {
      const incremental = await resultSnapshot(t.ds, roundId);
      const requested = await http.post(`/api/rounds/${roundId}/recompute`, undefined, asAdmin());
      expect(requested.status).toBe(202);
      const run = await until(
        async () =>
          (await http.get(`/api/rounds/${roundId}/recompute/${requested.body.runId}`, { token: staff.adminToken }))
            .body,
        (r) => r.status === 'done' || r.status === 'failed',
        'recompute run',
      );
      expect(run).toMatchObject({ status: 'done', progress: 100 });
      const full = await resultSnapshot(t.ds, roundId);
      const byKey = new Map(full.map((r) => [`${r.scope}/${r.scope_key}/${r.aggregation}/${r.indicator}`, r]));
      // The rebuild adds the rows of institutions that never had an input; every incremental row is unchanged.
      for (const r of incremental)
        expect(byKey.get(`${r.scope}/${r.scope_key}/${r.aggregation}/${r.indicator}`)).toEqual(r);
      expect(new Set(full.filter((r) => r.scope === 'institution').map((r) => r.scope_key)).size).toBe(3);
    });
  });

  describe('full rebuild and the results API on a fixture round', () => {
    let fx: RoundFixture;

    const recompute = async (): Promise<ResponseJson> => {
      const requested = await http.post(`/api/rounds/${fx.roundId}/recompute`, undefined, asAdmin());
      expect(requested.status).toBe(202);
      return until(
        async () =>
          (await http.get(`/api/rounds/${fx.roundId}/recompute/${requested.body.runId}`, { token: analyst })).body,
        (r) => r.status === 'done' || r.status === 'failed',
        'recompute run',
      );
    };

    beforeAll(async () => {
      fx = await buildRoundFixture(t.ds, {
        seed: 'metric-e2e',
        institutions: 40,
        municipalities: 6,
        guarantorId: staff.guarantorId,
        status: 'closed',
        reportsPerInstitution: [0, 6],
      });
    });

    it('rebuilds the round, reporting progress, and an unchanged round gives bit-identical numbers', async () => {
      const first = await recompute();
      expect(first).toMatchObject({ status: 'done', progress: 100, error: null });
      expect(Number(first.watermark)).toBeGreaterThan(0);
      const a = await resultSnapshot(t.ds, fx.roundId);
      expect(a.length).toBeGreaterThan(40 * 12);
      expect(new Set(a.map((r) => r.scope))).toEqual(
        new Set(['institution', 'municipality', 'state', 'national', 'level', 'type']),
      );
      const second = await recompute();
      expect(second.status).toBe('done');
      expect(BigInt(second.watermark)).toBeGreaterThan(BigInt(first.watermark));
      expect(await resultSnapshot(t.ds, fx.roundId)).toEqual(a);
      const [{ stale }] = await t.ds.query(
        'SELECT count(*)::int AS stale FROM metric_result WHERE round_id = $1 AND watermark <> $2::bigint',
        [fx.roundId, second.watermark],
      );
      expect(stale).toBe(0);
      // The round's first rankings were analysed with them: the ranking pages are planned on statistics.
      const [{ reltuples }] = await t.ds.query(
        `SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'metric_rank'`,
      );
      expect(reltuples).toBeGreaterThan(0);
      // The rebuild ranks from the values it computed, before they are read back: the stored rankings are
      // exactly those of the rows it wrote (what an area job ranks from).
      const stored: RankRow[] = (
        await t.ds.query(
          `SELECT ranking, group_key AS "groupKey", indicator, scope_key AS "scopeKey", "position", lo, hi, "of", seed FROM metric_rank
            WHERE round_id = $1 AND watermark = $2::bigint ORDER BY ranking, group_key, indicator, "position", scope_key`,
          [fx.roundId, second.watermark],
        )
      ).map((r: RankRow) => ({ ...r }));
      const fromRows = rankRows(fx.roundId, await new RankRepository(t.ds).loadRankInputs(fx.roundId));
      const order = (r: RankRow): string =>
        [r.ranking, r.groupKey, r.indicator, String(r.position).padStart(8, '0'), r.scopeKey].join('|');
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toEqual([...fromRows].sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0)));
    });

    it('lists institutions with pagination, filters and sorting', async () => {
      const base = `/api/rounds/${fx.roundId}/results/institutions`;
      const seen = new Set<string>();
      for (let page = 1; page <= 6; page++) {
        const r = await http.get(`${base}?page=${page}&pageSize=7`, { token: analyst });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ total: 40, page, pageSize: 7 });
        for (const item of r.body.items) seen.add(item.institution.id);
      }
      expect([...seen].sort()).toEqual(fx.institutionIds);

      const byName = await http.get(`${base}?pageSize=200`, { token: analyst });
      const names = byName.body.items.map((x: { institution: { name: string } }) => x.institution.name);
      expect(
        byName.body.items.every(
          (x: { value: Value | null }) => x.value !== null && ['I', 'I_G'].includes(x.value.indicator),
        ),
      ).toBe(true);
      expect(names).toEqual([...names].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)));

      const desc = await http.get(`${base}?indicator=I_G&sort=-estimate&pageSize=200`, { token: analyst });
      const estimates = desc.body.items.map((x: { value: Value }) => x.value.estimate);
      const present = estimates.filter((e: number | null) => e !== null);
      expect(present).toEqual([...present].sort((p: number, q: number) => q - p));
      expect(estimates.slice(present.length).every((e: number | null) => e === null)).toBe(true);

      const [{ estatal }] = await t.ds.query(
        `SELECT count(*)::int AS estatal FROM round_institution ri JOIN institution i ON i.id = ri.institution_id WHERE ri.round_id = $1 AND i.level = 'estatal'`,
        [fx.roundId],
      );
      const level = await http.get(`${base}?level=estatal&pageSize=200`, { token: analyst });
      expect(level.body.total).toBe(estatal);
      expect(level.body.items.every((x: { institution: { level: string } }) => x.institution.level === 'estatal')).toBe(
        true,
      );

      const cvegeo = fx.municipalities[0];
      const inMun = await http.get(`${base}?cvegeo=${cvegeo}&pageSize=200`, { token: analyst });
      expect(inMun.body.total).toBeGreaterThan(0);
      expect(
        inMun.body.items.every(
          (x: { institution: { cvegeo: string; cveEnt: string } }) => x.institution.cvegeo === cvegeo,
        ),
      ).toBe(true);
      const state = await http.get(`${base}?cveEnt=${cvegeo.slice(0, 2)}&pageSize=200`, { token: analyst });
      expect(state.body.total).toBeGreaterThanOrEqual(inMun.body.total);

      const notValidated = await http.get(`${base}?indicator=I&status=not_validated&pageSize=200`, { token: analyst });
      expect(notValidated.body.items.every((x: { value: Value }) => x.value.status === 'not_validated')).toBe(true);
      const [{ nv }] = await t.ds.query(
        `SELECT count(*)::int AS nv FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND indicator = 'I' AND status = 'not_validated'`,
        [fx.roundId],
      );
      expect(notValidated.body.total).toBe(nv);

      expect((await http.get(`${base}?pageSize=201`, { token: analyst })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'pageSize',
      });
      expect((await http.get(`${base}?indicator=XYZ`, { token: analyst })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'indicator',
      });
    });

    it('lists areas with names, uncertainty and the three aggregations', async () => {
      const base = `/api/rounds/${fx.roundId}/results/areas`;
      const mun = await http.get(`${base}?scope=municipality&pageSize=2&sort=name`, { token: analyst });
      expect(mun.body).toMatchObject({ total: fx.municipalities.length, pageSize: 2 });
      expect(mun.body.items[0]).toMatchObject({
        scope: 'municipality',
        value: { indicator: 'I', aggregation: 'unweighted' },
      });
      expect(typeof mun.body.items[0].name).toBe('string');
      expect(mun.body.items[0].name).not.toBe(mun.body.items[0].scopeKey);

      for (const aggregation of ['unweighted', 'mean_of_municipalities', 'population_weighted']) {
        const st = await http.get(`${base}?scope=state&aggregation=${aggregation}&indicator=I_G`, { token: analyst });
        expect(st.body.total).toBeGreaterThan(0);
        expect(
          st.body.items.every(
            (x: { value: { aggregation: string; coverage: unknown } }) =>
              x.value.aggregation === aggregation && x.value.coverage !== null,
          ),
        ).toBe(true);
      }
      const nat = await http.get(`${base}?scope=national`, { token: analyst });
      expect(nat.body.items).toEqual([expect.objectContaining({ scopeKey: 'national', name: 'Nacional' })]);
      expect(nat.body.items[0].value.N).toBe(40);
      const levels = await http.get(`${base}?scope=level&indicator=I_G`, { token: analyst });
      expect(levels.body.items.map((x: { scopeKey: string }) => x.scopeKey).sort()).toEqual(
        [
          ...new Set(
            (
              await t.ds.query(
                'SELECT DISTINCT i.level FROM round_institution ri JOIN institution i ON i.id = ri.institution_id WHERE ri.round_id = $1',
                [fx.roundId],
              )
            ).map((r: { level: string }) => r.level),
          ),
        ].sort(),
      );
      const cveEnt = fx.municipalities[0].slice(0, 2);
      const filtered = await http.get(`${base}?scope=municipality&cveEnt=${cveEnt}&pageSize=200`, { token: analyst });
      expect(filtered.body.items.every((x: { cveEnt: string }) => x.cveEnt === cveEnt)).toBe(true);
      expect((await http.get(`${base}?scope=galaxy`, { token: analyst })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'scope',
      });
    });

    it('shows one institution with its components, inputs and provenance', async () => {
      const [withReports] = await t.ds.query(
        `SELECT r.institution_id FROM response r WHERE r.round_id = $1
           AND (SELECT count(DISTINCT validator_id) FROM citizen_report c WHERE c.round_id = r.round_id AND c.institution_id = r.institution_id) >= 2
         ORDER BY r.institution_id LIMIT 1`,
        [fx.roundId],
      );
      const d = (
        await http.get(`/api/rounds/${fx.roundId}/results/institutions/${withReports.institution_id}`, {
          token: analyst,
        })
      ).body;
      expect(d.computed).toBe(true);
      expect(d.values.map((v: Value) => v.indicator)).toEqual([
        'I',
        'T',
        'P',
        'TG',
        'TC',
        'PG',
        'PC',
        'I_G',
        'TG_raw',
        'PG_raw',
        'I_G_raw',
        'DELTA_G',
      ]);
      expect(d.components.length).toBeGreaterThan(5);
      expect(d.subIndices.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['TG', 'PG']));
      expect(d.inputs.selfReport.version).toBe(1);
      expect(d.inputs.citizenReports).toBeGreaterThanOrEqual(2);
      expect(d.provenance.questionnaires).toHaveLength(2);
      expect(BigInt(d.provenance.watermark)).toBeGreaterThan(0n);
      const validatorEmails: Array<{ email: string }> = await t.ds.query(
        'SELECT email FROM app_user WHERE id = ANY($1::uuid[])',
        [fx.validatorIds],
      );
      const body = JSON.stringify(d);
      for (const { email } of validatorEmails) expect(body).not.toContain(email);
      for (const id of fx.validatorIds) expect(body).not.toContain(id);

      expect(
        (await http.get(`/api/rounds/${fx.roundId}/results/institutions/${randomUUID()}`, { token: analyst })).status,
      ).toBe(404);
    });

    it('guards access: own guarantor only, recompute for admins, results public only once published', async () => {
      const other = await guarantorWithAdmin(t.ds, http);
      expect((await http.get(`/api/rounds/${fx.roundId}/results/summary`, { token: other.adminToken })).status).toBe(
        404,
      );
      expect(
        (await http.post(`/api/rounds/${fx.roundId}/recompute`, undefined, { token: other.adminToken })).status,
      ).toBe(404);
      expect((await http.post(`/api/rounds/${fx.roundId}/recompute`, undefined, { token: analyst })).status).toBe(403);
      expect((await http.get(`/api/rounds/${fx.roundId}/results/summary`)).status).toBe(401);

      const pub = `/api/public/rounds/${fx.roundId}/results`;
      for (const path of ['summary', 'institutions', `institutions/${fx.institutionIds[0]}`, 'areas?scope=national']) {
        const r = await http.get(`${pub}/${path}`);
        expect([path, r.status, r.body.code]).toEqual([path, 404, 'NOT_FOUND']);
      }
      expect((await http.get('/api/public/rounds')).body.items.map((r: { id: string }) => r.id)).not.toContain(
        fx.roundId,
      );

      const published = await http.post(
        `/api/rounds/${fx.roundId}/publish`,
        { acknowledgeInconclusive: true },
        asAdmin(),
      );
      expect(published.status).toBe(200);
      // Publishing rebuilds first (issue #13): the round turns public when that run is done.
      expect(published.body).toMatchObject({ status: 'closed', publication: { runId: expect.any(String) } });
      await until(
        () => http.get(`/api/rounds/${fx.roundId}`, asAdmin()),
        (r) => r.body.status === 'published',
        'published after its rebuild',
      );
      const rounds = await http.get('/api/public/rounds?pageSize=200');
      expect(rounds.body.items.find((r: { id: string }) => r.id === fx.roundId)).toMatchObject({
        synthetic: true,
        guarantor: { name: expect.any(String) },
      });

      const staffSummary = (await http.get(`/api/rounds/${fx.roundId}/results/summary`, { token: analyst })).body;
      const publicSummary = await http.get(`${pub}/summary`);
      expect(publicSummary.status).toBe(200);
      expect(publicSummary.body).toEqual({
        ...staffSummary,
        round: { ...staffSummary.round, status: 'published', publishedAt: expect.any(String) },
      });
      expect(publicSummary.body).toMatchObject({
        synthetic: true,
        notice: VOLUNTEER_SAMPLE_NOTICE,
        provenance: { methodId: METHOD_ID },
      });
      for (const path of ['institutions?pageSize=5', `institutions/${fx.institutionIds[0]}`, 'areas?scope=state']) {
        expect([path, (await http.get(`${pub}/${path}`)).status]).toEqual([path, 200]);
      }
    });
  });
});
