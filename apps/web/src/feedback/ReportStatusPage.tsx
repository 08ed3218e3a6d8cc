import '../cosign/cosign.css';
import { Alert, ErrorAlert, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { feedbackApi, type ReportStatus } from './api';

export const REPORT_TONE: Record<ReportStatus, string> = {
  open: 'info',
  acknowledged: 'warning',
  fixed: 'success',
  rejected: 'neutral',
};

/** /reportes/:id — the public status of one report: what was reported, its status and the public reply. */
export function ReportStatusPage({ id }: { id: string }) {
  const { t, dateTime } = useT();
  usePageTitle(t('report.statusTitle'));
  const report = useAsync((signal) => feedbackApi.status(id, signal), [id]);
  const r = report.data;
  const fresh = new URLSearchParams(window.location.search).get('nuevo') === '1';
  return (
    <section className="narrow">
      <h1>{t('report.statusTitle')}</h1>
      {report.loading && <Spinner />}
      <ErrorAlert error={report.error} />
      {fresh && r && (
        <Alert kind="success">
          <p>{t('report.received')}</p>
        </Alert>
      )}
      {r && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('report.status')}</dt>
              <dd>
                <span className={`badge badge-${REPORT_TONE[r.status]}`} data-testid="report-status">
                  {t(`report.status.${r.status}`)}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('report.round')}</dt>
              <dd>
                <Link to={`/resultados/${encodeURIComponent(r.roundId)}`}>{r.roundName}</Link>
                {r.institutionName && <> · {t('report.institution', { name: r.institutionName })}</>}
              </dd>
            </div>
            <div>
              <dt>{t('report.what')}</dt>
              <dd>
                {t(`report.target.${r.targetKind}`)}
                {r.targetRef && (
                  <>
                    : <code className="break">{r.targetRef}</code>
                  </>
                )}
              </dd>
            </div>
          </dl>
          <blockquote className="cosign-reason" data-testid="report-description">
            {r.description}
          </blockquote>
          <h2>{t('report.reply')}</h2>
          <p data-testid="report-reply">{r.publicReply || t('report.noReply')}</p>
          <p className="muted small">
            {t('report.filed', { date: dateTime(r.createdAt), updated: dateTime(r.updatedAt) })}
          </p>
        </>
      )}
    </section>
  );
}
