import { useState, type ReactNode } from 'react';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { ErrorAlert, Pagination, Spinner } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import {
  LEVELS,
  RANK_INDICATORS,
  resultsApi,
  type AreaScope,
  type Rank,
  type RankingGroup,
  type ResultValue,
} from './api';
import { IntervalChart, RankChart, type IntervalRow, type RankRow } from './charts';
import { RoundNav, Select, STATUS_ORDER, useRoundSummary, useScopeName, useStatusText, ValueCell } from './common';
import { useLiveResults } from './live';
import { codeLabel, markOf, rankSentence, rankText, usesPercentileBand } from './present';

const PAGE_SIZE = 50;

function useStates() {
  return useAsync((signal) => resultsApi.states(signal), []);
}

function useStatusOptions() {
  const { t } = useT();
  const text = useStatusText();
  return [{ value: '', label: t('results.all') }, ...STATUS_ORDER.map((s) => ({ value: s, label: text(s) }))];
}

/** Ranking indicators with their labels ("Índice de gobierno abierto (I)"). */
function useIndicatorOptions() {
  const { lang } = useT();
  return RANK_INDICATORS.map((i) => ({ value: i, label: codeLabel(i, lang) }));
}

/** One row of either list, whatever it ranks (institution, municipality, state). */
export interface RankingRow {
  key: string;
  label: string;
  sub?: ReactNode;
  href?: string;
  value: ResultValue | null;
  rank: Rank | null;
  group: RankingGroup;
}

interface Part {
  rows: RankingRow[];
  total: number;
  pageSize: number;
}

interface ExtraColumn {
  header: string;
  cell(r: RankingRow): ReactNode;
}

