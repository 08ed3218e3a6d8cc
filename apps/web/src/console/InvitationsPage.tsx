import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../shared/api';
import { useSession } from '../shared/auth';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Pagination, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { consoleApi, type RoundDetail } from './api';
import { ConsoleNav } from './ConsoleNav';
import {
  INVITATION_STATUSES,
  INVITATIONS_PAGE_SIZE,
  invitationsApi,
  type InvitationFilter,
  type InvitationItem,
  type InvitationStatus,
} from './invitations-api';
import { MAIL_OUTCOMES, type MailOutcome } from './mail-api';

const STATUS_TONE: Record<InvitationStatus, string> = {
  pending: 'neutral',
  mailed: 'info',
  opened: 'info',
  draft: 'warning',
  submitted: 'success',
  revoked: 'danger',
};
const MAIL_TONE: Record<MailOutcome, string> = {
  queued: 'neutral',
  sent: 'success',
  skipped: 'neutral',
  failed: 'warning',
  given_up: 'danger',
  resent: 'neutral',
};

/**
 * A round's invitations institution by institution, as LimeSurvey's participant table: status per
 * institution, last mail, and per-row resend / new link (shown once) / address / revoke; the round's
 * scheduled reminders.
 */
export function InvitationsPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  const round = useAsync((signal) => consoleApi.round(roundId, signal), [roundId]);
  usePageTitle(round.data ? t('inv.titleOf', { round: round.data.name }) : t('inv.title'));
  const isAdmin = useSession()?.user.role === 'guarantor_admin';
  if (round.loading && !round.data) return <Spinner />;
  if (!round.data) {
    return (
      <>
        <ConsoleNav />
        <ErrorAlert error={round.error} />
      </>
    );
  }
  const r = round.data;
  return (
    <>
      <ConsoleNav />
      <p>
        <Link to={`/consola/rondas/${encodeURIComponent(r.id)}`}>← {t('inv.back')}</Link>
      </p>
      <h1>{t('inv.titleOf', { round: r.name })}</h1>
      <p className="muted">{t('inv.intro')}</p>
      <p>
        <Link to="/consola/correo/plantillas">{t('inv.templatesLink')}</Link>
      </p>
      <ReminderSettingsSection round={r} isAdmin={isAdmin} />
      <InvitationTable round={r} isAdmin={isAdmin} />
    </>
  );
}

/** Filter by invitation status and mail outcome; search by institution or address. */
function InvitationFilters({
  filter,
  search,
  onFilter,
  onSearchText,
  onSearch,
}: {
  filter: InvitationFilter;
  search: string;
  onFilter(filter: InvitationFilter): void;
  onSearchText(text: string): void;
  onSearch(e: FormEvent): void;
}) {
  const { t } = useT();
  return (
    <form className="filters actions" role="search" aria-label={t('inv.filters')} onSubmit={onSearch}>
      <label className="inline-field">
        <span>{t('inv.filterStatus')}</span>
        <select
          value={filter.status ?? ''}
          onChange={(e) =>
            onFilter({ ...filter, status: (e.target.value || undefined) as InvitationStatus | undefined, page: 1 })
          }
        >
          <option value="">{t('inv.all')}</option>
          {INVITATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`inv.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('inv.filterMail')}</span>
        <select
          value={filter.mail ?? ''}
          onChange={(e) =>
            onFilter({ ...filter, mail: (e.target.value || undefined) as MailOutcome | undefined, page: 1 })
          }
        >
          <option value="">{t('inv.all')}</option>
          {MAIL_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`mail.outcome.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('inv.search')}</span>
        <input type="search" value={search} maxLength={100} onChange={(e) => onSearchText(e.target.value)} />
      </label>
      <Button type="submit" variant="secondary" small>
        {t('inv.searchButton')}
      </Button>
    </form>
  );
}

