import { useT } from '../shared/i18n';
import { Link, navigate, useLocation } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { MAP_INDICATORS, resultsApi, type AreaValue, type ResultStatus, type State } from './api';
import { ColourLegend, TileGrid, type Tile } from './charts';
import { RoundNav, Select, useStatusText, ValueCell } from './common';
import { useLiveResults } from './live';
import { codeLabel } from './present';
import { AreaRanking } from './RankingPages';
import { MEXICO_TILES, stateTiles } from './tiles';
import { GeoStateMap } from './GeoStateMap';
import { trendHref } from './trends';

type StateIndicator = (typeof MAP_INDICATORS)[number];

/** The indicator of `?indicador=` (shareable links keep the choice), I when absent or unknown. */
function indicatorFrom(search: URLSearchParams): StateIndicator {
  const v = search.get('indicador');
  return (MAP_INDICATORS as readonly string[]).includes(v ?? '') ? (v as StateIndicator) : 'I';
}

/** The state and indicator choosers; a new indicator replaces the history entry, a new state adds one. */
function StateFilters({
  roundId,
  cveEnt,
  indicator,
  states,
  suffix,
}: {
  roundId: string;
  cveEnt?: string;
  indicator: StateIndicator;
  states: State[];
  /** The indicator's query string, kept when switching state. */
  suffix: string;
}) {
  const { t, lang } = useT();
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('results.filters')}</legend>
      <Select
        id="f-state-view"
        label={t('results.chooseState')}
        value={cveEnt ?? ''}
        onChange={(v) => v && navigate(`/resultados/${roundId}/estados/${v}${suffix}`)}
        options={[{ value: '', label: '—' }, ...states.map((s) => ({ value: s.cveEnt, label: s.name }))]}
      />
      <Select
        id="f-state-indicator"
        label={t('results.indicator')}
        value={indicator}
        onChange={(v) =>
          navigate(`/resultados/${roundId}/estados${cveEnt ? `/${cveEnt}` : ''}${v === 'I' ? '' : `?indicador=${v}`}`, {
            replace: true,
          })
        }
        options={MAP_INDICATORS.map((i) => ({ value: i, label: codeLabel(i, lang) }))}
      />
    </fieldset>
  );
}

/** The state's outline map and the 32-state tile grid, both coloured by the chosen indicator. */
function StateMaps({
  tiles,
  cveEnt,
  indicator,
  statusText,
}: {
  tiles: Tile[];
  cveEnt?: string;
  indicator: StateIndicator;
  statusText: (s: ResultStatus | null) => string;
}) {
  const { t, lang } = useT();
  return (
    <div className="state-maps">
      <div>
        <h3 className="small">{t('map.title')}</h3>
        <GeoStateMap
          tiles={tiles}
          selected={cveEnt}
          label={t('map.label', { indicator: codeLabel(indicator, lang) })}
          statusText={statusText}
          columns={[t('results.state'), t('results.value'), t('results.status')]}
        />
      </div>
      <div>
        <h3 className="small">{t('results.stateMap')}</h3>
        <TileGrid
          tiles={tiles}
          layout={MEXICO_TILES}
          selected={cveEnt}
          label={t('results.stateMapLabel', { indicator: codeLabel(indicator, lang) })}
          statusText={statusText}
          columns={[t('results.state'), t('results.value'), t('results.status')]}
        />
      </div>
    </div>
  );
}

/** The chosen state's value, its trend links and its municipalities ranked. */
function StateMunicipalities({
  roundId,
  cveEnt,
  indicator,
  stateName,
  current,
}: {
  roundId: string;
  cveEnt: string;
  indicator: StateIndicator;
  stateName: string;
  current: AreaValue | undefined;
}) {
  const { t, lang } = useT();
  return (
    <section>
      <h2>{t('results.municipalities')}</h2>
      {current && (
        <p data-testid="state-value">
          {stateName} — {codeLabel(indicator, lang)}: <ValueCell v={current} />
        </p>
      )}
      <p className="page-links">
        <Link to={trendHref(roundId, 'state', cveEnt, indicator)}>{t('trends.linkState')}</Link>
      </p>
      <MunicipalityTrendPicker roundId={roundId} cveEnt={cveEnt} indicator={indicator} />
      <AreaRanking
        key={`${cveEnt}:${indicator}`}
        roundId={roundId}
        scope="municipality"
        indicator={indicator}
        cveEnt={cveEnt}
        testId="state-muni"
      />
      <p>
        <Link to={`/resultados/${roundId}/municipios`}>{t('results.rankMunicipalities')}</Link>
      </p>
    </section>
  );
}

