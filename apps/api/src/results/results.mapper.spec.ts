import { VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import {
  selfReportVersionToRead,
  toAreaItem,
  toInstitutionDetail,
  toPublicRound,
  toResultValue,
  toRun,
  toSummary,
} from './results.mapper';
import type { MetricRecord } from './results.repository';

const at = new Date('2025-06-01T12:00:00.000Z');
const row = (over: Partial<MetricRecord>): MetricRecord => ({
  indicator: 'I',
  aggregation: 'unweighted',
  estimate: 0.5,
  se: 0.1,
  lo: 0.3,
  hi: 0.7,
  cv: 0.2,
  n: 4,
  populationSize: null,
  status: 'inconclusive',
  needed: 3,
  neededSubjects: null,
  neededReports: 3,
  validatedShare: null,
  formula: 'I = (T + P)/2',
  details: { n: 4, N: null, df: 3, sd: 0.2, halfWidth: 0.318, interval: 't', reasons: ['below_minimum'] },
  methodId: 'mga-2017/apertura-1',
  methodVersion: '1.0.0',
  watermark: '41',
  computedAt: at,
  ...over,
});
const ROUND = {
  id: 'r1',
  name: 'Ronda',
  status: 'published',
  synthetic: true,
  publishedAt: at,
  design: { kind: 'census' },
  methodId: 'mga-2017/apertura-2',
  methodVersion: '2.0.0',
  states: [{ cveEnt: '15', name: 'México' }],
};
const NO_RANK = { position: null, lo: null, hi: null, of: null };
const INST = {
  id: 'i1',
  name: 'Ayuntamiento',
  type: 'ayuntamiento',
  level: 'municipal',
  cvegeo: '15106',
  cveEnt: '15',
  municipalityName: 'Toluca',
  stateName: 'México',
};

describe('toResultValue', () => {
  it('maps columns and the Estimate fields kept in details', () => {
    expect(toResultValue(row({}))).toEqual({
      indicator: 'I',
      aggregation: 'unweighted',
      estimate: 0.5,
      se: 0.1,
      lo: 0.3,
      hi: 0.7,
      cv: 0.2,
      halfWidth: 0.318,
      n: 4,
      N: null,
      df: 3,
      interval: 't',
      status: 'inconclusive',
      reasons: ['below_minimum'],
      needed: 3,
      neededSubjects: null,
      neededReports: 3,
      validatedShare: null,
      pendingRefutations: 0,
      methodId: 'mga-2017/apertura-1',
      methodVersion: '1.0.0',
      formula: 'I = (T + P)/2',
    });
  });

  it('keeps a census n as null, reports why a value is missing and survives malformed details', () => {
    expect(toResultValue(row({ n: 0, details: { n: null, interval: 'exact' } })).n).toBeNull();
    expect(toResultValue(row({ estimate: null, details: { missing: ['no_citizen_data', 7] } })).missing).toEqual([
      'no_citizen_data',
    ]);
    expect(toResultValue(row({ details: 'garbage' }))).toMatchObject({
      n: 4,
      interval: 'none',
      reasons: [],
      halfWidth: null,
    });
  });
});

describe('toSummary', () => {
  const coverage = (responding: number) => ({
    responding,
    universe: 10,
    citizenReports: 12,
    subjectsWithCitizenData: 3,
    municipalitiesWithData: 2,
    municipalitiesInUniverse: 4,
    meetsMinimum: false,
    neededReports: null,
    neededMunicipalities: 2,
    imputedSE: 0,
  });
  it('orders national values by indicator and aggregation and derives coverage, notice and provenance', () => {
    const s = toSummary(
      ROUND,
      [
        row({ indicator: 'I_G', details: { coverage: coverage(8) }, watermark: '50' }),
        row({ indicator: 'I', aggregation: 'population_weighted' }),
        row({ indicator: 'I', details: { coverage: coverage(3) } }),
        row({ indicator: 'DELTA_G', details: { coverage: coverage(2) } }),
      ],
      { universe: 10, withAnyCitizenReport: 5, pendingRefutations: 1 },
    );
    expect(s.national.map((v) => `${v.indicator}/${v.aggregation}`)).toEqual([
      'I/unweighted',
      'I/population_weighted',
      'I_G/unweighted',
      'DELTA_G/unweighted',
    ]);
    expect(s.coverage).toEqual({
      institutions: 10,
      withSelfReport: 8,
      withCitizenData: 3,
      municipalities: 4,
      municipalitiesWithCitizenData: 2,
      validatedInstitutions: 3,
      verifiedInstitutions: 2,
      withAnyCitizenReport: 5,
      pendingRefutations: 1,
    });
    expect(s.provenance).toEqual({
      methodId: 'mga-2017/apertura-1',
      methodVersion: '1.0.0',
      watermark: '50',
      computedAt: at.toISOString(),
    });
    expect(s.notice).toEqual(VOLUNTEER_SAMPLE_NOTICE);
    expect(s).toMatchObject({ computed: true, synthetic: true, round: { id: 'r1', publishedAt: at.toISOString() } });
    expect(s.national[0].coverage).toMatchObject({ responding: 3, neededMunicipalities: 2 });
  });

  it('says when nothing was computed yet', () => {
    expect(toSummary(ROUND, [], { universe: 5, withAnyCitizenReport: 0, pendingRefutations: 0 })).toMatchObject({
      computed: false,
      national: [],
      provenance: { watermark: null },
      coverage: { institutions: 5, withSelfReport: 0 },
    });
  });
});

describe('toInstitutionDetail', () => {
  const details = {
    n: 3,
    interval: 't',
    institution: {
      selfReported: true,
      citizenReports: 3,
      validators: 3,
      headline: 'I',
      neededReports: 2,
      warnings: ['w'],
    },
    inputs: {
      selfReport: { responseId: 'resp', version: 2, submittedAt: at.toISOString(), questionnaireId: 'q1' },
      evidenceUrls: [{ item: 'ai', question: 'ai_ev', url: 'https://x.example' }],
      evidenceFiles: [
        { id: 'f1', questionName: 'ai', filename: 'a.pdf', mimeType: 'application/pdf', size: 3, sha256: 'h' },
      ],
      verdicts: { confirmed: 2, refuted: 1, unverifiable: 0 },
      citizenReports: 3,
      citizenQuestionnaireIds: ['q2'],
      validators: 4,
      questionnaires: [{ id: 'q1', kind: 'institution', slug: 's', version: 2, checksum: 'c' }],
      validatorEmails: ['must-not-leak@example.org'],
    },
  };
  const rows = [
    row({ indicator: 'TC.Disp', details: { kind: 'citizen', reports: 3, validators: 3, interval: 'wilson' } }),
    row({
      indicator: 'TG',
      details: {
        n: null,
        interval: 'exact',
        subIndex: { partial: true, missing: ['TG.DA'], weights: { 'TG.AI': 1 }, formula: 'TG = …' },
      },
    }),
    row({ indicator: 'I', details }),
    row({
      indicator: 'TG.AI',
      details: {
        kind: 'government',
        raw: 0.75,
        n: null,
        interval: 'exact',
        items: [
          {
            name: 'ai',
            weight: 1,
            verifiable: true,
            s: 1,
            sValidated: 0.5,
            confirmed: 1,
            refuted: 1,
            verification: 'mixed',
            confirmationRate: { p: 0.5, lo: 0.1, hi: 0.9, n: 2 },
          },
        ],
      },
    }),
  ];

  it('assembles indicators, sub-indices, components, inputs and provenance', () => {
    const d = toInstitutionDetail(ROUND, INST, rows);
    expect(d.institution).toEqual({
      id: 'i1',
      name: 'Ayuntamiento',
      type: 'ayuntamiento',
      level: 'municipal',
      cvegeo: '15106',
      municipality: 'Toluca',
      cveEnt: '15',
      state: 'México',
    });
    expect(d.values.map((v) => v.indicator)).toEqual(['I', 'TG']);
    expect(d.headline?.indicator).toBe('I');
    expect(d.summary).toEqual({
      selfReported: true,
      citizenReports: 3,
      validators: 3,
      headline: 'I',
      neededReports: 2,
      verified: false,
      validated: false,
      pendingRefutations: 0,
      warnings: ['w'],
    });
    expect(d.subIndices).toEqual([
      { code: 'TG', partial: true, missing: ['TG.DA'], weights: { 'TG.AI': 1 }, formula: 'TG = …' },
    ]);
    expect(d.components.map((c) => c.code)).toEqual(['TG.AI', 'TC.Disp']);
    expect(d.components[0]).toMatchObject({
      kind: 'government',
      raw: 0.75,
      reports: null,
      items: [{ name: 'ai', s: 1, sValidated: 0.5, confirmationRate: { n: 2 } }],
    });
    expect(d.components[1]).toMatchObject({ kind: 'citizen', raw: null, items: [], reports: 3, validators: 3 });
    expect(d.inputs).toEqual({
      selfReport: { responseId: 'resp', version: 2, submittedAt: at.toISOString() },
      evidenceUrls: [{ item: 'ai', question: 'ai_ev', url: 'https://x.example' }],
      evidenceFiles: [
        { id: 'f1', questionName: 'ai', filename: 'a.pdf', mimeType: 'application/pdf', size: 3, sha256: 'h' },
      ],
      verdicts: { confirmed: 2, refuted: 1, unverifiable: 0 },
      citizenReports: 3,
      validators: 4,
    });
    expect(d.provenance).toMatchObject({
      watermark: '41',
      questionnaires: [{ id: 'q1', kind: 'institution', version: 2 }],
    });
    // Only listed fields leave the API.
    expect(JSON.stringify(d)).not.toContain('must-not-leak');
  });

  it('takes the evidence URLs of the scored version when the stored result does not carry them', () => {
    const { evidenceUrls: _kept, ...inputs } = details.inputs;
    const lean = [row({ indicator: 'I', details: { ...details, inputs } })];
    expect(selfReportVersionToRead(lean)).toEqual({ responseId: 'resp', version: 2, questionnaireId: 'q1' });
    const read = [{ item: 'tr', question: 'tr_ev', url: 'https://y.example' }];
    expect(toInstitutionDetail(ROUND, INST, lean, new Map(), read).inputs?.evidenceUrls).toEqual(read);
    expect(toInstitutionDetail(ROUND, INST, lean).inputs?.evidenceUrls).toEqual([]);
    // A result written while they were still copied into it keeps its own list, and nothing is read.
    expect(selfReportVersionToRead(rows)).toBeNull();
    expect(toInstitutionDetail(ROUND, INST, rows, new Map(), read).inputs?.evidenceUrls).toEqual([
      { item: 'ai', question: 'ai_ev', url: 'https://x.example' },
    ]);
    expect(selfReportVersionToRead([row({ indicator: 'I', details: { inputs: { selfReport: null } } })])).toBeNull();
  });

  it('is empty but well-formed before the first computation', () => {
    expect(toInstitutionDetail(ROUND, INST, [])).toMatchObject({
      computed: false,
      summary: null,
      headline: null,
      values: [],
      components: [],
      inputs: null,
    });
  });
});

describe('small mappings', () => {
  it('area items carry names and coverage', () => {
    expect(
      toAreaItem(
        'municipality',
        {
          metric: row({ populationSize: 4, details: { coverage: { responding: 2 } } }),
          rank: NO_RANK,
          scopeKey: '15106',
          name: 'Toluca',
          cveEnt: '15',
        },
        'MX',
      ),
    ).toMatchObject({
      scope: 'municipality',
      scopeKey: '15106',
      name: 'Toluca',
      cveEnt: '15',
      value: { N: 4, coverage: { responding: 2, universe: 0 } },
    });
  });

  it('runs and public rounds', () => {
    expect(
      toRun({
        id: 'x',
        roundId: 'r',
        status: 'done',
        progress: 100,
        watermark: '9',
        error: null,
        requestedAt: at,
        finishedAt: at,
      }),
    ).toEqual({
      runId: 'x',
      roundId: 'r',
      status: 'done',
      progress: 100,
      watermark: '9',
      error: null,
      requestedAt: at.toISOString(),
      finishedAt: at.toISOString(),
    });
    expect(
      toPublicRound({
        id: 'r',
        name: 'n',
        opensAt: at,
        closesAt: at,
        publishedAt: null,
        synthetic: false,
        guarantorSlug: 'g',
        guarantorName: 'G',
      }),
    ).toEqual({
      id: 'r',
      name: 'n',
      guarantor: { slug: 'g', name: 'G' },
      opensAt: at.toISOString(),
      closesAt: at.toISOString(),
      publishedAt: null,
      synthetic: false,
    });
  });
});
