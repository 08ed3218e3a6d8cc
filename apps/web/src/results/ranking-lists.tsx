import type { ReactNode } from 'react';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { Pagination } from '../shared/components';
import type { Rank, RankingGroup, ResultValue } from './api';
import { IntervalChart, RankChart, type IntervalRow, type RankRow } from './charts';
import { useStatusText, ValueCell } from './common';
import { markOf, rankSentence, rankText, usesPercentileBand } from './present';

/*
 * The two lists every ranking shows (§9): the ranked group with rank intervals, then everything not
 * ranked, by name. Shared by the institution, municipality and state rankings.
 */

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

export interface Part {
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
export function RankedList({
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
export function UnrankedList({
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
