import '../cosign/cosign.css';
import { useState } from 'react';
import { useSession } from '../shared/auth';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from '../console/ConsoleNav';
import { feedbackApi, REPORT_STATUSES, type ReportStatus, type StaffReport } from './api';
import { REPORT_TONE } from './ReportStatusPage';

/** /consola/reportes — the operator's queue of public error reports, with triage (admins) and public replies. */
export function FeedbackQueuePage() {
  const { t } = useT();
  usePageTitle(t('report.queueTitle'));
  const [filter, setFilter] = useState<ReportStatus | ''>('open');
  const queue = useAsync((signal) => feedbackApi.queue(filter || undefined, signal), [filter]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <ConsoleNav />
      <header className="page-header">
        <h1>{t('report.queueTitle')}</h1>
      </header>
      <p className="muted">{t('report.queueIntro')}</p>
      {notice && (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      )}
      <Field label={t('report.filter')}>
        {(a) => (
          <select {...a} value={filter} onChange={(e) => setFilter(e.target.value as ReportStatus | '')}>
            <option value="">{t('report.filterAll')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`report.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {queue.loading && <Spinner />}
      <ErrorAlert error={queue.error} />
      {queue.data && queue.data.length === 0 && <p>{t('report.queueEmpty')}</p>}
      <ul className="report-queue">
        {queue.data?.map((r) => (
          <ReportCard
            key={r.id}
            report={r}
            onDone={() => {
              setNotice(t('report.updated'));
              queue.reload();
            }}
          />
        ))}
      </ul>
    </>
  );
}

function ReportCard({ report: r, onDone }: { report: StaffReport; onDone(): void }) {
  const { t, dateTime } = useT();
  const admin = useSession()?.user.role === 'guarantor_admin';
  const [reply, setReply] = useState(r.publicReply);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const closed = r.status === 'fixed' || r.status === 'rejected';

  async function triage(status: Exclude<ReportStatus, 'open'>) {
    setBusy(status);
    setError(null);
    try {
      await feedbackApi.triage(r.id, { status, publicReply: reply });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="card section" data-testid="report-card">
      <p>
        <span className={`badge badge-${REPORT_TONE[r.status]}`}>{t(`report.status.${r.status}`)}</span>{' '}
        <strong>{r.roundName}</strong>
        {r.institutionName && <> · {r.institutionName}</>} · {dateTime(r.createdAt)}
      </p>
      <p>
        {t(`report.target.${r.targetKind}`)}
        {r.targetRef && (
          <>
            : <code className="break">{r.targetRef}</code>
          </>
        )}
      </p>
      <blockquote className="cosign-reason">{r.description}</blockquote>
      {r.contactEmail && <p className="muted small">{t('report.contactPrivate', { email: r.contactEmail })}</p>}
      <p className="small">
        <Link to={`/reportes/${r.id}`}>{t('report.publicPage')}</Link>
      </p>
      <ErrorAlert error={error} />
      {admin && !closed ? (
        <div className="form">
          <Field label={t('report.publicReply')}>
            {(a) => (
              <textarea {...a} rows={3} maxLength={4000} value={reply} onChange={(e) => setReply(e.target.value)} />
            )}
          </Field>
          <div className="actions">
            {r.status === 'open' && (
              <Button variant="secondary" busy={busy === 'acknowledged'} onClick={() => void triage('acknowledged')}>
                {t('report.acknowledge')}
              </Button>
            )}
            <Button busy={busy === 'fixed'} onClick={() => void triage('fixed')}>
              {t('report.fix')}
            </Button>
            <Button variant="secondary" busy={busy === 'rejected'} onClick={() => void triage('rejected')}>
              {t('report.reject')}
            </Button>
          </div>
        </div>
      ) : (
        r.publicReply && <p data-testid="report-reply">{r.publicReply}</p>
      )}
    </li>
  );
}
