import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { useSession } from '../shared/auth';
import { Alert, Button, ErrorAlert, Field, Pagination, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link, useLocation } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from './ConsoleNav';
import { mailApi, MAIL_OUTCOMES, troubleOf, type CapturedMail, type Delivery, type MailOutcome } from './mail-api';

/** States whose row shows the SMTP server's last answer. */
const TROUBLE_OR_RESENT: ReadonlySet<MailOutcome> = new Set<MailOutcome>(['failed', 'given_up', 'resent']);

/** Staff's mail page: every delivery and its state, a test mail, and (in development) the caught mail. */
export function MailPage() {
  const { t } = useT();
  usePageTitle(t('mail.title'));
  const { search } = useLocation();
  const roundId = search.get('ronda') ?? undefined;
  const isAdmin = useSession()?.user.role === 'guarantor_admin';
  return (
    <>
      <ConsoleNav />
      <h1>{t('mail.title')}</h1>
      <p>
        <Link to="/consola/correo/plantillas">{t('inv.templatesLink')}</Link>
      </p>
      <Deliveries roundId={roundId} isAdmin={isAdmin} />
      {isAdmin && <TestMail />}
      <Captured />
    </>
  );
}

function Deliveries({ roundId, isAdmin }: { roundId?: string; isAdmin: boolean }) {
  const { t } = useT();
  const headingId = useId();
  const filterId = useId();
  const [outcome, setOutcome] = useState<MailOutcome | ''>('');
  const [page, setPage] = useState(1);
  const [resending, setResending] = useState<string | null>(null);
  const [resendError, setResendError] = useState<unknown>(null);
  const [resentTo, setResentTo] = useState<string | null>(null);
  const list = useAsync(
    (signal) => mailApi.deliveries({ roundId, outcome: outcome || undefined, page }, signal),
    [roundId, outcome, page],
  );
  const d = list.data;

  async function resend(m: Delivery) {
    setResending(m.eventId);
    setResendError(null);
    setResentTo(null);
    try {
      const r = await mailApi.resend(m.eventId);
      setResentTo(r.to ?? m.recipient ?? '—');
      list.reload();
    } catch (err) {
      setResendError(err);
    } finally {
      setResending(null);
    }
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('mail.deliveries')}</h2>
      <p className="muted">{t('mail.deliveriesHint')}</p>
      {list.loading && !d && <Spinner />}
      <ErrorAlert error={list.error} />
      {d && (
        <>
          <DeliveryTotals counts={d.counts} last24h={d.last24h} />
          <p>
            <label htmlFor={filterId}>{t('mail.filter')} </label>
            <select
              id={filterId}
              value={outcome}
              onChange={(e) => {
                setOutcome(e.target.value as MailOutcome | '');
                setPage(1);
              }}
            >
              <option value="">{t('mail.all')}</option>
              {MAIL_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`mail.outcome.${o}`)}
                </option>
              ))}
            </select>{' '}
            <Button variant="secondary" small onClick={list.reload}>
              {t('mail.reload')}
            </Button>
          </p>
          <ErrorAlert error={resendError} />
          {resentTo && <Alert kind="success">{t('mail.resent', { to: resentTo })}</Alert>}
          {d.items.length === 0 ? (
            <p>{t('mail.none')}</p>
          ) : (
            <DeliveryTable items={d.items} isAdmin={isAdmin} resending={resending} onResend={resend} />
          )}
          <Pagination page={page} pageSize={50} total={d.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

type DeliveryPage = Awaited<ReturnType<typeof mailApi.deliveries>>;

/** Deliveries per state (with a warning when some are in trouble) and the last 24 hours. */
function DeliveryTotals({ counts, last24h }: Pick<DeliveryPage, 'counts' | 'last24h'>) {
  const { t, number } = useT();
  return (
    <>
      {troubleOf(counts) > 0 && (
        <Alert kind="warning" title={t('mail.troubleTitle', { count: troubleOf(counts) })}>
          {t('mail.troubleBody')}
        </Alert>
      )}
      <p>{MAIL_OUTCOMES.map((o) => `${t(`mail.outcome.${o}`)}: ${number(counts[o])}`).join(' · ')}</p>
      <p className="muted">
        {t('mail.last24h', {
          sent: number(last24h.sent),
          failed: number(last24h.failed),
          givenUp: number(last24h.given_up),
        })}
      </p>
    </>
  );
}

/** One page of deliveries; admins resend the failed or given-up ones. */
function DeliveryTable({
  items,
  isAdmin,
  resending,
  onResend,
}: {
  items: Delivery[];
  isAdmin: boolean;
  resending: string | null;
  onResend(m: Delivery): Promise<void>;
}) {
  const { t } = useT();
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr>
            <th scope="col">{t('mail.recipient')}</th>
            <th scope="col">{t('mail.kindColumn')}</th>
            <th scope="col">{t('mail.state')}</th>
            <th scope="col">{t('mail.attempts')}</th>
            <th scope="col">{t('mail.reason')}</th>
            <th scope="col">{t('mail.updated')}</th>
            {isAdmin && <th scope="col">{t('mail.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <DeliveryRow key={m.eventId} mail={m} isAdmin={isAdmin} resending={resending} onResend={onResend} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeliveryRow({
  mail: m,
  isAdmin,
  resending,
  onResend,
}: {
  mail: Delivery;
  isAdmin: boolean;
  resending: string | null;
  onResend(m: Delivery): Promise<void>;
}) {
  const { t, maybe, number, dateTime } = useT();
  return (
    <tr>
      <td data-label={t('mail.recipient')}>
        {m.recipient ?? '—'}
        {m.institutionName && <div className="muted">{m.institutionName}</div>}
      </td>
      <td data-label={t('mail.kindColumn')}>{maybe(`mail.kind.${m.kind}`, m.kind)}</td>
      <td data-label={t('mail.state')}>
        {t(`mail.outcome.${m.outcome}`)}
        {m.resentAs && <div className="muted">{t('mail.resentAs')}</div>}
        {m.resentFrom && <div className="muted">{t('mail.resentFrom')}</div>}
      </td>
      <td data-label={t('mail.attempts')}>{number(m.attempts)}</td>
      {/* On a phone the label shows only where there is a reason to read. */}
      <td data-label={m.lastError && TROUBLE_OR_RESENT.has(m.outcome) ? t('mail.reason') : undefined}>
        {TROUBLE_OR_RESENT.has(m.outcome) ? (m.lastError ?? '—') : ''}
      </td>
      <td data-label={t('mail.updated')}>{dateTime(m.updatedAt)}</td>
      {isAdmin && (
        <td>
          {(m.outcome === 'failed' || m.outcome === 'given_up') && (
            <Button
              variant="secondary"
              small
              busy={resending === m.eventId}
              aria-label={t('mail.resendLabel', { to: m.recipient ?? '—' })}
              onClick={() => void onResend(m)}
            >
              {t('mail.resend')}
            </Button>
          )}
        </td>
      )}
    </tr>
  );
}

function TestMail() {
  const { t } = useT();
  const headingId = useId();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [queuedTo, setQueuedTo] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setQueuedTo(null);
    try {
      setQueuedTo((await mailApi.sendTest(to.trim() || undefined)).to);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = error instanceof ApiError && error.field === 'to' ? error.message : null;
  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('mail.test')}</h2>
      <p className="muted">{t('mail.testHint')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('mail.testTo')} error={fieldError}>
          {(p) => <input {...p} type="email" autoComplete="email" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Button type="submit" busy={busy}>
          {t('mail.testSend')}
        </Button>
      </form>
      {!fieldError && <ErrorAlert error={error} />}
      {queuedTo && <Alert kind="success">{t('mail.testQueued', { to: queuedTo })}</Alert>}
    </section>
  );
}

function Captured() {
  const { t } = useT();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const list = useAsync((signal) => mailApi.captured(page, signal), [page]);
  // In production the route does not exist: no section at all.
  if (list.error instanceof ApiError && list.error.status === 404) return null;
  const c = list.data;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('mail.captured')}</h2>
      <p className="muted">{c && !c.catcher ? t('mail.capturedOff') : t('mail.capturedHint')}</p>
      {list.loading && !c && <Spinner />}
      <ErrorAlert error={list.error} />
      {c && (
        <>
          <Button variant="secondary" small onClick={list.reload}>
            {t('mail.reload')}
          </Button>
          {c.items.length === 0 ? (
            <p>{t('mail.capturedNone')}</p>
          ) : (
            c.items.map((m) => <CapturedItem key={m.id} mail={m} />)
          )}
          <Pagination page={page} pageSize={20} total={c.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function CapturedItem({ mail }: { mail: CapturedMail }) {
  const { t, dateTime } = useT();
  return (
    <article className="card">
      <h3>{mail.subject}</h3>
      <p className="muted">
        {t('mail.to')}: {mail.to.join(', ')} · {t('mail.received')}: {dateTime(mail.receivedAt)}
      </p>
      {mail.links.length > 0 && (
        <>
          <p>{t('mail.links')}:</p>
          <ul>
            {mail.links.map((l) => (
              <li key={l}>
                <a href={l}>{l}</a> <CopyButton text={l} />
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('mail.body')}</summary>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{mail.text}</pre>
      </details>
    </article>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      small
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      <span aria-live="polite">{copied ? t('mail.copied') : t('mail.copy')}</span>
    </Button>
  );
}

/** On a round's page: a warning when some of its mails did not leave, with the way to the reasons. */
export function RoundMailTrouble({ roundId }: { roundId: string }) {
  const { t } = useT();
  const list = useAsync((signal) => mailApi.deliveries({ roundId, page: 1 }, signal), [roundId]);
  const trouble = list.data ? troubleOf(list.data.counts) : 0;
  if (trouble === 0) return null;
  return (
    <Alert kind="warning" title={t('mail.troubleTitle', { count: trouble })}>
      <p>{t('mail.troubleBody')}</p>
      <Link to={`/consola/correo?ronda=${encodeURIComponent(roundId)}`}>{t('mail.seeMail')}</Link>
    </Alert>
  );
}