/** The table of one list: optional column before the name (rank) or after it (why unranked), then the value. */
function RowsTable({
  rows,
  caption,
  what,
  rowTestId,
  before,
  after,
}: {
  rows: RankingRow[];
  caption: string;
  what: string;
  rowTestId: string;
  before?: ExtraColumn;
  after?: ExtraColumn;
}) {
  const { t } = useT();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table stack-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {before && <th scope="col">{before.header}</th>}
            <th scope="col">{what}</th>
            {after && <th scope="col">{after.header}</th>}
            <th scope="col">{t('results.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={rowTestId} data-status={r.value?.status} data-group={r.group}>
              {before?.cell(r)}
              <th scope="row">
                {r.href ? <Link to={r.href}>{r.label}</Link> : r.label}
                {r.sub && <div className="muted small">{r.sub}</div>}
              </th>
              {after?.cell(r)}
              <td>
                <ValueCell v={r.value} group={r.group} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The ranked group: only validated values with an estimable SE and status conclusive or caution,
 * each with its 95 % rank interval in words and as a band (a percentile band above 200 values).
 */
function RankedList({
  part,
  what,
  page,
  onPage,
  testId,
}: {
  part: Part | null;
  what: string;
  page: number;
  onPage(p: number): void;
  testId: string;
}) {
  const { t, lang } = useT();
  if (!part) return null;
  const ranked = part.rows.filter((r): r is RankingRow & { rank: Rank } => r.rank !== null);
  const of = ranked[0]?.rank.of ?? 0;
  const chartRows: RankRow[] = ranked.map((r) => ({
    key: r.key,
    label: r.label,
    rank: r.rank,
    text: rankText(r.rank, lang),
    sentence: rankSentence(r.rank, lang),
    href: r.href,
  }));
  return (
    <section aria-labelledby={`${testId}-title`} data-testid="ranked-group">
      <h2 id={`${testId}-title`}>{t('results.rankedTitle')}</h2>
      <p className="muted">
        {t(usesPercentileBand(of) ? 'results.rankedHintPercentile' : 'results.rankedHint', { n: part.total })}
      </p>
      {part.rows.length === 0 && <p>{t('results.noRanked')}</p>}
      {chartRows.length > 0 && (
        <>
          <RankChart
            rows={chartRows}
            testId="mark-rank"
            label={t('results.rankChartLabel', { what, n: chartRows.length })}
          />
          {/* The axis title as text under the chart: it wraps on a phone, an SVG label would not. */}
          <p className="muted small">{t(usesPercentileBand(of) ? 'results.rankAxisPercentile' : 'results.rankAxis')}</p>
        </>
      )}
      <RowsTable
        rows={part.rows}
        caption={`${t('results.rankedTitle')} — ${what}`}
        what={what}
        rowTestId={`${testId}-ranked-row`}
        before={{
          header: t('results.rankColumn'),
          cell: (r) => (
            <td className="rank-cell" data-testid="rank" title={r.rank ? rankSentence(r.rank, lang) : undefined}>
              {r.rank ? rankText(r.rank, lang) : '—'}
            </td>
          ),
        }}
      />
      <Pagination page={page} pageSize={part.pageSize} total={part.total} onPage={onPage} />
    </section>
  );
}

/**
 * Everything not ranked, by name: "datos insuficientes" (open marks, never solid dots) and
 * unverified self-reports (hollow diamond, "autodiagnóstico sin verificar", no interval).
 */
function UnrankedList({
  part,
  what,
  page,
  onPage,
  testId,
  title,
  hint,
  why,
}: {
  part: Part | null;
  what: string;
  page: number;
  onPage(p: number): void;
  testId: string;
  title?: string;
  hint?: string;
  why?: string;
}) {
  const { t } = useT();
  const statusText = useStatusText();
  if (!part) return null;
  const chartRows: IntervalRow[] = part.rows.map((r) => ({
    key: r.key,
    label: r.label,
    estimate: r.value?.estimate ?? null,
    lo: r.value?.lo ?? null,
    hi: r.value?.hi ?? null,
    status: r.value?.status ?? 'not_validated',
    mark: r.value ? markOf(r.value, r.group) : 'none',
    href: r.href,
  }));
  return (
    <section aria-labelledby={`${testId}-unranked-title`} data-testid="unranked-group">
      <h2 id={`${testId}-unranked-title`}>{title ?? t('results.unrankedTitle')}</h2>
      <p className="muted">{hint ?? t('results.unrankedHint')}</p>
      {part.rows.length === 0 && <p>{t('results.noUnranked')}</p>}
      {chartRows.some((r) => r.estimate !== null) && (
        <>
          <IntervalChart
            rows={chartRows}
            testId="mark-unranked"
            label={t('results.unrankedChartLabel', { what, n: chartRows.length })}
            statusText={statusText}
          />
          <p className="muted small">{t('results.markLegend')}</p>
        </>
      )}
      <RowsTable
        rows={part.rows}
        caption={`${title ?? t('results.unrankedTitle')} — ${what}`}
        what={what}
        rowTestId={`${testId}-unranked-row`}
        after={{
          header: t('results.whyUnranked'),
          cell: (r) => (
            <td>
              {why ??
                t(
                  r.group === 'unverified_self_report'
                    ? 'results.group.unverified_self_report'
                    : 'results.group.insufficient_data',
                )}
            </td>
          ),
        }}
      />
      <Pagination page={page} pageSize={part.pageSize} total={part.total} onPage={onPage} />
    </section>
  );
}

/** Page numbers of both lists, reset together when a filter changes. */
function usePages(): [
  { ranked: number; unranked: number },
  (which: 'ranked' | 'unranked') => (p: number) => void,
  () => void,
] {
  const [pages, setPages] = useState({ ranked: 1, unranked: 1 });
  return [pages, (which) => (p) => setPages((s) => ({ ...s, [which]: p })), () => setPages({ ranked: 1, unranked: 1 })];
}

/** Institutions: validated ranking with rank intervals, then the unranked list (§9). */
export function InstitutionRankingPage({ roundId }: { roundId: string }) {
  const { t, maybe } = useT();
  usePageTitle(t('results.rankInstitutions'));
  const [pages, setPage, resetPages] = usePages();
  const [filters, setFilters] = useState({ level: '', type: '', cveEnt: '', status: '', indicator: 'I' });
  const set = (k: keyof typeof filters) => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    resetPages();
  };
  const states = useStates();
  const types = useAsync(
    (signal) => resultsApi.areas(roundId, { scope: 'type', pageSize: 200, sort: 'key' }, signal),
    [roundId],
  );
  const query = {
    pageSize: PAGE_SIZE,
    indicator: filters.indicator,
    level: filters.level || undefined,
    type: filters.type || undefined,
    cveEnt: filters.cveEnt || undefined,
    status: filters.status || undefined,
  };
  const toRows = (items: Awaited<ReturnType<typeof resultsApi.institutions>>): Part => ({
    total: items.total,
    pageSize: items.pageSize,
    rows: items.items.map((i) => ({
      key: i.institution.id,
      label: i.institution.name,
      sub: (
        <>
          {i.institution.type} · {maybe(`results.level.${i.institution.level}`, i.institution.level)} ·{' '}
          {i.institution.municipality}, {i.institution.state}
        </>
      ),
      href: `/resultados/${roundId}/instituciones/${i.institution.id}`,
      value: i.value,
      rank: i.rank,
      group: i.group,
    })),
  });
  const ranked = useAsync(
    (signal) => resultsApi.institutions(roundId, { ...query, ranking: 'ranked', page: pages.ranked }, signal),
    [roundId, pages.ranked, filters],
  );
  const unranked = useAsync(
    (signal) =>
      resultsApi.institutions(roundId, { ...query, ranking: 'unranked', page: pages.unranked, sort: 'name' }, signal),
    [roundId, pages.unranked, filters],
  );
  // Values change with institution jobs, places with area jobs: both lists follow every change.
  useLiveResults(roundId, () => {
    ranked.refresh();
    unranked.refresh();
  });
  const statusOptions = useStatusOptions();
  const indicatorOptions = useIndicatorOptions();
  const scope = useScopeName(useRoundSummary(roundId)?.round);
  const what = t('results.institution');
  return (
    <section className="results">
      <h1>{t('results.rankInstitutions')}</h1>
      <RoundNav roundId={roundId} />
      <RankingFilters>
        <Select
          id="f-level"
          label={t('results.level')}
          value={filters.level}
          onChange={set('level')}
          options={[
            { value: '', label: t('results.all') },
            ...LEVELS.map((l) => ({ value: l, label: maybe(`results.level.${l}`, l) })),
          ]}
        />
        <Select
          id="f-type"
          label={t('results.type')}
          value={filters.type}
          onChange={set('type')}
          options={[
            { value: '', label: t('results.all') },
            ...(types.data?.items ?? []).map((a) => ({ value: a.scopeKey, label: a.name })),
          ]}
        />
        <Select
          id="f-state"
          label={t('results.state')}
          value={filters.cveEnt}
          onChange={set('cveEnt')}
          options={[
            { value: '', label: t('results.all') },
            ...(states.data?.items ?? []).map((s) => ({ value: s.cveEnt, label: s.name })),
          ]}
        />
        <Select
          id="f-status"
          label={t('results.status')}
          value={filters.status}
          onChange={set('status')}
          options={statusOptions}
        />
        <Select
          id="f-indicator"
          label={t('results.indicator')}
          value={filters.indicator}
          onChange={set('indicator')}
          options={indicatorOptions}
        />
      </RankingFilters>
      <p className="muted small">{filters.cveEnt ? t('results.groupState') : t('results.groupScope', { scope })}</p>
      {(ranked.loading || unranked.loading) && <Spinner />}
      <ErrorAlert error={ranked.error ?? unranked.error} />
      <RankedList
        part={ranked.data ? toRows(ranked.data) : null}
        what={what}
        page={pages.ranked}
        onPage={setPage('ranked')}
        testId="institution"
      />
      <UnrankedList
        part={unranked.data ? toRows(unranked.data) : null}
        what={what}
        page={pages.unranked}
        onPage={setPage('unranked')}
        testId="institution"
      />
    </section>
  );
}

function RankingFilters({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <fieldset className="filters">
      <legend>{t('results.filters')}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Municipalities or states: ranked group (national, or the chosen state's) with rank intervals, then
 * the unranked list. An indicator without stored ranks (I_G, TG, PG on the state map) is listed by
 * name only, unranked, and says why.
 */
export function AreaRanking({
  roundId,
  scope,
  indicator,
  cveEnt,
  status,
  testId,
}: {
  roundId: string;
  scope: Extract<AreaScope, 'municipality' | 'state'>;
  indicator: string;
  cveEnt?: string;
  status?: string;
  testId: string;
}) {
  const { t } = useT();
  const [pages, setPage] = usePages();
  const rankable = (RANK_INDICATORS as readonly string[]).includes(indicator);
  const stateNames = useStates();
  const names = new Map((stateNames.data?.items ?? []).map((s) => [s.cveEnt, s.name]));
  const query = { scope, indicator, cveEnt: cveEnt || undefined, status: status || undefined, pageSize: PAGE_SIZE };
  const ranked = useAsync(
    (signal) =>
      rankable
        ? resultsApi.areas(roundId, { ...query, ranking: 'ranked', page: pages.ranked }, signal)
        : Promise.resolve(null),
    [roundId, scope, indicator, cveEnt, status, pages.ranked],
  );
  const unranked = useAsync(
    (signal) =>
      resultsApi.areas(
        roundId,
        { ...query, ranking: rankable ? 'unranked' : undefined, page: pages.unranked, sort: 'name' },
        signal,
      ),
    [roundId, scope, indicator, cveEnt, status, pages.unranked],
  );
  // Area rows (and their places) change with area jobs and rebuilds only.
  useLiveResults(
    roundId,
    () => {
      ranked.refresh();
      unranked.refresh();
    },
    (c) => c.scope !== 'institution',
  );
  const toRows = (p: Awaited<ReturnType<typeof resultsApi.areas>>): Part => ({
    total: p.total,
    pageSize: p.pageSize,
    rows: p.items.map((a) => ({
      key: a.scopeKey,
      label: a.name,
      sub:
        scope === 'municipality' && a.cveEnt ? (
          <>
            {names.get(a.cveEnt) ?? a.cveEnt} · {t('results.membersOf', { n: a.value.n ?? 0, N: a.value.N ?? '—' })}
          </>
        ) : (
          t('results.membersOf', { n: a.value.n ?? 0, N: a.value.N ?? '—' })
        ),
      href:
        scope === 'state'
          ? `/resultados/${roundId}/estados/${a.scopeKey}`
          : a.cveEnt
            ? `/resultados/${roundId}/estados/${a.cveEnt}`
            : undefined,
      value: a.value,
      rank: rankable ? a.rank : null,
      // Government-perspective indicators are never ranked; their not_validated aggregates rest on unverified self-reports.
      group: rankable ? a.group : a.value.status === 'not_validated' ? 'unverified_self_report' : 'insufficient_data',
    })),
  });
  const what = t(scope === 'state' ? 'results.state' : 'results.municipality');
  return (
    <div className="area-ranking" data-testid={`${testId}-ranking`}>
      {(ranked.loading || unranked.loading) && <Spinner />}
      <ErrorAlert error={ranked.error ?? unranked.error} />
      {rankable && (
        <RankedList
          part={ranked.data ? toRows(ranked.data) : null}
          what={what}
          page={pages.ranked}
          onPage={setPage('ranked')}
          testId={testId}
        />
      )}
      <UnrankedList
        part={unranked.data ? toRows(unranked.data) : null}
        what={what}
        page={pages.unranked}
        onPage={setPage('unranked')}
        testId={testId}
        title={rankable ? undefined : t('results.notRankedIndicator')}
        hint={rankable ? undefined : t('results.notRankedIndicatorHint')}
        why={rankable ? undefined : t('results.govIndicatorNotRanked')}
      />
    </div>
  );
}

/** Municipalities: the national (or one state's) ranking with rank intervals, then the unranked list. */
export function MunicipalityRankingPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  usePageTitle(t('results.rankMunicipalities'));
  const [filters, setFilters] = useState({ cveEnt: '', status: '', indicator: 'I' });
  const set = (k: keyof typeof filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));
  const states = useStates();
  const summary = useRoundSummary(roundId);
  const scope = useScopeName(summary?.round);
  const statusOptions = useStatusOptions();
  const indicatorOptions = useIndicatorOptions();
  return (
    <section className="results">
      <h1>{t('results.rankMunicipalities')}</h1>
      <RoundNav roundId={roundId} />
      <RankingFilters>
        <Select
          id="f-state"
          label={t('results.state')}
          value={filters.cveEnt}
          onChange={set('cveEnt')}
          options={[
            { value: '', label: t('results.all') },
            ...(states.data?.items ?? []).map((s) => ({ value: s.cveEnt, label: s.name })),
          ]}
        />
        <Select
          id="f-status"
          label={t('results.status')}
          value={filters.status}
          onChange={set('status')}
          options={statusOptions}
        />
        <Select
          id="f-indicator"
          label={t('results.indicator')}
          value={filters.indicator}
          onChange={set('indicator')}
          options={indicatorOptions}
        />
      </RankingFilters>
      <p className="muted small">{filters.cveEnt ? t('results.groupState') : t('results.groupScope', { scope })}</p>
      {/* Keyed by the filters: a new group starts both lists on their first page. */}
      <AreaRanking
        key={JSON.stringify(filters)}
        roundId={roundId}
        scope="municipality"
        indicator={filters.indicator}
        cveEnt={filters.cveEnt}
        status={filters.status}
        testId="municipality"
      />
    </section>
  );
}
