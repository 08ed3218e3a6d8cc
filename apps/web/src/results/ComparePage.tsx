import { useT, type Lang } from '../shared/i18n';
import { navigate, useLocation } from '../shared/router';
import { Alert, ErrorAlert, Spinner } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { isStaff, resultsApi, type AreaPage, type AreaValue, type ResultRound } from './api';
import { ChangeChart, fmt2, fmtDelta, fmtValue, significantAttr, type ChangeRow } from './charts';
import { RoundFacts, Select } from './common';
import { compareValues, notComparableText, roundChoices, verdictCounts } from './compare';
import { codeLabel, scopeName } from './present';

/** Public rounds, plus the staff's own when signed in as staff, as choices. */
function useRoundChoices() {
  const staff = isStaff();
  return useAsync(
    async (signal) => {
      const pub = await resultsApi.publicRounds(signal);
      const own = staff ? await resultsApi.staffRounds(signal) : null;
      return roundChoices([pub.items, own?.items ?? []]);
    },
    [staff],
  );
}

/** Both rounds' state and national values of I, their summaries and whether they may be compared at all. */
function useComparison(a: string, b: string, ready: boolean) {
  return useAsync(
    async (signal): Promise<Comparison | null> => {
      if (!ready) return null;
      const load = (id: string) =>
        Promise.all([
          resultsApi.areas(id, { scope: 'state', indicator: 'I', pageSize: 50, sort: 'key' }, signal),
          resultsApi.areas(id, { scope: 'national', indicator: 'I', pageSize: 10 }, signal),
          resultsApi.summary(id, signal),
        ]);
      const [[sa, na, ra], [sb, nb, rb], cmp] = await Promise.all([
        load(a),
        load(b),
        resultsApi.comparability(a, b, signal),
      ]);
      // The API's reason code for published rounds; for a staff round not yet public, the same rule on the flags.
      const syntheticMixed = cmp
        ? cmp.reasons.some((r) => r.code === 'SYNTHETIC_MIXED')
        : ra.round.synthetic !== rb.round.synthetic;
      return { sa, na, sb, nb, ra: ra.round, rb: rb.round, syntheticMixed };
    },
    [a, b],
  );
}

/** Design and method of each round, side by side. */
function CompareFacts({ ra, rb }: { ra: ResultRound; rb: ResultRound }) {
  const { t } = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t('results.roundA')}</dt>
        <dd>
          <RoundFacts round={ra} />
        </dd>
      </div>
      <div>
        <dt>{t('results.roundB')}</dt>
        <dd>
          <RoundFacts round={rb} />
        </dd>
      </div>
    </dl>
  );
}

/** The comparison's verdict in words. */
function useVerdictText(): (r: ChangeRow) => string {
  const { t } = useT();
  return (r) =>
    r.verdict === 'not_comparable'
      ? t('results.notComparable')
      : r.verdict === 'significant'
        ? t('results.significant')
        : t('results.withinUncertainty');
}

/** How many states changed significantly, then the change chart and the table with every reason. */
function ComparisonResults({ rows }: { rows: ComparisonRow[] }) {
  const { t } = useT();
  const verdict = useVerdictText();
  const stateRows = rows.filter((r) => r.key !== 'national');
  return (
    <>
      <p data-testid="compare-summary">{t('results.summarySignificant', verdictCounts(stateRows))}</p>
      <ChangeChart rows={rows} label={t('results.compareLabel')} verdict={verdict} />
      <ComparisonTable rows={rows} verdict={verdict} />
    </>
  );
}

/**
 * Two rounds side by side: per-state change of I. Significant only when both values are at least
 * "caution", both SEs are known and both come from the same method version; otherwise "not
 * comparable", with the reason in words (METHOD.md §9).
 */
