import { useState } from 'react';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { ErrorAlert, Pagination, Spinner } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { LEVELS, RANK_INDICATORS, resultsApi } from './api';
import { IntervalChart, type IntervalRow } from './charts';
import { RoundNav, Select, STATUS_ORDER, useStatusText, ValueCell } from './common';

const PAGE_SIZE = 50;

function useStates() {
  return useAsync((signal) => resultsApi.states(signal), []);
}

function useStatusOptions() {
  const { t } = useT();
  const text = useStatusText();
  return [{ value: '', label: t('results.all') }, ...STATUS_ORDER.map((s) => ({ value: s, label: text(s) }))];
}

/** Institutions by their index (headline I / I_G, or a chosen indicator) with 95% intervals and status. */
export function InstitutionRankingPage({ roundId }: { roundId: string }) {
  const { t, maybe } = useT();
  usePageTitle(t('results.rankInstitutions'));
  const statusText = useStatusText();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState({ level: '', type: '', cveEnt: '', status: '', indicator: '' });
  const set = (k: keyof typeof filters) => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setPage(1);
  };
  const states = useStates();
  const types = useAsync((signal) => resultsApi.areas(roundId, { scope: 'type', pageSize: 200, sort: 'key' }, signal), [roundId]);
  const data = useAsync(
    (signal) =>
      resultsApi.institutions(
        roundId,
        {
          page,
          pageSize: PAGE_SIZE,
          sort: '-estimate',
          level: filters.level || undefined,
          type: filters.type || undefined,
          cveEnt: filters.cveEnt || undefined,
          status: filters.status || undefined,
          indicator: filters.indicator || undefined,
        },
        signal,
      ),
    [roundId, page, filters],
  );
  const statusOptions = useStatusOptions();
  const rows: IntervalRow[] = (data.data?.items ?? []).map((i) => ({
    key: i.institution.id,
    label: i.institution.name,
    estimate: i.value?.estimate ?? null,
    lo: i.value?.lo ?? null,
    hi: i.value?.hi ?? null,
    status: i.value?.status ?? 'not_validated',
    href: `/resultados/${roundId}/instituciones/${i.institution.id}`,
  }));
  return (
    <section className="results">
      <h1>{t('results.rankInstitutions')}</h1>
      <RoundNav roundId={roundId} />
      <fieldset className="filters">
        <legend>{t('results.filters')}</legend>
        <Select
          id="f-level"
          label={t('results.level')}
          value={filters.level}
          onChange={set('level')}
          options={[{ value: '', label: t('results.all') }, ...LEVELS.map((l) => ({ value: l, label: maybe(`results.level.${l}`, l) }))]}
        />
        <Select
          id="f-type"
          label={t('results.type')}
          value={filters.type}
          onChange={set('type')}
          options={[{ value: '', label: t('results.all') }, ...(types.data?.items ?? []).map((a) => ({ value: a.scopeKey, label: a.name }))]}
        />
        <Select
          id="f-state"
          label={t('results.state')}
          value={filters.cveEnt}
          onChange={set('cveEnt')}
          options={[{ value: '', label: t('results.all') }, ...(states.data?.items ?? []).map((s) => ({ value: s.cveEnt, label: s.name }))]}
        />
        <Select id="f-status" label={t('results.status')} value={filters.status} onChange={set('status')} options={statusOptions} />
        <Select
          id="f-indicator"
          label={t('results.indicator')}
          value={filters.indicator}
          onChange={set('indicator')}
          options={[{ value: '', label: `${t('results.headline')} (I / I_G)` }, ...RANK_INDICATORS.map((i) => ({ value: i, label: i }))]}
        />
      </fieldset>
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      {data.data && data.data.items.length === 0 && <p>{t('results.noRows')}</p>}
      {rows.length > 0 && (
        <>
          <IntervalChart rows={rows} testId="mark-rank" label={t('results.rankLabel', { what: t('results.rankInstitutions'), n: rows.length })} statusText={statusText} />
          <p className="muted small">{t('results.hatchLegend')}</p>
        </>
      )}
      {data.data && data.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('results.rankInstitutions')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('results.institution')}</th>
                <th scope="col">{t('results.municipality')}</th>
                <th scope="col">{t('results.value')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.items.map((i, k) => (
                <tr key={i.institution.id} data-testid="institution-row">
                  <td className="num">{(page - 1) * PAGE_SIZE + k + 1}</td>
                  <th scope="row">
                    <Link to={`/resultados/${roundId}/instituciones/${i.institution.id}`}>{i.institution.name}</Link>
                    <div className="muted small">
                      {i.institution.type} · {maybe(`results.level.${i.institution.level}`, i.institution.level)}
                      {i.value?.indicator === 'I_G' && !filters.indicator ? ` · I_G (${t('results.govOnly')})` : ''}
                    </div>
                  </th>
                  <td>
                    {i.institution.municipality}, {i.institution.state}
                  </td>
                  <td>
                    <ValueCell v={i.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.data && <Pagination page={page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />}
    </section>
  );
}

/** Municipalities by their index, with «faltan N» where more responding subjects would make it conclusive. */
export function MunicipalityRankingPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  usePageTitle(t('results.rankMunicipalities'));
  const statusText = useStatusText();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState({ cveEnt: '', status: '', indicator: 'I' });
  const set = (k: keyof typeof filters) => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setPage(1);
  };
  const states = useStates();
  const statusOptions = useStatusOptions();
  const data = useAsync(
    (signal) =>
      resultsApi.areas(
        roundId,
        { scope: 'municipality', indicator: filters.indicator, sort: '-estimate', cveEnt: filters.cveEnt || undefined, status: filters.status || undefined, page, pageSize: PAGE_SIZE },
        signal,
      ),
    [roundId, page, filters],
  );
  const rows: IntervalRow[] = (data.data?.items ?? []).map((a) => ({
    key: a.scopeKey,
    label: a.name,
    estimate: a.value.estimate,
    lo: a.value.lo,
    hi: a.value.hi,
    status: a.value.status,
    href: a.cveEnt ? `/resultados/${roundId}/estados/${a.cveEnt}` : undefined,
  }));
  const stateName = new Map((states.data?.items ?? []).map((s) => [s.cveEnt, s.name]));
  return (
    <section className="results">
      <h1>{t('results.rankMunicipalities')}</h1>
      <RoundNav roundId={roundId} />
      <fieldset className="filters">
        <legend>{t('results.filters')}</legend>
        <Select
          id="f-state"
          label={t('results.state')}
          value={filters.cveEnt}
          onChange={set('cveEnt')}
          options={[{ value: '', label: t('results.all') }, ...(states.data?.items ?? []).map((s) => ({ value: s.cveEnt, label: s.name }))]}
        />
        <Select id="f-status" label={t('results.status')} value={filters.status} onChange={set('status')} options={statusOptions} />
        <Select id="f-indicator" label={t('results.indicator')} value={filters.indicator} onChange={set('indicator')} options={RANK_INDICATORS.map((i) => ({ value: i, label: i }))} />
      </fieldset>
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      {data.data && data.data.items.length === 0 && <p>{t('results.noRows')}</p>}
      {rows.length > 0 && (
        <>
          <IntervalChart rows={rows} testId="mark-rank" label={t('results.rankLabel', { what: t('results.rankMunicipalities'), n: rows.length })} statusText={statusText} />
          <p className="muted small">{t('results.hatchLegend')}</p>
        </>
      )}
      {data.data && data.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('results.rankMunicipalities')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.municipality')}</th>
                <th scope="col">{t('results.nOfN')}</th>
                <th scope="col">{t('results.value')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.items.map((a) => (
                <tr key={a.scopeKey} data-testid="municipality-row" data-status={a.value.status}>
                  <th scope="row">
                    {a.name}
                    {a.cveEnt && (
                      <div className="small">
                        <Link to={`/resultados/${roundId}/estados/${a.cveEnt}`}>{stateName.get(a.cveEnt) ?? a.cveEnt}</Link>
                      </div>
                    )}
                  </th>
                  <td className="num">
                    {a.value.n ?? 0} / {a.value.N ?? '—'}
                  </td>
                  <td>
                    <ValueCell v={a.value} area />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.data && <Pagination page={page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />}
    </section>
  );
}
