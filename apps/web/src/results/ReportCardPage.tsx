import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { resultsApi, type InstitutionDetail, type ResultValue } from './api';
import { fmtDelta, fmtValue } from './charts';
import { NoHeadlineReason, ResultStatusBadge, SelfReportMark, ValueCell } from './common';
import { codeLabel, methodText, reasonSentences, shownInterval } from './present';
import { cardRows, claimVsValidated, type CardRow } from './report-card';
import { trendHref } from './trends';
import './trends.css';

/** The validated value with its interval; the self-report mark when only the claim is known. */
function ValidatedCell({ v, selfReportOnly }: { v: ResultValue | null; selfReportOnly: boolean }) {
  const { t } = useT();
  const interval = v ? shownInterval(v) : null;
  if (selfReportOnly)
    return (
      <span data-testid="rc-not-validated">
        <SelfReportMark />
      </span>
    );
  if (v?.estimate == null) return <span className="muted">{t('reportCard.noValue')}</span>;
  return (
    <>
      {fmtValue(v.estimate)}
      {interval && (
        <span className="muted">
          {' '}
          [{fmtValue(interval[0])}, {fmtValue(interval[1])}]
        </span>
      )}
    </>
  );
}

/** The status badge and the numbers of its reasons in the list under the tables. */
function StatusReasonsCell({ v, note }: { v: ResultValue | null; note: (reason: string) => number }) {
  const { t } = useT();
  if (!v) return <>—</>;
  return (
    <>
      <ResultStatusBadge status={v.status} />
      {v.reasons.length > 0 && (
        <span className="rc-refs" data-testid="rc-refs">
          {' '}
          <span className="visually-hidden">{t('reportCard.reasonsRef')} </span>(
          {[...new Set(v.reasons)].map(note).join(', ')})
        </span>
      )}
    </>
  );
}

/** One component: validated, claimed, their difference, the status and its reasons; the first (weakest) is marked. */
function CardTableRow({ r, first, note }: { r: CardRow; first: boolean; note: (reason: string) => number }) {
  const { t, lang } = useT();
  const v = r.validated;
  const { selfReportOnly, difference } = claimVsValidated(r);
  return (
    <tr
      data-testid="rc-row"
      data-code={r.code}
      data-estimate={v?.estimate ?? ''}
      data-status={v?.status ?? 'none'}
      className={first && v?.estimate != null ? 'rc-weak' : undefined}
    >
      <th scope="row">{codeLabel(r.code, lang)}</th>
      <td data-label={t('reportCard.validated')}>
        <ValidatedCell v={v} selfReportOnly={selfReportOnly} />
      </td>
      <td data-label={t('reportCard.claimed')}>{r.claimed === null ? '—' : fmtValue(r.claimed)}</td>
      <td data-label={t('reportCard.difference')}>{difference === null ? '—' : fmtDelta(difference)}</td>
      <td data-label={t('reportCard.statusReasons')}>
        <StatusReasonsCell v={v} note={note} />
      </td>
    </tr>
  );
}

