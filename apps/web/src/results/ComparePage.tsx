import { useT } from '../shared/i18n';
import { navigate, useLocation } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { isStaff, resultsApi, type AreaValue } from './api';
import { ChangeChart, fmt2, fmtDelta, fmtValue, type ChangeRow } from './charts';
import { Select } from './common';
import { compareValues } from './compare';

/** Two rounds side by side: per-state change of I and whether it exceeds the combined uncertainty. */
export function ComparePage() {
  const { t } = useT();
  usePageTitle(t('results.compareTitle'));
  const { search } = useLocation();
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  const staff = isStaff();
  const rounds = useAsync(async (signal) => {
    const pub = await resultsApi.publicRounds(signal);
    const own = staff ? await resultsApi.staffRounds(signal) : null;
    const seen = new Map<string, string>();
    for (const r of [...pub.items, ...(own?.items ?? [])]) seen.set(r.id, r.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [staff]);
  const ready = a && b && a !== b;
  const data = useAsync(
    async (signal) => {
      if (!ready) return null;
      const load = (id: string) =>
        Promise.all([
          resultsApi.areas(id, { scope: 'state', indicator: 'I', pageSize: 50, sort: 'key' }, signal),
          resultsApi.areas(id, { scope: 'national', indicator: 'I', pageSize: 10 }, signal),
        ]);
      const [[sa, na], [sb, nb]] = await Promise.all([load(a), load(b)]);
      return { sa, na, sb, nb };
    },
    [a, b],
  );
  const setRound = (which: 'a' | 'b') => (id: string) => {
    const next = new URLSearchParams({ a, b });
    next.set(which, id);
    navigate(`/resultados/comparar?${next.toString()}`, { replace: true });
  };

  const rows: Array<ChangeRow & { va?: AreaValue; vb?: AreaValue }> = [];
  if (data.data) {
    const national = (p: typeof data.data.na) => p.items.find((i) => i.value.aggregation === 'unweighted')?.value ?? p.items[0]?.value;
    const va = national(data.data.na);
    const vb = national(data.data.nb);
    rows.push({ key: 'national', label: t('results.national'), ...compareValues(va, vb), va, vb });
    const mapA = new Map(data.data.sa.items.map((i) => [i.scopeKey, i]));
    const keys = [...new Set([...data.data.sa.items.map((i) => i.scopeKey), ...data.data.sb.items.map((i) => i.scopeKey)])].sort();
    for (const k of keys) {
      const ia = mapA.get(k);
      const ib = data.data.sb.items.find((i) => i.scopeKey === k);
      rows.push({ key: k, label: ib?.name ?? ia?.name ?? k, ...compareValues(ia?.value, ib?.value), va: ia?.value, vb: ib?.value });
    }
  }
  const verdict = (r: ChangeRow) => (r.significant === null ? t('results.notComparable') : r.significant ? t('results.significant') : t('results.withinUncertainty'));
  const stateRows = rows.filter((r) => r.key !== 'national');
  const options = [{ value: '', label: '—' }, ...(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))];

  return (
    <section className="results">
      <h1>{t('results.compareTitle')}</h1>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('results.compareTitle')}</legend>
        <Select id="round-a" label={t('results.roundA')} value={a} onChange={setRound('a')} options={options} />
        <Select id="round-b" label={t('results.roundB')} value={b} onChange={setRound('b')} options={options} />
      </fieldset>
      <p className="muted">{t('results.compareRule')}</p>
      <ErrorAlert error={rounds.error ?? data.error} />
      {!ready && <p>{t('results.chooseRounds')}</p>}
      {data.loading && ready && <Spinner />}
      {rows.length > 0 && (
        <>
          <p data-testid="compare-summary">
            {t('results.summarySignificant', { sig: stateRows.filter((r) => r.significant).length, total: stateRows.length })}
          </p>
          <ChangeChart rows={rows} label={t('results.compareLabel')} verdict={verdict} />
          <div className="table-wrap">
            <table className="table">
              <caption>{t('results.compareLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.state')}</th>
                  <th scope="col" className="num">
                    A
                  </th>
                  <th scope="col" className="num">
                    B
                  </th>
                  <th scope="col" className="num">
                    Δ
                  </th>
                  <th scope="col" className="num">
                    {t('results.threshold')}
                  </th>
                  <th scope="col">{t('results.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-testid="compare-row" data-significant={r.significant === null ? 'na' : String(r.significant)}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{fmtValue(r.va?.estimate)}</td>
                    <td className="num">{fmtValue(r.vb?.estimate)}</td>
                    <td className="num">{fmtDelta(r.delta)}</td>
                    <td className="num">{r.threshold === null ? '—' : `±${fmt2(r.threshold)}`}</td>
                    <td>
                      <span className={`badge badge-${r.significant === null ? 'neutral' : r.significant ? 'info' : 'warning'}`}>{verdict(r)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