export function ComparePage() {
  const { t, lang } = useT();
  usePageTitle(t('results.compareTitle'));
  const { search } = useLocation();
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  const rounds = useRoundChoices();
  const ready = !!(a && b && a !== b);
  const data = useComparison(a, b, ready);
  const setRound = (which: 'a' | 'b') => (id: string) => {
    const next = new URLSearchParams({ a, b });
    next.set(which, id);
    navigate(`/resultados/comparar?${next.toString()}`, { replace: true });
  };

  // A synthetic demo round next to a real one is refused: no row is computed (issue #15, item 6).
  const rows = data.data && !data.data.syntheticMixed ? comparisonRows(data.data, lang) : [];
  const options = [{ value: '', label: '—' }, ...(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))];

  return (
    <section className="results">
      <h1>{t('results.compareTitle')}</h1>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('results.compareTitle')}</legend>
        <Select id="round-a" label={t('results.roundA')} value={a} onChange={setRound('a')} options={options} />
        <Select id="round-b" label={t('results.roundB')} value={b} onChange={setRound('b')} options={options} />
      </fieldset>
      <p className="muted">
        {t('results.compareIndicator', { label: codeLabel('I', lang) })} {t('results.compareRule')}
      </p>
      {data.data && <CompareFacts ra={data.data.ra} rb={data.data.rb} />}
      <ErrorAlert error={rounds.error ?? data.error} />
      {data.data?.syntheticMixed && (
        <div data-testid="compare-synthetic-mixed" data-reason="SYNTHETIC_MIXED">
          <Alert kind="warning" title={t('results.syntheticMixedTitle')}>
            <p>{t('results.syntheticMixed')}</p>
          </Alert>
        </div>
      )}
      {!ready && <p>{t('results.chooseRounds')}</p>}
      {data.loading && ready && <Spinner />}
      {rows.length > 0 && <ComparisonResults rows={rows} />}
    </section>
  );
}

/** What the page loads for two rounds: their state and national rows, their summaries' rounds. */
interface Comparison {
  sa: AreaPage;
  na: AreaPage;
  sb: AreaPage;
  nb: AreaPage;
  ra: ResultRound;
  rb: ResultRound;
  syntheticMixed: boolean;
}

type ComparisonRow = ChangeRow & { va?: AreaValue; vb?: AreaValue; why: string | null };

/**
 * One row for the whole area both rounds cover, then one per state of either round (by code), each
 * with the §9 verdict and, when not comparable, the reason in words.
 */
function comparisonRows(d: Comparison, lang: Lang): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const row = (
    key: string,
    label: string,
    va: AreaValue | undefined,
    vb: AreaValue | undefined,
    scopes?: { a: string; b: string },
  ) => {
    const c = compareValues(va, vb, scopes);
    rows.push({
      key,
      label,
      delta: c.delta,
      threshold: c.threshold,
      verdict: c.verdict,
      va,
      vb,
      why: c.verdict === 'not_comparable' ? notComparableText(c, va, vb, lang, scopes) : null,
    });
  };
  const national = (p: typeof d.na) =>
    p.items.find((i) => i.value.aggregation === 'unweighted')?.value ?? p.items[0]?.value;
  // The whole-round row is named after the area both rounds cover ("Estado de México"), never "Nacional" for one state.
  const scopeA = scopeName(d.ra.states, lang);
  const scopeB = scopeName(d.rb.states, lang);
  row(
    'national',
    scopeA.name === scopeB.name ? scopeA.name : `${scopeA.name} / ${scopeB.name}`,
    national(d.na),
    national(d.nb),
    { a: scopeA.name, b: scopeB.name },
  );
  const mapA = new Map(d.sa.items.map((i) => [i.scopeKey, i]));
  const keys = [...new Set([...d.sa.items.map((i) => i.scopeKey), ...d.sb.items.map((i) => i.scopeKey)])].sort();
  for (const k of keys) {
    const ia = mapA.get(k);
    const ib = d.sb.items.find((i) => i.scopeKey === k);
    row(k, ib?.name ?? ia?.name ?? k, ia?.value, ib?.value);
  }
  return rows;
}

/** The comparison as a table: both values, the change, the threshold and the verdict with its reason. */
function ComparisonTable({ rows, verdict }: { rows: ComparisonRow[]; verdict(r: ChangeRow): string }) {
  const { t } = useT();
  return (
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
            <tr key={r.key} data-testid="compare-row" data-significant={significantAttr(r)}>
              <th scope="row">{r.label}</th>
              <td className="num">{fmtValue(r.va?.estimate)}</td>
              <td className="num">{fmtValue(r.vb?.estimate)}</td>
              <td className="num">{fmtDelta(r.delta)}</td>
              <td className="num">{r.threshold === null ? '—' : `±${fmt2(r.threshold)}`}</td>
              <td>
                <span
                  className={`badge badge-${r.verdict === 'not_comparable' ? 'neutral' : r.verdict === 'significant' ? 'info' : 'warning'}`}
                >
                  {verdict(r)}
                </span>
                {r.why && (
                  <span className="reasons" data-testid="not-comparable-reason">
                    {r.why}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
