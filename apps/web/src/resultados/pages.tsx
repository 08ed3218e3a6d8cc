import { useState } from 'react';
import { useAsync } from '../shared/useAsync';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { ErrorAlert, Pagination, Spinner } from '../shared/components';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { resultsApi, type ResultValue } from './api';
import { Histogram, IntervalChart, SubIndexBars, type IntervalRow } from './charts';
import { ResultStatusBadge, STATUS_ORDER, statusLabel } from './status';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));
const SUB_INDICES = ['TG', 'TC', 'PG', 'PC'] as const;

function toRow(key: string, label: string, v: ResultValue | null | undefined, href?: string): IntervalRow {
  return { key, label, estimate: v?.estimate ?? null, lo: v?.lo ?? null, hi: v?.hi ?? null, status: v?.status ?? 'not_validated', href };
}

function ValueCell({ v }: { v: ResultValue | null | undefined }) {
  const { pick } = useT();
  if (!v) return <>—</>;
  return (
    <>
      {fmt(v.estimate)} {v.lo !== null && v.hi !== null && <span className="muted">[{fmt(v.lo)}, {fmt(v.hi)}]</span>}{' '}
      <ResultStatusBadge status={v.status} />
      {v.needed > 0 && v.status !== 'conclusive' && (
        <span className="muted"> {pick({ es: `faltan ${v.needed} validaciones`, en: `${v.needed} more validations needed` })}</span>
      )}
    </>
  );
}