function InvitationTable({ round, isAdmin }: { round: RoundDetail; isAdmin: boolean }) {
  const { t, number } = useT();
  const uid = useId();
  const [filter, setFilter] = useState<InvitationFilter>({ page: 1 });
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const list = useAsync(
    (signal) => invitationsApi.list(round.id, filter, signal),
    [round.id, filter.status, filter.mail, filter.search, filter.page],
  );
  const d = list.data;
  const open = round.status === 'open';

  function onSearch(e: FormEvent) {
    e.preventDefault();
    setFilter({ ...filter, search: search.trim() || undefined, page: 1 });
  }

  function done(message: string) {
    setNotice(message);
    list.reload();
  }

  return (
    <section className="section" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('inv.title')}</h2>
      {isAdmin && !open && <Alert kind="info">{t('inv.notOpen')}</Alert>}
      <InvitationFilters
        filter={filter}
        search={search}
        onFilter={setFilter}
        onSearchText={setSearch}
        onSearch={onSearch}
      />
      {notice && <Alert kind="success">{notice}</Alert>}
      {list.loading && !d && <Spinner />}
      <ErrorAlert error={list.error} />
      {d && d.items.length === 0 && <p>{t('inv.none')}</p>}
      {d && d.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption>{t('inv.caption', { total: number(d.total) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inv.col.institution')}</th>
                <th scope="col">{t('inv.col.email')}</th>
                <th scope="col">{t('inv.col.status')}</th>
                <th scope="col">{t('inv.col.mail')}</th>
                <th scope="col">{t('inv.col.reminders')}</th>
                {isAdmin && <th scope="col">{t('inv.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {d.items.map((item) => (
                <InvitationRow
                  key={item.institutionId}
                  item={item}
                  roundId={round.id}
                  isAdmin={isAdmin}
                  open={open}
                  onDone={done}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d && (
        <Pagination
          page={filter.page}
          pageSize={INVITATIONS_PAGE_SIZE}
          total={d.total}
          onPage={(page) => setFilter({ ...filter, page })}
        />
      )}
    </section>
  );
}

function InvitationRow({
  item,
  roundId,
  isAdmin,
  open,
  onDone,
}: {
  item: InvitationItem;
  roundId: string;
  isAdmin: boolean;
  open: boolean;
  onDone(message: string): void;
}) {
  const { t, number } = useT();
  const name = item.institutionName;

  return (
    <tr data-institution={item.institutionId}>
      <th scope="row" data-label={t('inv.col.institution')}>
        {name}
        <div className="muted">{item.institutionKey}</div>
      </th>
      <td data-label={t('inv.col.email')}>
        <span className="break">{item.email}</span>
        {item.emailOverridden && <div className="muted">{t('inv.corrected')}</div>}
      </td>
      <td data-label={t('inv.col.status')}>
        <span className={`badge badge-${STATUS_TONE[item.status]}`} data-status={item.status}>
          {t(`inv.status.${item.status}`)}
        </span>
      </td>
      <MailCell item={item} />
      <td data-label={t('inv.col.reminders')}>
        {t('inv.remindersCount', { sent: number(item.reminderCount), queued: number(item.remindersQueued) })}
      </td>
      {isAdmin && <ActionsCell item={item} roundId={roundId} open={open} onDone={onDone} />}
    </tr>
  );
}

/** The latest invitation mail: its outcome, when, and the error when it failed or was given up. */
function MailCell({ item }: { item: InvitationItem }) {
  const { t, dateTime } = useT();
  return (
    <td data-label={t('inv.col.mail')}>
      {item.mailOutcome ? (
        <>
          <span className={`badge badge-${MAIL_TONE[item.mailOutcome]}`}>{t(`mail.outcome.${item.mailOutcome}`)}</span>
          {item.mailUpdatedAt && <div className="muted">{dateTime(item.mailUpdatedAt)}</div>}
          {item.mailError && (item.mailOutcome === 'failed' || item.mailOutcome === 'given_up') && (
            <div className="muted">{item.mailError}</div>
          )}
        </>
      ) : (
        <span className="muted">{t('inv.noMail')}</span>
      )}
    </td>
  );
}

/** Admin actions on one invitation: resend, new link, correct the address, revoke. */
function ActionsCell({
  item,
  roundId,
  open,
  onDone,
}: {
  item: InvitationItem;
  roundId: string;
  open: boolean;
  onDone(message: string): void;
}) {
  const { t } = useT();
  const [error, setError] = useState<unknown>(null);
  const revoked = item.status === 'revoked';
  const name = item.institutionName;

  async function act(action: () => Promise<string>) {
    setError(null);
    try {
      onDone(await action());
    } catch (err) {
      setError(err);
    }
  }

  return (
    <td data-label={t('inv.col.actions')}>
      <div className="actions row-actions" role="group" aria-label={t('inv.actionsFor', { name })}>
        {open && !revoked && (
          <ConfirmButton
            variant="secondary"
            small
            title={t('inv.resendTitle')}
            message={<p>{t('inv.resendConfirm', { email: item.email })}</p>}
            confirmLabel={t('inv.resend')}
            onConfirm={() =>
              act(async () =>
                t('inv.resent', { email: (await invitationsApi.resend(roundId, item.institutionId)).email }),
              )
            }
          >
            {t('inv.resend')}
          </ConfirmButton>
        )}
        {open && <ReissueButton item={item} roundId={roundId} onDone={() => onDone('')} />}
        {!revoked && <EditEmailButton item={item} roundId={roundId} onDone={onDone} />}
        {!revoked && (
          <ConfirmButton
            variant="danger"
            small
            title={t('inv.revokeTitle')}
            message={<p>{t('inv.revokeConfirm', { name })}</p>}
            confirmLabel={t('inv.revoke')}
            onConfirm={() =>
              act(async () => {
                await invitationsApi.revoke(roundId, item.institutionId);
                return t('inv.revoked', { name });
              })
            }
          >
            {t('inv.revoke')}
          </ConfirmButton>
        )}
      </div>
      <ErrorAlert error={error} />
    </td>
  );
}

/** A native modal dialog (focus trapped by the browser, Escape closes, focus returns to the opener). */
function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}

/** New link: confirm (optionally mail it), then show it once with a copy button. */
function ReissueButton({ item, roundId, onDone }: { item: InvitationItem; roundId: string; onDone(): void }) {
  const { t } = useT();
  const [stage, setStage] = useState<'closed' | 'confirm' | 'link'>('closed');
  const [sendMail, setSendMail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<string | null>(null);
  const name = item.institutionName;

  async function issue() {
    setBusy(true);
    setError(null);
    try {
      const r = await invitationsApi.reissue(roundId, item.institutionId, sendMail);
      setLink(r.link);
      setStage('link');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function close() {
    const issued = stage === 'link';
    // The link is dropped from memory when the dialog closes: it is shown once.
    setLink(null);
    setStage('closed');
    setSendMail(false);
    if (issued) onDone();
  }

  return (
    <>
      <Button variant="secondary" small onClick={() => setStage('confirm')}>
        {t('inv.reissue')}
      </Button>
      <Dialog
        open={stage !== 'closed'}
        title={stage === 'link' ? t('inv.linkTitle', { name }) : t('inv.reissueTitle')}
        onClose={close}
      >
        {stage === 'confirm' && (
          <>
            <div className="dialog-body">
              <p>{t('inv.reissueConfirm', { name })}</p>
              <label className="checkbox">
                <input type="checkbox" checked={sendMail} onChange={(e) => setSendMail(e.target.checked)} />{' '}
                {t('inv.reissueMail')}
              </label>
              <ErrorAlert error={error} />
            </div>
            <div className="dialog-actions">
              <Button variant="secondary" onClick={close} disabled={busy}>
                {t('inv.cancel')}
              </Button>
              <Button busy={busy} onClick={() => void issue()}>
                {t('inv.reissueDo')}
              </Button>
            </div>
          </>
        )}
        {stage === 'link' && link && <LinkOnce link={link} onClose={close} />}
      </Dialog>
    </>
  );
}

/** The new link, shown once, with a copy button that says whether copying worked. */
function LinkOnce({ link, onClose }: { link: string; onClose(): void }) {
  const { t } = useT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const linkId = useId();

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <>
      <div className="dialog-body">
        <Alert kind="warning" live={false}>
          {t('inv.linkOnce')}
        </Alert>
        <label htmlFor={linkId} className="field-label">
          {t('inv.linkLabel')}
        </label>
        <input id={linkId} className="link-once" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        <p aria-live="polite" className="muted">
          {copy === 'copied' ? t('inv.copied') : copy === 'failed' ? t('inv.copyFailed') : ''}
        </p>
      </div>
      <div className="dialog-actions">
        <Button onClick={() => void copyLink()}>{t('inv.copy')}</Button>
        <Button variant="secondary" onClick={onClose}>
          {t('inv.close')}
        </Button>
      </div>
    </>
  );
}

function EditEmailButton({
  item,
  roundId,
  onDone,
}: {
  item: InvitationItem;
  roundId: string;
  onDone(message: string): void;
}) {
  const { t, pick } = useT();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState(item.email);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = item.institutionName;

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await invitationsApi.updateEmail(roundId, item.institutionId, email.trim());
      setOpen(false);
      onDone(t('inv.emailSaved', { name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = error instanceof ApiError && error.field === 'email' ? pick(error.messages) : null;
  return (
    <>
      <Button
        variant="secondary"
        small
        onClick={() => {
          setEmail(item.email);
          setError(null);
          setOpen(true);
        }}
      >
        {t('inv.editEmail')}
      </Button>
      <Dialog open={open} title={t('inv.editEmailTitle', { name })} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void save(e)} noValidate>
          <div className="dialog-body">
            <Field label={t('inv.emailLabel')} hint={t('inv.editEmailHint')} error={fieldError}>
              {(p) => (
                <input
                  {...p}
                  type="email"
                  autoComplete="off"
                  required
                  maxLength={254}
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            {!fieldError && <ErrorAlert error={error} />}
          </div>
          <div className="dialog-actions">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              {t('inv.cancel')}
            </Button>
            <Button type="submit" busy={busy}>
              {t('inv.save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function ReminderSettingsSection({ round, isAdmin }: { round: RoundDetail; isAdmin: boolean }) {
  const { t } = useT();
  const uid = useId();
  const settings = useAsync((signal) => invitationsApi.reminderSettings(round.id, signal), [round.id]);
  const s = settings.data;
  // The worker's sweep reminds only while a round is open: once closed or published the settings are
  // a record of what was used, shown read-only rather than as a form whose changes would do nothing.
  const finished = round.status === 'closed' || round.status === 'published';
  return (
    <section className="section card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('inv.reminders')}</h2>
      <p className="muted">{finished ? t('inv.remindersFinished') : t('inv.remindersHint')}</p>
      {settings.loading && !s && <Spinner />}
      <ErrorAlert error={settings.error} />
      {s && (!isAdmin || finished) && (
        <p data-testid="reminder-summary">
          {s.enabled ? t('inv.remindersSummaryOn', { days: s.minDays, max: s.maxCount }) : t('inv.remindersSummaryOff')}
        </p>
      )}
      {s && isAdmin && !finished && <ReminderForm key={s.roundId} initial={s} onSaved={settings.setData} />}
    </section>
  );
}

function ReminderForm({
  initial,
  onSaved,
}: {
  initial: { roundId: string; enabled: boolean; minDays: number; maxCount: number };
  onSaved(s: typeof initial): void;
}) {
  const { t, pick } = useT();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [minDays, setMinDays] = useState(String(initial.minDays));
  const [maxCount, setMaxCount] = useState(String(initial.maxCount));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const r = await invitationsApi.saveReminderSettings(initial.roundId, {
        enabled,
        minDays: Number(minDays),
        maxCount: Number(maxCount),
      });
      setSaved(true);
      onSaved(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => (error instanceof ApiError && error.field === field ? pick(error.messages) : null);
  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
        {t('inv.remindersEnabled')}
      </label>
      <div className="grid-2">
        <Field label={t('inv.minDays')} error={errorOf('minDays')}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              max={90}
              step={1}
              value={minDays}
              onChange={(e) => setMinDays(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('inv.maxCount')} error={errorOf('maxCount')}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              step={1}
              value={maxCount}
              onChange={(e) => setMaxCount(e.target.value)}
            />
          )}
        </Field>
      </div>
      {!errorOf('minDays') && !errorOf('maxCount') && <ErrorAlert error={error} />}
      {saved && <Alert kind="success">{t('inv.remindersSaved')}</Alert>}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('inv.remindersSave')}
        </Button>
      </div>
    </form>
  );
}
