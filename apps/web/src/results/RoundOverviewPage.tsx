import { useT } from '../shared/i18n';
import { downloadFile } from '../shared/api';
import { Button, ErrorAlert, Spinner } from '../shared/components';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import {
  EXPORT_DATASETS,
  excelVariant,
  isStaff,
  resultsApi,
  type Distribution,
  type ExportFile,
  type ResultStatus,
  type Summary,
} from './api';
import { Histogram, Scatter, SubIndexBars, type ScatterPoint } from './charts';
import {
  CodeLegend,
  forgetRoundSummary,
  ResultStatusBadge,
  RoundNav,
  roundSummary,
  STATUS_ORDER,
  useIndexTitle,
  useScopeName,
  useStatusText,
  ValueCell,
} from './common';
import { useLiveResults, WHOLE_ROUND_REFRESH_MS } from './live';
import { CosignRecord } from '../cosign/CosignRecord';
import { ValidatorsProfileSection } from './ValidatorsProfile';
import { nationalHeadline, statusCounts, subIndexRows, SUB_INDICES } from './overview';
import { codeLabel } from './present';

/**
 * Round overview: the index distributions (validated I and unverified I_G never in the same bars),
 * T vs P, the four sub-indices, coverage counts from the summary, status counts, open data.
 */
export function RoundOverviewPage({ roundId }: { roundId: string }) {
  const { t, pick } = useT();
  const statusText = useStatusText();
  // The page navigation reads the same summary: one request (common.tsx roundSummary).
  const summary = useAsync(() => roundSummary(roundId), [roundId]);
  // Headline per institution (I, else I_G) plus T and P for the scatter: every institution in one request.
  const insts = useAsync((signal) => resultsApi.distribution(roundId, signal), [roundId]);
  // National values change with the area rows, the distribution with any institution's (re-read at
  // most every few seconds: it is every institution of the round).
  useLiveResults(
    roundId,
    () => {
      forgetRoundSummary(roundId);
      summary.refresh();
    },
    (c) => c.scope !== 'institution',
  );
  useLiveResults(roundId, insts.refresh, () => true, WHOLE_ROUND_REFRESH_MS);
  const s = summary.data;
  usePageTitle(s?.round.name);
  const headline = nationalHeadline(s?.national ?? []);

  const scopeName = useScopeName(s?.round);
  const d = insts.data;
  const counts = statusCounts(d?.status);
  const subRows = subIndexRows(s?.national ?? []);

  return (
    <section className="results">
      {summary.loading && <Spinner />}
      <ErrorAlert error={summary.error ?? insts.error} />
      {s && (
        <>
          {s.synthetic && <SyntheticBanner />}
          <h1>{s.round.name}</h1>
          <RoundNav roundId={roundId} />
          <p className="notice" role="note">
            {pick(s.notice)}
          </p>
          {!s.computed && <p className="alert alert-info">{t('results.notComputed')}</p>}
          <OverviewFacts summary={s} headline={headline} />

          <DistributionCharts d={insts.data} loading={insts.loading} />

          <h2>{t('results.subTitle', { scope: scopeName })}</h2>
          <SubIndexBars rows={subRows} label={t('results.subLabel')} statusText={statusText} />
          <CodeLegend codes={SUB_INDICES} />
          <p className="muted small">{t('results.hatchLegend')}</p>

          <StatusCounts counts={counts} />

          <ValidatorsProfileSection roundId={roundId} />

          <h2>{t('results.openData')}</h2>
          <p className="muted">{t('results.openDataHint')}</p>
          <OpenDataDownloads roundId={roundId} published={s.round.status === 'published'} />
          {s.round.status === 'published' && <CosignRecord roundId={roundId} />}
        </>
      )}
    </section>
  );
}

/** The headline with its interval and status, the round's coverage, and the method that computed it. */
function OverviewFacts({ summary, headline }: { summary: Summary; headline: Summary['national'][number] | undefined }) {
  const { t, dateTime, lang } = useT();
  const indexTitle = useIndexTitle(summary.round);
  return (
    <dl className="facts facts-grid">
      <div>
        <dt data-testid="index-title">
          {indexTitle}
          {/* "Índice de apertura" is I; any other headline (I_G when nothing is validated) says what it is. */}
          {!headline || headline.indicator === 'I' ? ' (I)' : ` — ${codeLabel(headline.indicator, lang)}`}
        </dt>
        <dd data-testid="national-headline">
          <ValueCell v={headline} />
        </dd>
      </div>
      <div>
        <dt>{t('results.subjects')}</dt>
        <dd>
          <CoverageList coverage={summary.coverage} />
        </dd>
      </div>
      <div>
        <dt>{t('results.method')}</dt>
        <dd data-testid="method">
          {summary.provenance.methodId ?? '—'} v{summary.provenance.methodVersion ?? '—'} · {t('results.computedAt')}{' '}
          {dateTime(summary.provenance.computedAt)}
        </dd>
      </div>
    </dl>
  );
}