/** Published rounds (and, for staff, the guarantor's own rounds through the console). */
export function ResultsHomePage() {
  const { pick, date } = useT();
  usePageTitle(pick({ es: 'Resultados', en: 'Results' }));
  const rounds = useAsync((signal) => resultsApi.publicRounds(signal), []);
  return (
    <section>
      <h1>{pick({ es: 'Resultados publicados', en: 'Published results' })}</h1>
      {rounds.loading && <Spinner />}
      <ErrorAlert error={rounds.error} />
      {rounds.data && rounds.data.items.length === 0 && <p>{pick({ es: 'Aún no hay rondas publicadas.', en: 'No published rounds yet.' })}</p>}
      <ul className="card-list">
        {rounds.data?.items.map((r) => (
          <li key={r.id}>
            <Link to={`/resultados/${r.id}`}>{r.name}</Link> — {r.guarantor.name} {r.publishedAt && <span className="muted">({date(r.publishedAt)})</span>}
            {r.synthetic && <span className="badge badge-warning"> {pick({ es: 'Datos sintéticos', en: 'Synthetic data' })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoundNav({ roundId }: { roundId: string }) {
  const { pick } = useT();
  return (
    <nav className="tabs" aria-label={pick({ es: 'Vistas de la ronda', en: 'Round views' })}>
      <Link to={`/resultados/${roundId}`}>{pick({ es: 'Panorama', en: 'Overview' })}</Link> ·{' '}
      <Link to={`/resultados/${roundId}/instituciones`}>{pick({ es: 'Instituciones', en: 'Institutions' })}</Link> ·{' '}
      <Link to={`/resultados/${roundId}/municipios`}>{pick({ es: 'Municipios', en: 'Municipalities' })}</Link>
    </nav>
  );
}

/** Round overview: distribution of the index, the four sub-indices, coverage and status counts. */
export function RoundOverviewPage({ roundId }: { roundId: string }) {
  const { pick } = useT();
  const summary = useAsync((signal) => resultsApi.summary(roundId, signal), [roundId]);
  const insts = useAsync((signal) => resultsApi.institutions(roundId, { pageSize: 200 }, signal), [roundId]);
  usePageTitle(summary.data?.round.name);
  const s = summary.data;
  const national = (indicator: string) => s?.national.find((v) => v.indicator === indicator && v.aggregation === 'unweighted');
  const values = (insts.data?.items ?? []).map((i) => i.value?.estimate).filter((v): v is number => typeof v === 'number');
  const counts = STATUS_ORDER.map((st) => [st, (insts.data?.items ?? []).filter((i) => i.value?.status === st).length] as const);
  return (
    <section>
      {summary.loading && <Spinner />}
      <ErrorAlert error={summary.error ?? insts.error} />
      {s && (
        <>
          {s.synthetic && <SyntheticBanner />}
          <h1>{s.round.name}</h1>
          <RoundNav roundId={roundId} />
          <p className="notice">{pick(s.notice)}</p>
          <dl className="facts">
            <dt>{pick({ es: 'Índice de apertura nacional (I)', en: 'National openness index (I)' })}</dt>
            <dd>
              <ValueCell v={national('I') ?? national('I_G')} />
            </dd>
            <dt>{pick({ es: 'Sujetos obligados', en: 'Obliged subjects' })}</dt>
            <dd>
              {s.coverage.institutions} · {pick({ es: 'con autodiagnóstico', en: 'with self-report' })} {s.coverage.withSelfReport} ·{' '}
              {pick({ es: 'con validación ciudadana', en: 'with citizen validation' })} {s.coverage.withCitizenData}
            </dd>
            <dt>{pick({ es: 'Método', en: 'Method' })}</dt>
            <dd>
              {s.provenance.methodId} v{s.provenance.methodVersion}
            </dd>
          </dl>
          <h2>{pick({ es: 'Distribución del índice por institución', en: 'Distribution of the index by institution' })}</h2>
          <p className="muted">
            {pick({
              es: 'I cuando hay validación ciudadana; si no, I_G (solo perspectiva gubernamental).',
              en: 'I where citizen validation exists; otherwise I_G (government perspective only).',
            })}
          </p>
          <Histogram values={values} label={pick({ es: 'Histograma del índice', en: 'Index histogram' })} />
          <h2>{pick({ es: 'Subíndices nacionales (IC 95 %)', en: 'National sub-indices (95% CI)' })}</h2>
          <SubIndexBars rows={SUB_INDICES.map((k) => toRow(k, k, national(k)))} label={pick({ es: 'Subíndices TG, TC, PG, PC', en: 'Sub-indices TG, TC, PG, PC' })} />
          <h2>{pick({ es: 'Concluyencia de los valores institucionales', en: 'Conclusiveness of institutional values' })}</h2>
          <ul className="status-counts">
            {counts.map(([st, n]) => (
              <li key={st}>
                <ResultStatusBadge status={st} /> {n}
              </li>
            ))}
          </ul>
          <h2>{pick({ es: 'Datos abiertos', en: 'Open data' })}</h2>
          <ul>
            {['institutions.csv', 'municipalities.csv', 'states.csv', 'institutions.json'].map((f) => (
              <li key={f}>
                <a href={resultsApi.exportUrl(roundId, f)}>{f}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Ranking of institutions with their intervals and status; filters by level of government and state. */
export function InstitutionRankingPage({ roundId }: { roundId: string }) {
  const { pick } = useT();
  usePageTitle(pick({ es: 'Instituciones', en: 'Institutions' }));
  const [page, setPage] = useState(1);
  const [level, setLevel] = useState('');
  const data = useAsync(
    (signal) => resultsApi.institutions(roundId, { page, pageSize: 50, sort: '-estimate', level: level || undefined }, signal),
    [roundId, page, level],
  );
  const rows = (data.data?.items ?? []).map((i) => toRow(i.institution.id, i.institution.name, i.value, `/resultados/${roundId}/instituciones/${i.institution.id}`));
  return (
    <section>
      <h1>{pick({ es: 'Ranking de instituciones', en: 'Institution ranking' })}</h1>
      <RoundNav roundId={roundId} />
      <label>
        {pick({ es: 'Nivel de gobierno', en: 'Level of government' })}{' '}
        <select value={level} onChange={(e) => { setLevel(e.target.value); setPage(1); }}>
          <option value="">{pick({ es: 'Todos', en: 'All' })}</option>
          {['municipal', 'estatal', 'federal', 'autonomo'].map((l) => (
            <option key={l} value={l}>{l}</option>
          ))}
        </select>
      </label>
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      <IntervalChart rows={rows} testId="mark-rank-institution" label={pick({ es: 'Índice por institución con IC 95 %', en: 'Index by institution with 95% CI' })} />
      <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{pick({ es: 'Institución', en: 'Institution' })}</th>
            <th>{pick({ es: 'Municipio', en: 'Municipality' })}</th>
            <th>{pick({ es: 'Valor', en: 'Value' })}</th>
          </tr>
        </thead>
        <tbody>
          {data.data?.items.map((i) => (
            <tr key={i.institution.id}>
              <td>
                <Link to={`/resultados/${roundId}/instituciones/${i.institution.id}`}>{i.institution.name}</Link>
              </td>
              <td>{i.institution.municipality}</td>
              <td>
                <ValueCell v={i.value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {data.data && <Pagination page={page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />}
    </section>
  );
}

/** Ranking of municipalities: where openness is high or low, and where validation is missing. */
export function MunicipalityRankingPage({ roundId }: { roundId: string }) {
  const { pick } = useT();
  usePageTitle(pick({ es: 'Municipios', en: 'Municipalities' }));
  const [page, setPage] = useState(1);
  const data = useAsync(
    (signal) => resultsApi.areas(roundId, { scope: 'municipality', indicator: 'I', sort: '-estimate', page, pageSize: 50 }, signal),
    [roundId, page],
  );
  const rows = (data.data?.items ?? []).map((a) => toRow(a.scopeKey, a.name, a.value));
  return (
    <section>
      <h1>{pick({ es: 'Ranking de municipios', en: 'Municipality ranking' })}</h1>
      <RoundNav roundId={roundId} />
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      <IntervalChart rows={rows} testId="mark-rank-municipality" label={pick({ es: 'Índice municipal con IC 95 %', en: 'Municipal index with 95% CI' })} />
      <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{pick({ es: 'Municipio', en: 'Municipality' })}</th>
            <th>n / N</th>
            <th>{pick({ es: 'Valor', en: 'Value' })}</th>
          </tr>
        </thead>
        <tbody>
          {data.data?.items.map((a) => (
            <tr key={a.scopeKey} data-testid="municipality-row">
              <td>{a.name}</td>
              <td>
                {a.value.n ?? 0} / {a.value.N ?? '—'}
              </td>
              <td>
                <ValueCell v={a.value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {data.data && <Pagination page={page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />}
    </section>
  );
}

/** One institution: sub-indices, components, self-report vs validated (ΔG), evidence and provenance. */
export function InstitutionResultPage({ roundId, institutionId }: { roundId: string; institutionId: string }) {
  const { pick, dateTime } = useT();
  const data = useAsync((signal) => resultsApi.institution(roundId, institutionId, signal), [roundId, institutionId]);
  const d = data.data;
  usePageTitle(d?.institution.name);
  const value = (ind: string) => d?.values.find((v) => v.indicator === ind);
  return (
    <section>
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      {d && (
        <>
          {d.round.synthetic && <SyntheticBanner />}
          <h1>{d.institution.name}</h1>
          <p className="muted">
            {d.institution.type} · {d.institution.level} · {d.institution.municipality}, {d.institution.state}
          </p>
          <RoundNav roundId={roundId} />
          <dl className="facts">
            <dt>{pick({ es: 'Índice principal', en: 'Headline index' })} ({d.headline?.indicator ?? '—'})</dt>
            <dd>
              <ValueCell v={d.headline} />
            </dd>
            <dt>{pick({ es: 'Autodiagnóstico (I_G sin validar)', en: 'Self-report (raw I_G)' })}</dt>
            <dd>{fmt(value('I_G_raw')?.estimate)}</dd>
            <dt>{pick({ es: 'Validado (I_G)', en: 'Validated (I_G)' })}</dt>
            <dd>{fmt(value('I_G')?.estimate)}</dd>
            <dt>{pick({ es: 'Inflación del autodiagnóstico (ΔG)', en: 'Self-report inflation (ΔG)' })}</dt>
            <dd data-testid="delta-g">{fmt(value('DELTA_G')?.estimate)}</dd>
          </dl>
          <h2>{pick({ es: 'Subíndices', en: 'Sub-indices' })}</h2>
          <SubIndexBars rows={SUB_INDICES.map((k) => toRow(k, k, value(k)))} label={pick({ es: 'Subíndices de la institución', en: 'Institution sub-indices' })} />
          <h2>{pick({ es: 'Componentes', en: 'Components' })}</h2>
          <IntervalChart
            rows={d.components.map((c) => toRow(c.code, c.code, c.value))}
            testId="mark-component"
            label={pick({ es: 'Componentes con IC 95 %', en: 'Components with 95% CI' })}
          />
          {d.inputs && d.inputs.evidenceUrls.length > 0 && (
            <>
              <h2>{pick({ es: 'Evidencias del autodiagnóstico', en: 'Self-report evidence' })}</h2>
              <ul>
                {d.inputs.evidenceUrls.map((e) => (
                  <li key={`${e.item}-${e.url}`}>
                    {e.item}: <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">{e.url}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">
            {pick({ es: 'Método', en: 'Method' })} {d.provenance.methodId} v{d.provenance.methodVersion} · {pick({ es: 'marca de agua', en: 'watermark' })}{' '}
            {d.provenance.watermark} · {dateTime(d.provenance.computedAt)}
          </p>
          <p className="notice">{pick(d.notice)}</p>
        </>
      )}
    </section>
  );
}

export { statusLabel };
