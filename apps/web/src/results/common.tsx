import { useEffect, useState } from 'react';
import { indicatorLabel, MISSING_SENTENCES } from '@apertura/reasons-text';
import { SubNav } from '../shared/components';
import { useT } from '../shared/i18n';
import { useLocation } from '../shared/router';
import {
  resultsApi,
  type AreaValue,
  type RankingGroup,
  type ResultRound,
  type ResultStatus,
  type ResultValue,
  type Summary,
} from './api';
import { fmtValue } from './charts';
import { LiveStatus, useLiveResults } from './live';
import {
  designText,
  indexTitle,
  institutionStatusText,
  markOf,
  methodText,
  neededText,
  reasonSentences,
  scopeName,
  shownInterval,
  statusText,
} from './present';

const TONE: Record<ResultStatus, string> = {
  conclusive: 'success',
  caution: 'warning',
  inconclusive: 'danger',
  not_validated: 'neutral',
};
export { STATUS_ORDER } from './api';

/** Status words from the shared table (reasons-text), so pages, API and downloads say the same. */
export function useStatusText(): (s: ResultStatus | null) => string {
  const { t, lang } = useT();
  return (s) => (s === null ? t('results.noData') : statusText(s, lang));
}

/** Conclusiveness in words and colour (never colour alone). `text` overrides the words (institution page). */
export function ResultStatusBadge({ status, text }: { status: ResultStatus; text?: string }) {
  const words = useStatusText();
  return (
    <span className={`badge badge-${TONE[status] ?? 'neutral'}`} data-status={status}>
      {text ?? words(status)}
    </span>
  );
}

/** A hollow diamond: the mark of an unverified self-report, in text and in charts alike. */
export function SelfReportMark() {
  const { t } = useT();
  return (
    <span className="self-report-mark" data-testid="self-report-mark">
      <span aria-hidden="true">◇</span> {t('results.unverifiedSelfReport')}
    </span>
  );
}

/** Why an institution has no headline value, in words (a bare dash would leave the reader guessing). */
export function NoHeadlineReason({ selfReported }: { selfReported: boolean }) {
  const { t } = useT();
  return (
    <span className="muted" data-testid="no-headline">
      {selfReported ? t('results.noHeadline') : t('results.noHeadlineNoSelfReport')}
    </span>
  );
}

/** The sentences behind a status (and behind a missing value), in the reader's language. */
export function Reasons({ v }: { v: Pick<ResultValue, 'reasons' | 'missing' | 'estimate'> }) {
  const { lang } = useT();
  const missing: readonly string[] = v.estimate === null ? (v.missing ?? []) : [];
  const sentences = [
    ...missing.map(
      (m) => (MISSING_SENTENCES as Record<string, { es: string; en: string } | undefined>)[m]?.[lang] ?? m,
    ),
    // "No citizen reports yet" already said why the value is missing: the status reason would say it again.
    ...reasonSentences(
      v.reasons.filter((r) => !missing.includes(r)),
      lang,
    ),
  ];
  if (sentences.length === 0) return null;
  return (
    <span className="reasons" data-testid="reasons">
      {sentences.join(' ')}
    </span>
  );
}

/**
 * Estimate, interval, status with its reasons in words, and what more data would make it conclusive.
 * An unverified self-report gets the hollow mark and no interval (never "[0.95, 0.95]"). On an
 * institution page, `citizenValidated` keeps government-perspective values from reading "Sin
 * validación ciudadana" beside a validated institution.
 */
export function ValueCell({
  v,
  group,
  citizenValidated = false,
  reasons = true,
}: {
  v: ResultValue | AreaValue | null | undefined;
  group?: RankingGroup | null;
  citizenValidated?: boolean;
  reasons?: boolean;
}) {
  const { t, lang } = useT();
  if (!v) return <>—</>;
  const interval = shownInterval(v, group);
  const mark = markOf(v, group);
  // With its reasons shown, a value whose reasons already say "more reports would not be enough" needs no second copy.
  const needed =
    reasons && v.needed === null && v.reasons.includes('not_reachable_by_sampling') ? null : neededText(v, lang);
  return (
    // data-estimate: the unrounded value, for tests and the live-update benchmark (a change below the shown precision).
    <span className="value-cell" data-mark={mark} data-estimate={v.estimate ?? ''}>
      <strong>{fmtValue(v.estimate)}</strong>{' '}
      {interval && (
        <span className="muted">
          <span className="visually-hidden">{t('results.interval')} </span>[{fmtValue(interval[0])},{' '}
          {fmtValue(interval[1])}]
        </span>
      )}{' '}
      {(mark === 'self_report' || group === 'unverified_self_report') && (
        <>
          <SelfReportMark />{' '}
        </>
      )}
      <ResultStatusBadge status={v.status} text={citizenValidated ? institutionStatusText(v, true, lang) : undefined} />
      {needed && (
        <span className="needed" data-testid="needed">
          {' '}
          {needed}
        </span>
      )}
      {reasons && v.status !== 'conclusive' && <Reasons v={v} />}
      {reasons && v.status === 'conclusive' && v.reasons.length > 0 && <Reasons v={v} />}
    </span>
  );
}