function CardTable({
  caption,
  rows,
  testId,
  note,
}: {
  caption: string;
  rows: CardRow[];
  testId: string;
  note: (reason: string) => number;
}) {
  const { t } = useT();
  return (
    <div className="table-wrap">
      <table className="table rc-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportCard.component')}</th>
            <th scope="col">{t('reportCard.validated')}</th>
            <th scope="col">{t('reportCard.claimed')}</th>
            <th scope="col">{t('reportCard.difference')}</th>
            <th scope="col">{t('reportCard.statusReasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <CardTableRow key={r.code} r={r} first={k === 0} note={note} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The headline with its interval, status and reasons (or why there is none), beside the claims' verdicts. */
function CardFacts({ d }: { d: InstitutionDetail }) {
  const { t, lang } = useT();
  const verdicts = d.inputs?.verdicts ?? { confirmed: 0, refuted: 0, unverifiable: 0 };
  const pending = d.summary?.pendingRefutations ?? 0;
  return (
    <div className="rc-facts">
      <div data-testid="rc-headline">
        <strong>
          {t('reportCard.headline')}
          {d.headline && `: ${codeLabel(d.headline.indicator, lang)}`}
        </strong>
        <br />
        {d.headline ? (
          <ValueCell v={d.headline} />
        ) : (
          <NoHeadlineReason selfReported={d.summary?.selfReported ?? d.inputs?.selfReport != null} />
        )}
      </div>
      <div data-testid="rc-claims">
        <strong>{t('reportCard.claims')}</strong>
        <br />
        <span data-testid="rc-confirmed" data-count={verdicts.confirmed}>
          {t('reportCard.confirmed', { n: verdicts.confirmed })}
        </span>
        <br />
        <span data-testid="rc-refuted" data-count={verdicts.refuted}>
          {t('reportCard.refuted', { n: verdicts.refuted })}
        </span>
        <br />
        <span data-testid="rc-disputed" data-count={pending}>
          {t('reportCard.disputed', { n: pending })}
        </span>
      </div>
    </div>
  );
}

/**
 * A one-page, printable report card of one institution in one round: headline with interval, status
 * and reasons; validated vs claimed per sub-index and component, weakest first; verifiable claims
 * confirmed, refuted and still disputed; the volunteer-sample notice. The print stylesheet
 * (trends.css) hides the site chrome and compacts it to one A4 page.
 */
export function ReportCardPage({ roundId, institutionId }: { roundId: string; institutionId: string }) {
  const { t, pick, lang } = useT();
  const data = useAsync((signal) => resultsApi.institution(roundId, institutionId, signal), [roundId, institutionId]);
  const d = data.data;
  usePageTitle(d ? `${t('reportCard.title')} — ${d.institution.name}` : t('reportCard.title'));
  const rows = d ? cardRows(d) : null;
  // Each reason once, numbered, under the tables: a sentence repeated on twenty rows would not fit one page.
  // Numbered in reading order, before rendering: the tables (children) cite them, the list below shows them.
  const notes = rows
    ? [...new Set([...rows.subIndices, ...rows.components].flatMap((r) => r.validated?.reasons ?? []))]
    : [];
  const note = (reason: string): number => notes.indexOf(reason) + 1;
  return (
    <article className="results report-card" data-testid="report-card">
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      {d && rows && (
        <>
          {d.round.synthetic && <SyntheticBanner />}
          <p className="no-print">
            <Link to={`/resultados/${roundId}/instituciones/${institutionId}`}>← {d.institution.name}</Link> ·{' '}
            <Link to={trendHref(roundId, 'institution', institutionId)}>{t('trends.link')}</Link> ·{' '}
            <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
              {t('reportCard.print')}
            </button>
          </p>
          <p className="eyebrow">{t('reportCard.title')}</p>
          <h1>{d.institution.name}</h1>
          <p className="muted small">
            {d.institution.type} · {d.institution.municipality}, {d.institution.state} ·{' '}
            {t('reportCard.generated', {
              round: d.round.name,
              method: methodText(d.provenance.methodId, d.provenance.methodVersion, lang),
            })}
          </p>
          <CardFacts d={d} />
          <h2>{t('reportCard.validatedVsClaimed')}</h2>
          <CardTable caption={t('reportCard.subIndices')} rows={rows.subIndices} testId="rc-subindices" note={note} />
          {rows.components.length > 0 && (
            <CardTable caption={t('reportCard.components')} rows={rows.components} testId="rc-components" note={note} />
          )}
          {notes.length > 0 && (
            <>
              <h2>{t('reportCard.reasons')}</h2>
              <ol className="rc-reasons small" data-testid="rc-reasons">
                {notes.map((r) => (
                  <li key={r}>{reasonSentences([r], lang)[0]}</li>
                ))}
              </ol>
            </>
          )}
          <p className="notice small" role="note" data-testid="rc-notice">
            {pick(d.notice)}
          </p>
        </>
      )}
    </article>
  );
}
