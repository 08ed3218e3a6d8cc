import fc from 'fast-check';
import { decodeItemList } from '@apertura/db';
import {
  buildInstitution,
  computeAggregates,
  computeInstitution,
  DEFAULT_METHOD_SETTINGS,
  finalizeBuilt,
  INDICATORS,
} from '@apertura/metric';
import type { InstitutionInput, ScoredAnswer } from '@apertura/metric';
import { aggregationUniverse, placementsFor, refinalized, roundPool, storedForm } from './aggregation-input';
import type { InstitutionProvenance, QuestionnaireRecord } from './metric-inputs';
import { CopyEncoder } from './copy-stream';
import { addResultLine, resultLine } from './result-lines';
import {
  aggregateResultRows,
  governmentItemsJson,
  institutionResultRows,
  missingReasons,
  repooledRows,
  slimForWriting,
} from './to-result-rows';

const a = (name: string, component: string, score: number, verifiable = false, weight = 1): ScoredAnswer => ({
  name,
  component,
  score,
  verifiable,
  weight,
});

const SELF_REPORT: ScoredAnswer[] = [
  a('ai1', 'TG.AI', 1, true),
  a('ai2', 'TG.AI', 0.5),
  a('tr1', 'TG.TR', 1, true, 2),
  a('tp1', 'TG.TP', 0),
  a('mec1', 'PG.Mec', 1, true),
  a('fun1', 'PG.Fun', 0.5),
];

const report = (id: string, validator: string, v: number): InstitutionInput['citizenReports'][number] => ({
  reportId: id,
  validatorId: validator,
  answers: [a(`d-${id}`, 'TC.Disp', 1), a('clar', 'TC.Clar', v), a('met', 'PC.Met', 1), a('recep', 'PC.Recep', v)],
});

const PROVENANCE: InstitutionProvenance = {
  selfReport: { responseId: 'resp-1', version: 2, submittedAt: '2025-05-01T00:00:00.000Z', questionnaireId: 'q-inst' },
  evidenceFiles: [],
  verdicts: { confirmed: 2, refuted: 1, unverifiable: 1 },
  citizenReports: 3,
  citizenQuestionnaireIds: ['q-cit'],
  validators: 3,
};
const QUESTIONNAIRES: QuestionnaireRecord[] = [
  { id: 'q-inst', kind: 'institution', slug: 'autoevaluacion', version: 2, checksum: 'a'.repeat(64) },
  { id: 'q-cit', kind: 'citizen', slug: 'ciudadano', version: 1, checksum: 'b'.repeat(64) },
];

const full: InstitutionInput = {
  institutionId: 'inst-a',
  selfReport: SELF_REPORT,
  verifications: { ai1: { confirmed: 2, refuted: 1 }, tr1: { confirmed: 0, refuted: 1 } },
  citizenReports: [
    report('r1', 'validator-uuid-1', 0.75),
    report('r2', 'validator-uuid-2', 0.5),
    report('r3', 'validator-uuid-3', 0.25),
  ],
};

