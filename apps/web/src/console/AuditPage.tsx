import { useId, useState, type FormEvent } from 'react';
import { Button, ErrorAlert, Pagination, Spinner } from '../shared/components';
import { useT, type MessageKey } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { consoleApi } from './api';
import { ConsoleNav } from './ConsoleNav';
import { auditSubject, EMPTY_AUDIT_FORM, toFilters, type AuditForm } from './audit-view';
import { peopleApi, type AuditEntry, type AuditFilters, type StaffMember } from './people-api';

/** Actions offered in the filter: prefixes (`round.*`) first, then the single actions the console names. */
const ACTION_GROUPS = ['round', 'user', 'invitation', 'verdict'] as const;
const ACTIONS = [
  'round.create',
  'round.update',
  'round.open',
  'round.close',
  'round.publish',
  'round.recompute',
  'universe.import',
  'questionnaire.create',
  'response.submit',
  'response.amend',
  'verdict.edit',
  'verdict.dispute',
  'verdict.dispute-decide',
  'invitation.reissue-link',
  'invitation.resend',
  'invitation.remind',
  'invitation.revoke',
  'mail.test',
  'mail.template.save',
  'microdata.download',
  'validator.personal-data-read',
  'validator.erase',
  'user.invite',
  'user.invite-accept',
  'user.role-change',
  'user.deactivate',
  'user.reactivate',
] as const;

/** /consola/auditoria (guarantor admins): the append-only audit log with filters and pages. */
export function AuditPage() {
  const { t } = useT();
  usePageTitle(t('audit.title'));
  const [form, setForm] = useState<AuditForm>(EMPTY_AUDIT_FORM);
  const [applied, setApplied] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const staff = useAsync((signal) => peopleApi.list(signal), []);
  const rounds = useAsync((signal) => consoleApi.rounds(1, signal), []);
  const log = useAsync((signal) => peopleApi.audit(applied, page, signal), [applied, page]);
  const d = log.data;

  const names = new Map((staff.data ?? []).map((s) => [s.id, s.displayName ?? s.email ?? s.id]));
  const roundNames = new Map((rounds.data?.items ?? []).map((r) => [r.id, r.name]));

  function apply(e: FormEvent) {
    e.preventDefault();
    setApplied(toFilters(form));
    setPage(1);
  }

  function clear() {
    setForm(EMPTY_AUDIT_FORM);
    setApplied({});
    setPage(1);
  }

  return (
    <>
      <ConsoleNav />
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
      </header>
      <p className="muted">{t('audit.intro')}</p>
      <AuditFilterForm
        form={form}
        onChange={setForm}
        staff={staff.data ?? []}
        rounds={rounds.data?.items ?? []}
        onApply={apply}
        onClear={clear}
      />
      {log.loading && !d && <Spinner />}
      <ErrorAlert error={log.error} />
      {d && d.items.length === 0 && <p>{t('audit.none')}</p>}
      {d && d.items.length > 0 && <AuditTable items={d.items} total={d.total} names={names} roundNames={roundNames} />}
      {d && <Pagination page={page} pageSize={d.pageSize} total={d.total} onPage={setPage} />}
    </>
  );
}

function AuditRow({
  entry,
  names,
  roundNames,
}: {
  entry: AuditEntry;
  names: Map<string, string>;
  roundNames: Map<string, string>;
}) {
  const { t, maybe, dateTime } = useT();
  // Validators are named by role only: their identity is personal data (the page is for staff).
  const actor = entry.actorUserId && entry.actorRole !== 'citizen_validator' ? names.get(entry.actorUserId) : undefined;
  const role = maybe(`audit.actorRole.${entry.actorRole}`, entry.actorRole);
  const subject = auditSubject(entry, names, roundNames);
  return (
    <tr data-action={entry.action}>
      <td data-label={t('audit.at')}>{dateTime(entry.at)}</td>
      <td data-label={t('audit.actor')}>
        {actor ?? role}
        {actor && <div className="muted">{role}</div>}
      </td>
      <th scope="row" data-label={t('audit.what')}>
        {maybe(`audit.a.${entry.action}`, entry.action)}
        <div className="muted">
          <code>{entry.action}</code>
        </div>
      </th>
      <td data-label={t('audit.subject')}>
        <span className="break">{subject}</span>
      </td>
    </tr>
  );
}

/** The filters: action (or group of actions), who acted, which round, and a day range. */
function AuditFilterForm({
  form,
  onChange,
  staff,
  rounds,
  onApply,
  onClear,
}: {
  form: AuditForm;
  onChange: (form: AuditForm) => void;
  staff: StaffMember[];
  rounds: { id: string; name: string }[];
  onApply: (e: FormEvent) => void;
  onClear: () => void;
}) {
  const { t } = useT();
  const uid = useId();
  const set = (key: keyof AuditForm) => (e: { target: { value: string } }) =>
    onChange({ ...form, [key]: e.target.value });
  return (
    <form className="filters actions" role="search" aria-label={t('audit.filters')} onSubmit={onApply}>
      <label className="inline-field" htmlFor={`${uid}-action`}>
        <span>{t('audit.action')}</span>
        <select id={`${uid}-action`} value={form.action} onChange={set('action')}>
          <option value="">{t('audit.anyAction')}</option>
          {ACTION_GROUPS.map((g) => (
            <option key={g} value={`${g}.*`}>
              {t(`audit.group.${g}`)}
            </option>
          ))}
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.a.${a}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field" htmlFor={`${uid}-actor`}>
        <span>{t('audit.actor')}</span>
        <select id={`${uid}-actor`} value={form.actorUserId} onChange={set('actorUserId')}>
          <option value="">{t('audit.anyActor')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName ? `${s.displayName} (${s.email ?? ''})` : s.email}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field" htmlFor={`${uid}-round`}>
        <span>{t('audit.round')}</span>
        <select id={`${uid}-round`} value={form.roundId} onChange={set('roundId')}>
          <option value="">{t('audit.anyRound')}</option>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field" htmlFor={`${uid}-from`}>
        <span>{t('audit.from')}</span>
        <input id={`${uid}-from`} type="date" value={form.from} onChange={set('from')} />
      </label>
      <label className="inline-field" htmlFor={`${uid}-to`}>
        <span>{t('audit.to')}</span>
        <input id={`${uid}-to`} type="date" value={form.to} min={form.from || undefined} onChange={set('to')} />
      </label>
      <Button type="submit" variant="secondary" small>
        {t('audit.apply')}
      </Button>
      <Button variant="quiet" small onClick={onClear}>
        {t('audit.clear')}
      </Button>
    </form>
  );
}

/** One page of records, newest first as the API sends them. */
function AuditTable({
  items,
  total,
  names,
  roundNames,
}: {
  items: AuditEntry[];
  total: number;
  names: Map<string, string>;
  roundNames: Map<string, string>;
}) {
  const { t, number } = useT();
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <caption>{t('audit.count', { n: number(total) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <AuditRow key={e.id} entry={e} names={names} roundNames={roundNames} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
