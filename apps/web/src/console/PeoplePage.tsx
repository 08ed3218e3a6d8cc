import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../shared/auth';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from './ConsoleNav';
import { peopleApi, type StaffMember, type StaffRole, type StaffStatus } from './people-api';

const ROLES: readonly StaffRole[] = ['analyst', 'guarantor_admin'];
const TONE: Record<StaffStatus, string> = { active: 'success', invited: 'info', deactivated: 'danger' };

/**
 * /consola/personas (guarantor admins): the guarantor's staff, invitations by e-mail, role changes and
 * deactivation (issue #15, item 5). The server refuses to leave the guarantor without an active admin.
 */
export function PeoplePage() {
  const { t } = useT();
  usePageTitle(t('people.title'));
  const list = useAsync((signal) => peopleApi.list(signal), []);
  const [notice, setNotice] = useState<string | null>(null);

  function done(message: string) {
    setNotice(message);
    list.reload();
  }

  return (
    <>
      <ConsoleNav />
      <header className="page-header">
        <h1>{t('people.title')}</h1>
      </header>
      <p className="muted">{t('people.intro')}</p>
      {notice && (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      )}
      <InviteForm onInvited={(email) => done(t('people.invited', { email }))} />
      <Team members={list.data} loading={list.loading} error={list.error} onDone={done} />
      <p className="muted">
        {t('people.mailHint')} <Link to="/consola/correo">{t('mail.nav')}</Link>.
      </p>
    </>
  );
}

function InviteForm({ onInvited }: { onInvited(email: string): void }) {
  const { t } = useT();
  const headingId = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('analyst');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = email.trim();
    const problem = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : t('people.emailInvalid');
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const invited = await peopleApi.invite({ email: value, role, displayName: displayName.trim() || undefined });
      setEmail('');
      setDisplayName('');
      onInvited(invited.email ?? value);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('people.inviteTitle')}</h2>
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('people.email')} error={invalid} required>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="off"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('people.name')}>
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('people.role')} hint={t('people.roleHint')}>
          {(a) => (
            <select {...a} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`people.role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" busy={busy}>
          {t('people.inviteSubmit')}
        </Button>
      </form>
    </section>
  );
}

function Team({
  members,
  loading,
  error,
  onDone,
}: {
  members: StaffMember[] | undefined;
  loading: boolean;
  error: unknown;
  onDone(message: string): void;
}) {
  const { t } = useT();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('people.list')}</h2>
      {loading && !members && <Spinner />}
      <ErrorAlert error={error} />
      {members && members.length <= 1 && <p>{t('people.none')}</p>}
      {members && members.length > 0 && (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">{t('people.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.person')}</th>
                <th scope="col">{t('people.role')}</th>
                <th scope="col">{t('people.status')}</th>
                <th scope="col">{t('people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow key={m.id} member={m} onDone={onDone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MemberRow({ member, onDone }: { member: StaffMember; onDone(message: string): void }) {
  const { t } = useT();
  const session = useSession();
  const me = session?.user.id === member.id;
  return (
    <tr data-user={member.id}>
      <th scope="row" data-label={t('people.person')}>
        {member.displayName && <div>{member.displayName}</div>}
        <span className="break">{member.email}</span> {me && <span className="muted">{t('people.you')}</span>}
      </th>
      <td data-label={t('people.role')}>{t(`people.role.${member.role}`)}</td>
      <MemberStatusCell member={member} />
      <MemberActionsCell member={member} me={me} onDone={onDone} />
    </tr>
  );
}

function MemberStatusCell({ member }: { member: StaffMember }) {
  const { t, date } = useT();
  const expired = member.invitationExpiresAt !== null && Date.parse(member.invitationExpiresAt) <= Date.now();
  return (
    <td data-label={t('people.status')}>
      <span className={`badge badge-${TONE[member.status]}`} data-status={member.status}>
        {t(`people.status.${member.status}`)}
      </span>
      {member.status === 'invited' && member.invitationExpiresAt && (
        <div className="muted">
          {t(expired ? 'people.inviteExpired' : 'people.inviteExpires', { date: date(member.invitationExpiresAt) })}
        </div>
      )}
    </td>
  );
}

/** Resend, role change and (de)activation; none for the signed-in person's own row. */
function MemberActionsCell({
  member,
  me,
  onDone,
}: {
  member: StaffMember;
  me: boolean;
  onDone(message: string): void;
}) {
  const { t } = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = member.displayName ?? member.email ?? member.id;

  async function act(action: () => Promise<string>) {
    setError(null);
    try {
      onDone(await action());
    } catch (err) {
      setError(err);
    }
  }

  async function resend() {
    setBusy(true);
    await act(async () => {
      const m = await peopleApi.resendInvite(member.id);
      return t('people.resent', { email: m.email ?? '' });
    });
    setBusy(false);
  }

  return (
    <td data-label={t('people.actions')}>
      <ErrorAlert error={error} />
      {!me && (
        <div className="actions">
          {member.status === 'invited' && (
            <Button small variant="secondary" busy={busy} onClick={() => void resend()}>
              {t('people.resend')}
            </Button>
          )}
          {member.status !== 'deactivated' && <ChangeRoleButton member={member} name={name} act={act} />}
          <ActivationButton member={member} name={name} act={act} />
        </div>
      )}
    </td>
  );
}

interface MemberActionProps {
  member: StaffMember;
  name: string;
  /** Runs the action; its message goes to the page notice, its failure to the row. */
  act(action: () => Promise<string>): Promise<void>;
}

function ChangeRoleButton({ member, name, act }: MemberActionProps) {
  const { t } = useT();
  const otherRole: StaffRole = member.role === 'guarantor_admin' ? 'analyst' : 'guarantor_admin';
  return (
    <ConfirmButton
      small
      variant="secondary"
      title={t('people.changeRoleTitle')}
      message={<p>{t('people.changeRoleBody', { name, role: t(`people.role.${otherRole}`) })}</p>}
      confirmLabel={t('people.changeRoleTo', { role: t(`people.role.${otherRole}`) })}
      onConfirm={() =>
        act(async () => {
          await peopleApi.changeRole(member.id, otherRole);
          return t('people.roleChanged', { name, role: t(`people.role.${otherRole}`) });
        })
      }
    >
      {t('people.changeRoleTo', { role: t(`people.role.${otherRole}`) })}
    </ConfirmButton>
  );
}

/** Reactivates a deactivated member; deactivates anyone else after a confirmation. */
function ActivationButton({ member, name, act }: MemberActionProps) {
  const { t } = useT();
  if (member.status === 'deactivated')
    return (
      <Button
        small
        variant="secondary"
        onClick={() =>
          void act(async () => {
            await peopleApi.reactivate(member.id);
            return t('people.reactivated', { name });
          })
        }
      >
        {t('people.reactivate')}
      </Button>
    );
  return (
    <ConfirmButton
      small
      variant="danger"
      title={t('people.deactivateTitle')}
      message={<p>{t('people.deactivateBody', { name })}</p>}
      confirmLabel={t('people.deactivate')}
      onConfirm={() =>
        act(async () => {
          await peopleApi.deactivate(member.id);
          return t('people.deactivated', { name });
        })
      }
    >
      {t('people.deactivate')}
    </ConfirmButton>
  );
}