describe('institutionResultRows', () => {
  const result = computeInstitution(full);
  const rows = institutionResultRows(result, PROVENANCE, QUESTIONNAIRES);
  const byIndicator = new Map(rows.map((r) => [r.indicator, r]));

  it('has one row per indicator, then one per component, all institution-scoped and unweighted', () => {
    expect(rows.slice(0, INDICATORS.length).map((r) => r.indicator)).toEqual([...INDICATORS]);
    expect(rows.slice(INDICATORS.length).map((r) => r.indicator)).toEqual(
      ['TG.AI', 'TG.TP', 'TG.TR', 'PG.Fun', 'PG.Mec', 'PC.Met', 'PC.Recep', 'TC.Clar', 'TC.Disp'].sort((x, y) => {
        // government components first (code order), then citizen components (code order)
        const g = (c: string): number => (c.startsWith('TG') || c.startsWith('PG') ? 0 : 1);
        return g(x) - g(y) || (x < y ? -1 : x > y ? 1 : 0);
      }),
    );
    expect(new Set(rows.map((r) => `${r.scope}/${r.scopeKey}/${r.aggregation}`))).toEqual(
      new Set(['institution/inst-a/unweighted']),
    );
    expect(new Set(rows.map((r) => r.indicator)).size).toBe(rows.length);
  });

  it('copies every Estimate field into columns and details', () => {
    const i = result.values.I!;
    expect(byIndicator.get('I')).toMatchObject({
      estimate: i.estimate,
      se: i.se,
      lo: i.lo,
      hi: i.hi,
      cv: i.cv,
      n: 3,
      populationSize: null,
      status: i.status,
      needed: i.needed,
      formula: i.formula,
      neededReports: i.neededReports,
      details: {
        n: 3,
        df: 3,
        interval: 't',
        nu: i.nu,
        reasons: i.reasons,
        sd: i.sd,
        halfWidth: i.halfWidth,
        pendingRefutations: 0,
      },
    });
  });

  it('stores the institution summary and its inputs on the I row only', () => {
    const details = byIndicator.get('I')!.details;
    expect(details.institution).toEqual({
      selfReported: true,
      citizenReports: 3,
      validators: 3,
      verified: true,
      validated: true,
      headline: 'I',
      neededReports: result.neededReports,
      pendingRefutations: 0,
      warnings: result.warnings,
    });
    expect(details.inputs).toMatchObject({
      selfReport: { responseId: 'resp-1', version: 2 },
      verdicts: { confirmed: 2, refuted: 1, unverifiable: 1 },
    });
    expect((details.inputs as { questionnaires: unknown[] }).questionnaires).toHaveLength(2);
    // Read by the API from the self-report version itself, not copied into every rebuild's rows.
    expect(details.inputs).not.toHaveProperty('evidenceUrls');
    expect(byIndicator.get('T')!.details.institution).toBeUndefined();
  });

  it('shows s and s′ with verification counts per item on government component rows', () => {
    const ai = byIndicator.get('TG.AI')!;
    expect(ai.estimate).toBeCloseTo((1 * (2 / 3) + 0.5) / 2, 12);
    expect(ai.details).toMatchObject({ kind: 'government', raw: 0.75, interval: 'exact' });
    expect(ai.details.items).toMatchObject({ format: 'packed', name: ['ai1', 'ai2'] });
    expect(decodeItemList(ai.details.items)).toEqual([
      expect.objectContaining({
        name: 'ai1',
        s: 1,
        sValidated: 1 * (2 / 3),
        confirmed: 2,
        refuted: 1,
        verification: 'mixed',
      }),
      expect.objectContaining({ name: 'ai2', s: 0.5, sValidated: 0.5, verification: 'not_verifiable' }),
    ]);
    expect(byIndicator.get('TC.Clar')!.details).toMatchObject({ kind: 'citizen', reports: 3, validators: 3 });
  });

  it('keeps sub-index partial/missing information on sub-index rows', () => {
    expect(byIndicator.get('TG')!.details.subIndex).toMatchObject({ partial: true, missing: ['TG.DA'] });
    expect(byIndicator.get('TG_raw')!.details.subIndex).toMatchObject({ partial: true });
  });

  it('never stores validator identities', () => {
    expect(JSON.stringify(rows)).not.toContain('validator-uuid');
  });

  it('keeps a row for every indicator it cannot compute, with why and what is needed', () => {
    const noCitizens = computeInstitution({ ...full, citizenReports: [] });
    const r = new Map(institutionResultRows(noCitizens, PROVENANCE, QUESTIONNAIRES).map((x) => [x.indicator, x]));
    // §6 needed sample at the bound of I, (0.5·0.5)², projected at I_G (no pool yet).
    const needed = noCitizens.neededReports;
    expect(needed).toBe(27);
    expect(r.get('I')).toMatchObject({
      estimate: null,
      status: 'not_validated',
      needed,
      neededReports: needed,
      n: 0,
      details: { missing: ['no_citizen_data'], reasons: ['no_citizen_data'] },
    });
    expect(r.get('I_G')).toMatchObject({ status: 'not_validated', needed });
    // Verified (ai1 has counted verdicts) but no citizen reports: ΔG exists, not_validated.
    expect(r.get('DELTA_G')?.estimate).not.toBeNull();
    expect(r.get('I_G')!.estimate).toBeCloseTo(noCitizens.values.I_G!.estimate, 15);

    const nothing = computeInstitution({ institutionId: 'x', selfReport: null, verifications: {}, citizenReports: [] });
    const n = new Map(
      institutionResultRows(nothing, { ...PROVENANCE, selfReport: null }, QUESTIONNAIRES).map((x) => [x.indicator, x]),
    );
    expect(n.get('I')!.details.missing).toEqual(['no_self_report', 'no_citizen_data']);
    // Only a self-report can give it an I_G: no number of citizen reports can (never "0 needed").
    expect(n.get('I_G')).toMatchObject({ estimate: null, needed: null, details: { missing: ['no_self_report'] } });
    expect(n.get('I_G')!.details.reasons).toContain('not_reachable_by_sampling');
    expect(n.get('DELTA_G')).toMatchObject({ estimate: null, needed: null });
  });

  it('explains missing values', () => {
    const onlyCitizens = computeInstitution({ ...full, selfReport: null, verifications: {} });
    expect(missingReasons('I', onlyCitizens)).toEqual(['no_self_report']);
    expect(missingReasons('TC', onlyCitizens)).toEqual(['missing_components']);
  });
});