/**
 * A state's municipalities compared, beside the 32-state tile grid (click a tile to switch state).
 * Tiles and municipalities follow one chosen indicator (I by default; the sub-indices show where a
 * state's index comes from, e.g. TC missing where nobody validated).
 */
export function StatePage({ roundId, cveEnt }: { roundId: string; cveEnt?: string }) {
  const { t, lang } = useT();
  const statusText = useStatusText();
  const indicator = indicatorFrom(useLocation().search);
  const suffix = indicator === 'I' ? '' : `?indicador=${indicator}`;
  const states = useAsync((signal) => resultsApi.states(signal), []);
  const stateValues = useAsync(
    (signal) => resultsApi.areas(roundId, { scope: 'state', indicator, pageSize: 50, sort: 'key' }, signal),
    [roundId, indicator],
  );
  useLiveResults(roundId, stateValues.refresh, (c) => c.scope !== 'institution');
  const stateName = states.data?.items.find((s) => s.cveEnt === cveEnt)?.name ?? cveEnt ?? '';
  usePageTitle(cveEnt ? t('results.stateView', { state: stateName }) : t('results.states'));

  const tiles = stateTiles(
    states.data?.items ?? [],
    stateValues.data?.items ?? [],
    (cve) => `/resultados/${roundId}/estados/${cve}${suffix}`,
  );
  const byState = new Map((stateValues.data?.items ?? []).map((a) => [a.scopeKey, a.value]));
  const current = cveEnt ? byState.get(cveEnt) : undefined;

  return (
    <section className="results">
      <h1>{cveEnt ? t('results.stateView', { state: stateName }) : t('results.states')}</h1>
      <RoundNav roundId={roundId} />
      <ErrorAlert error={states.error ?? stateValues.error} />
      <StateFilters
        roundId={roundId}
        cveEnt={cveEnt}
        indicator={indicator}
        states={states.data?.items ?? []}
        suffix={suffix}
      />
      <div className={cveEnt ? 'state-layout' : 'state-layout state-layout-wide'}>
        <section>
          {/* The section names both maps; each map has its own heading below (the tile grid's was shown twice). */}
          <h2>{t('results.stateMapsSection')}</h2>
          <p className="muted small">{t('results.stateMapHint')}</p>
          {(states.loading || stateValues.loading) && <Spinner />}
          {tiles.length > 0 && (
            <StateMaps tiles={tiles} cveEnt={cveEnt} indicator={indicator} statusText={statusText} />
          )}
          <ColourLegend label={codeLabel(indicator, lang)} />
          <p className="muted small">{t('results.markers')}</p>
        </section>
        {cveEnt && (
          <StateMunicipalities
            roundId={roundId}
            cveEnt={cveEnt}
            indicator={indicator}
            stateName={stateName}
            current={current}
          />
        )}
      </div>
      {!cveEnt && (
        <section>
          <p className="page-links">
            <Link to={trendHref(roundId, 'national', null, indicator)}>{t('trends.linkNational')}</Link>
          </p>
          <h2>{t('results.rankStates')}</h2>
          <AreaRanking key={indicator} roundId={roundId} scope="state" indicator={indicator} testId="state" />
        </section>
      )}
    </section>
  );
}

/** A municipality of the state, chosen from the round's values, opens its trend over every round. */
function MunicipalityTrendPicker({
  roundId,
  cveEnt,
  indicator,
}: {
  roundId: string;
  cveEnt: string;
  indicator: StateIndicator;
}) {
  const { t } = useT();
  const munis = useAsync(
    (signal) =>
      resultsApi.areas(roundId, { scope: 'municipality', cveEnt, indicator, pageSize: 200, sort: 'name' }, signal),
    [roundId, cveEnt, indicator],
  );
  const items = munis.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Select
      id="f-muni-trend"
      label={t('trends.linkMunicipality')}
      value=""
      onChange={(v) => v && navigate(trendHref(roundId, 'municipality', v, indicator))}
      options={[{ value: '', label: '—' }, ...items.map((m) => ({ value: m.scopeKey, label: m.name }))]}
    />
  );
}
