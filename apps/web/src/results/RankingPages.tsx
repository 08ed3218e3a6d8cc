import { useState, type ReactNode } from 'react';
import { useT, type I18n } from '../shared/i18n';
import { ErrorAlert, Spinner } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import {
  LEVELS,
  RANK_INDICATORS,
  resultsApi,
  type AreaItem,
  type AreaPage,
  type AreaScope,
  type InstitutionPage,
} from './api';
import { RoundNav, Select, STATUS_ORDER, useRoundSummary, useScopeName, useStatusText } from './common';
import { useLiveResults } from './live';
import { codeLabel } from './present';
import { RankedList, UnrankedList, type Part } from './ranking-lists';
import { areaGroup, areaHref, institutionQuery, type InstitutionFilters } from './ranking-rows';

export type { RankingRow } from './ranking-lists';

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

/** Page numbers of both lists, reset together when a filter changes. */
function usePages(): [
  { ranked: number; unranked: number },
  (which: 'ranked' | 'unranked') => (p: number) => void,
  () => void,
] {
  const [pages, setPages] = useState({ ranked: 1, unranked: 1 });
  return [pages, (which) => (p) => setPages((s) => ({ ...s, [which]: p })), () => setPages({ ranked: 1, unranked: 1 })];
}

/** A page of institutions as list rows: name, type, level and place, linking to the institution. */
function institutionPart(page: InstitutionPage, roundId: string, maybe: I18n['maybe']): Part {
  return {
    total: page.total,
    pageSize: page.pageSize,
    rows: page.items.map((i) => ({
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
  };
}

/** The institution ranking's own filters, before the shared ones: level and type. */
function InstitutionOwnFilters({
  filters,
  onFilter,
  types,
}: {
  filters: InstitutionFilters;
  onFilter(k: keyof InstitutionFilters): (v: string) => void;
  types: AreaItem[];
}) {
  const { t, maybe } = useT();
  return (
    <>
      <Select
        id="f-level"
        label={t('results.level')}
        value={filters.level}
        onChange={onFilter('level')}
        options={[
          { value: '', label: t('results.all') },
          ...LEVELS.map((l) => ({ value: l, label: maybe(`results.level.${l}`, l) })),
        ]}
      />
      <Select
        id="f-type"
        label={t('results.type')}
        value={filters.type}
        onChange={onFilter('type')}
        options={[{ value: '', label: t('results.all') }, ...types.map((a) => ({ value: a.scopeKey, label: a.name }))]}
      />
    </>
  );
}

/** Institutions: validated ranking with rank intervals, then the unranked list (§9). */
export function InstitutionRankingPage({ roundId }: { roundId: string }) {
  const { t, maybe } = useT();
  const [pages, setPage, resetPages] = usePages();
  const [filters, setFilters] = useState<InstitutionFilters>({
    level: '',
    type: '',
    cveEnt: '',
    status: '',
    indicator: 'I',
  });
  const set = (k: keyof InstitutionFilters) => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    resetPages();
  };
  const types = useAsync(
    (signal) => resultsApi.areas(roundId, { scope: 'type', pageSize: 200, sort: 'key' }, signal),
    [roundId],
  );
  const query = institutionQuery(filters, PAGE_SIZE);
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
  const what = t('results.institution');
  return (
    <RankingPageShell
      roundId={roundId}
      title={t('results.rankInstitutions')}
      filters={filters}
      onFilter={set}
      leadingFilters={<InstitutionOwnFilters filters={filters} onFilter={set} types={types.data?.items ?? []} />}
    >
      {(ranked.loading || unranked.loading) && <Spinner />}
      <ErrorAlert error={ranked.error ?? unranked.error} />
      <RankedList
        part={ranked.data ? institutionPart(ranked.data, roundId, maybe) : null}
        what={what}
        page={pages.ranked}
        onPage={setPage('ranked')}
        testId="institution"
      />
      <UnrankedList
        part={unranked.data ? institutionPart(unranked.data, roundId, maybe) : null}
        what={what}
        page={pages.unranked}
        onPage={setPage('unranked')}
        testId="institution"
      />
    </RankingPageShell>
  );
}

/** The filters both ranking pages have, after any of their own. */
interface SharedFilters {
  cveEnt: string;
  status: string;
  indicator: string;
}

/**
 * What the two ranking pages share around their lists: title, round navigation, the filters (the page's
 * own first, then state, status and indicator) and the sentence that says which group ranks are within.
 */
function RankingPageShell({
  roundId,
  title,
  filters,
  onFilter,
  leadingFilters,
  children,
}: {
  roundId: string;
  title: string;
  filters: SharedFilters;
  onFilter(k: keyof SharedFilters): (v: string) => void;
  leadingFilters?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useT();
  usePageTitle(title);
  const states = useStates();
  const statusOptions = useStatusOptions();
  const indicatorOptions = useIndicatorOptions();
  const scope = useScopeName(useRoundSummary(roundId)?.round);
  return (
    <section className="results">
      <h1>{title}</h1>
      <RoundNav roundId={roundId} />
      <fieldset className="filters">
        <legend>{t('results.filters')}</legend>
        {leadingFilters}
        <Select
          id="f-state"
          label={t('results.state')}
          value={filters.cveEnt}
          onChange={onFilter('cveEnt')}
          options={[
            { value: '', label: t('results.all') },
            ...(states.data?.items ?? []).map((s) => ({ value: s.cveEnt, label: s.name })),
          ]}
        />
        <Select
          id="f-status"
          label={t('results.status')}
          value={filters.status}
          onChange={onFilter('status')}
          options={statusOptions}
        />
        <Select
          id="f-indicator"
          label={t('results.indicator')}
          value={filters.indicator}
          onChange={onFilter('indicator')}
          options={indicatorOptions}
        />
      </fieldset>
      <p className="muted small">{filters.cveEnt ? t('results.groupState') : t('results.groupScope', { scope })}</p>
      {children}
    </section>
  );
}

type AreaRankingScope = Extract<AreaScope, 'municipality' | 'state'>;

/** A page of areas as list rows; `sub` says what is under each name (its state, its members). */
function areaPart(
  p: AreaPage,
  roundId: string,
  scope: AreaRankingScope,
  rankable: boolean,
  sub: (a: AreaItem) => ReactNode,
): Part {
  return {
    total: p.total,
    pageSize: p.pageSize,
    rows: p.items.map((a) => ({
      key: a.scopeKey,
      label: a.name,
      sub: sub(a),
      href: areaHref(roundId, scope, a),
      value: a.value,
      rank: rankable ? a.rank : null,
      group: areaGroup(rankable, a),
    })),
  };
}

/** Both area lists of one group (ranked only when the indicator is), following live result changes. */
function useAreaLists(
  roundId: string,
  scope: AreaRankingScope,
  indicator: string,
  cveEnt: string | undefined,
  status: string | undefined,
  pages: { ranked: number; unranked: number },
) {
  const rankable = (RANK_INDICATORS as readonly string[]).includes(indicator);
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
  return { rankable, ranked, unranked };
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
  scope: AreaRankingScope;
  indicator: string;
  cveEnt?: string;
  status?: string;
  testId: string;
}) {
  const { t } = useT();
  const [pages, setPage] = usePages();
  const stateNames = useStates();
  const { rankable, ranked, unranked } = useAreaLists(roundId, scope, indicator, cveEnt, status, pages);
  const names = new Map((stateNames.data?.items ?? []).map((s) => [s.cveEnt, s.name]));
  const members = (a: AreaItem) => t('results.membersOf', { n: a.value.n ?? 0, N: a.value.N ?? '—' });
  const sub = (a: AreaItem): ReactNode =>
    scope === 'municipality' && a.cveEnt ? (
      <>
        {names.get(a.cveEnt) ?? a.cveEnt} · {members(a)}
      </>
    ) : (
      members(a)
    );
  const toRows = (p: AreaPage) => areaPart(p, roundId, scope, rankable, sub);
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
  const [filters, setFilters] = useState<SharedFilters>({ cveEnt: '', status: '', indicator: 'I' });
  const set = (k: keyof SharedFilters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));
  return (
    <RankingPageShell roundId={roundId} title={t('results.rankMunicipalities')} filters={filters} onFilter={set}>
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
    </RankingPageShell>
  );
}