describe('aggregateResultRows', () => {
  it('maps every aggregate row with its universe and coverage', () => {
    const placements = [
      { institutionId: 'a', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'ayuntamiento' },
      { institutionId: 'b', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'organismo' },
    ];
    const stored = new Map([['a', storedForm(computeInstitution({ ...full, institutionId: 'a' }), null).value]]);
    const agg = computeAggregates(
      placementsFor(placements, stored, DEFAULT_METHOD_SETTINGS, null),
      aggregationUniverse(placements, { '15106': 910608 }),
    );
    const rows = aggregateResultRows(agg);
    expect(rows).toHaveLength(agg.length);
    const mun = rows.find((r) => r.scope === 'municipality' && r.indicator === 'I')!;
    const src = agg.find((r) => r.scope === 'municipality' && r.indicator === 'I')!;
    expect(mun).toMatchObject({
      scopeKey: '15106',
      aggregation: 'unweighted',
      estimate: src.estimate,
      populationSize: 2,
      status: src.status,
      needed: src.needed,
    });
    expect(mun.details.coverage).toEqual(src.coverage);
  });
});

describe('item lists serialised early (a rebuild keeps strings, not item objects)', () => {
  it('gives the same COPY lines as rows built from the item objects', () => {
    const result = computeInstitution(full);
    const plain = institutionResultRows(result, PROVENANCE, QUESTIONNAIRES).map(resultLine);
    const early = institutionResultRows(
      { ...result, items: [] },
      PROVENANCE,
      QUESTIONNAIRES,
      governmentItemsJson(result.items),
    ).map(resultLine);
    expect(early).toEqual(plain);
  });

  it('writes an empty item list for a component without answered items', () => {
    const result = computeInstitution(full);
    const early = institutionResultRows(result, PROVENANCE, QUESTIONNAIRES, new Map());
    const plain = institutionResultRows({ ...result, items: [] }, PROVENANCE, QUESTIONNAIRES);
    expect(early.map(resultLine)).toEqual(plain.map(resultLine));
  });

  it('encodes a row in pieces exactly as its COPY line', () => {
    const result = computeInstitution(full);
    const rows = institutionResultRows(result, PROVENANCE, QUESTIONNAIRES, governmentItemsJson(result.items));
    const encoder = new CopyEncoder();
    for (const r of rows) addResultLine(encoder, r);
    expect(Buffer.concat(encoder.finish().chunks).toString('utf8')).toBe(rows.map(resultLine).join(''));
  });

  it('gives the same COPY lines from an institution slimmed for writing', () => {
    const plain = institutionResultRows(computeInstitution(full), PROVENANCE, QUESTIONNAIRES).map(resultLine);
    const { built, itemsJson } = slimForWriting(buildInstitution(full));
    const slim = finalizeBuilt(built, DEFAULT_METHOD_SETTINGS, null);
    expect(slim.citizenComponents.every((c) => c.values.length === 0 && c.validators.length === 0)).toBe(true);
    expect(institutionResultRows(slim, PROVENANCE, QUESTIONNAIRES, itemsJson).map(resultLine)).toEqual(plain);
  });
});

describe('repooledRows (what a moved pool rewrites)', () => {
  const score = fc.integer({ min: 0, max: 4 }).map((k) => k / 4);
  /** An institution with a self-report (or none) and 0–4 citizen reports, some of them from one validator. */
  const institution = (id: string): fc.Arbitrary<InstitutionInput> =>
    fc
      .record({
        selfReported: fc.boolean(),
        self: fc.array(score, { minLength: 6, maxLength: 6 }),
        reports: fc.array(fc.record({ validator: fc.integer({ min: 0, max: 3 }), v: score }), { maxLength: 4 }),
      })
      .map(({ selfReported, self, reports }) => ({
        institutionId: id,
        selfReport: selfReported ? SELF_REPORT.map((x, k) => ({ ...x, score: self[k] })) : [],
        verifications: {},
        citizenReports: reports.map((r, k) => report(`${id}-r${k}`, `${id}-v${r.validator}`, r.v)),
      }));
  const round = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 7 })
    .chain((ids) => fc.tuple(...[...new Set(ids)].map((n) => institution(`inst-${n}`))));

  it('leaves out exactly the rows that equal what the previous pool wrote', () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 1, max: 6 }), (inputs, cut) => {
        // The stored results under the pool of some institutions, then re-finalised under the round's.
        const computed = inputs.map((i) => computeInstitution(i));
        const before = roundPool(computed.slice(0, Math.min(cut, computed.length - 1)));
        const after = roundPool(computed);
        for (const input of inputs) {
          const stored = storedForm(computeInstitution(input, DEFAULT_METHOD_SETTINGS, before), before).value;
          const next = refinalized(stored, DEFAULT_METHOD_SETTINGS, after);
          if (next === null) continue;
          const previousRows = new Map(repooledRows(stored).map((r) => [r.indicator, r]));
          const everyRow = repooledRows(next.value);
          const moved = new Map(repooledRows(next.value, stored).map((r) => [r.indicator, r]));
          for (const row of everyRow) {
            if (moved.has(row.indicator)) expect(moved.get(row.indicator)).toEqual(row);
            else expect(row).toEqual(previousRows.get(row.indicator));
          }
          expect(moved.size).toBeLessThanOrEqual(everyRow.length);
          if (!next.changed) expect(moved.size).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