/** How many institutions have each status, each with its badge. */
function StatusCounts({ counts }: { counts: ReturnType<typeof statusCounts> }) {
  const { t } = useT();
  return (
    <>
      <h2>{t('results.statusTitle')}</h2>
      <p className="muted small">{t('results.statusHint')}</p>
      <ul className="status-counts" aria-label={t('results.statusCounts')}>
        {counts.map(([st, n]) => (
          <li key={st} data-testid={`count-${st}`}>
            <ResultStatusBadge status={st} /> <strong>{n}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Coverage of the round: the universe and how much of it reported, was validated, verified, reported on. */
function CoverageList({ coverage }: { coverage: Summary['coverage'] }) {
  const { t } = useT();
  return (
    <ul className="coverage-list">
      <li data-testid="coverage-universe">{t('results.coverageUniverse', { n: coverage.institutions })}</li>
      <li data-testid="coverage-self">{t('results.coverageSelf', { n: coverage.withSelfReport })}</li>
      <li data-testid="coverage-validated" data-count={coverage.validatedInstitutions}>
        {t('results.coverageValidated', { n: coverage.validatedInstitutions })}
      </li>
      <li data-testid="coverage-verified" data-count={coverage.verifiedInstitutions}>
        {t('results.coverageVerified', { n: coverage.verifiedInstitutions })}
      </li>
      <li data-testid="coverage-any-report" data-count={coverage.withAnyCitizenReport}>
        {t('results.coverageAnyReport', { n: coverage.withAnyCitizenReport })}
      </li>
      {coverage.pendingRefutations > 0 && (
        <li data-testid="coverage-pending">{t('results.coveragePending', { n: coverage.pendingRefutations })}</li>
      )}
    </ul>
  );
}

/**
 * The distribution of the headline over institutions — validated I and unverified I_G in separate
 * histograms, never in the same bars — and T against P.
 */
function DistributionCharts({ d, loading }: { d: Distribution | undefined; loading: boolean }) {
  const { t, lang } = useT();
  const statusText = useStatusText();
  // One distribution per indicator: a validated I and an unverified self-report I_G are different measures.
  const valuesOf = (indicator: 'I' | 'I_G') =>
    d ? d.estimate.filter((v, k): v is number => v !== null && d.headline[k] === indicator) : [];
  const validatedValues = valuesOf('I');
  const selfReportValues = valuesOf('I_G');
  const points: ScatterPoint[] = d
    ? d.id.flatMap((id, k) => {
        const x = d.t[k];
        const y = d.p[k];
        const ts = d.tStatus[k];
        const ps = d.pStatus[k];
        if (x === null || y === null || ts === null || ps === null) return [];
        const worst = STATUS_ORDER[Math.max(STATUS_ORDER.indexOf(ts), STATUS_ORDER.indexOf(ps))] as ResultStatus;
        return [{ key: id, label: d.name[k], x, y, status: worst }];
      })
    : [];
  return (
    <div className="chart-grid">
      <section data-testid="hist-I">
        <h2>{t('results.histValidatedTitle')}</h2>
        <p className="muted">{t('results.histValidatedHint', { n: validatedValues.length })}</p>
        {loading && <Spinner />}
        {d && (
          <Histogram
            values={validatedValues}
            label={t('results.histValidatedLabel', { n: validatedValues.length })}
            binLabel={t('results.bin')}
            countLabel={t('results.count')}
          />
        )}
      </section>
      <section data-testid="hist-I_G">
        <h2>{t('results.histSelfTitle')}</h2>
        <p className="muted">{t('results.histSelfHint', { n: selfReportValues.length })}</p>
        {d && (
          <Histogram
            values={selfReportValues}
            label={t('results.histSelfLabel', { n: selfReportValues.length })}
            binLabel={t('results.bin')}
            countLabel={t('results.count')}
            hollow
          />
        )}
      </section>
      <section>
        <h2>{t('results.scatterTitle')}</h2>
        {d && points.length === 0 && <p>{t('results.scatterNone')}</p>}
        {points.length > 0 && (
          <Scatter
            points={points}
            label={t('results.scatterLabel', { n: points.length })}
            manyCaption={t('results.scatterMany', { n: points.length })}
            xLabel={codeLabel('T', lang)}
            yLabel={codeLabel('P', lang)}
            statusText={statusText}
          />
        )}
      </section>
    </div>
  );
}

/** The open-data files: public links once published; before that, authenticated downloads for staff only. */
function OpenDataDownloads({ roundId, published }: { roundId: string; published: boolean }) {
  const { t } = useT();
  const staff = isStaff();
  return (
    <ul className="downloads">
      {EXPORT_DATASETS.map((d) => {
        const files: Array<[ExportFile, string, boolean]> = [
          [`${d}.csv`, `${d}.csv`, false],
          [`${d}.csv`, `${d}.csv (Excel)`, true],
          [`${d}.json`, `${d}.json`, false],
        ];
        return (
          <li key={d} data-testid={`download-${d}`}>
            <span className="download-dataset">{t(`results.dataset.${d}`)}:</span>{' '}
            {files.map(([f, label, excel]) =>
              published ? (
                <a
                  key={label}
                  href={
                    excel
                      ? excelVariant(resultsApi.publicExportUrl(roundId, f))
                      : resultsApi.publicExportUrl(roundId, f)
                  }
                  download
                >
                  {label}
                </a>
              ) : staff ? (
                <Button
                  key={label}
                  variant="secondary"
                  small
                  onClick={() =>
                    void downloadFile(
                      excel
                        ? excelVariant(resultsApi.staffExportPath(roundId, f))
                        : resultsApi.staffExportPath(roundId, f),
                      f,
                    )
                  }
                >
                  {t('results.download')} {label}
                </Button>
              ) : null,
            )}
          </li>
        );
      })}
    </ul>
  );
}