/** Every code beside its label (TG → "Transparencia (perspectiva gubernamental)"). */
export function CodeLegend({ codes }: { codes: readonly string[] }) {
  const { lang } = useT();
  return (
    <dl className="code-legend small">
      {codes.map((c) => (
        <div key={c}>
          <dt>{c}</dt>
          <dd>{indicatorLabel(c, lang)}</dd>
        </div>
      ))}
    </dl>
  );
}

// The round's summary (design, method, states, national values) is read by every results page and by
// the overview itself: one request per round and page view, shared by every component that needs it.
const summaries = new Map<string, { at: number; reading: Promise<Summary> }>();
/**
 * How long a reading may be shared by a component that mounts later (the overview's page navigation
 * mounts after the overview's own reading). A reading also ends when a change of the round's area
 * results arrives (forgetRoundSummary), so an open page never shows an older one.
 */
const SUMMARY_SHARED_MS = 10_000;

/** The round's summary: the reading of this page view if there is one, else a new one that becomes it. */
export function roundSummary(roundId: string): Promise<Summary> {
  const kept = summaries.get(roundId);
  if (kept && performance.now() - kept.at < SUMMARY_SHARED_MS) return kept.reading;
  const reading = resultsApi.summary(roundId);
  summaries.set(roundId, { at: performance.now(), reading });
  // A failed read is not shared: the next component or page view asks again.
  reading.catch(() => {
    if (summaries.get(roundId)?.reading === reading) summaries.delete(roundId);
  });
  return reading;
}

/** Ends the shared reading of the round's summary (its area results changed). */
export function forgetRoundSummary(roundId: string): void {
  summaries.delete(roundId);
}

/** The round's summary, shared by every component of the page that needs its design, method or states. */
export function useRoundSummary(roundId: string): Summary | null {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [changes, setChanges] = useState(0);
  // Its coverage and computed-at change with the area rows: forget the shared one and read it again.
  useLiveResults(
    roundId,
    () => {
      forgetRoundSummary(roundId);
      setChanges((n) => n + 1);
    },
    (c) => c.scope !== 'institution',
  );
  useEffect(() => {
    let live = true;
    roundSummary(roundId)
      .then((s) => live && setSummary(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [roundId, changes]);
  return summary;
}

/** "Índice de apertura — Estado de México" for a one-state round, never "nacional". */
export function useIndexTitle(round: Pick<ResultRound, 'states'> | null | undefined): string {
  const { lang } = useT();
  return indexTitle(round?.states, lang);
}

/** The area of the round ("Nacional", "Estado de México", "5 estados"). */
export function useScopeName(round: Pick<ResultRound, 'states'> | null | undefined): string {
  const { lang } = useT();
  return scopeName(round?.states, lang).name;
}

/** Design (census / sample) and method of a round: shown on every results page. */
export function RoundFacts({ round }: { round: ResultRound | null | undefined }) {
  const { lang, t } = useT();
  if (!round) return null;
  const scope = scopeName(round.states, lang).name;
  return (
    <p className="round-facts muted small" data-testid="round-facts">
      <span data-testid="round-scope">
        {t('results.scope')}: {scope}
      </span>
      {' · '}
      <span data-testid="round-design">{designText(round.design, lang)}</span>
      {' · '}
      <span data-testid="round-method">{methodText(round.methodId, round.methodVersion, lang)}</span>
    </p>
  );
}

export function RoundNav({ roundId }: { roundId: string }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const summary = useRoundSummary(roundId);
  const base = `/resultados/${roundId}`;
  const items = [
    { to: base, label: t('results.overview'), active: pathname === base },
    {
      to: `${base}/instituciones`,
      label: t('results.institutions'),
      active: pathname.startsWith(`${base}/instituciones`),
    },
    { to: `${base}/municipios`, label: t('results.municipalities'), active: pathname.startsWith(`${base}/municipios`) },
    { to: `${base}/estados`, label: t('results.states'), active: pathname.startsWith(`${base}/estados`) },
  ];
  return (
    <>
      <RoundFacts round={summary?.round} />
      <SubNav label={t('results.roundViews')} items={items} />
      <LiveStatus roundId={roundId} />
    </>
  );
}

/** A labelled native select (every control has a visible label). */
export function Select({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <div className="field filter">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
