import { useState, type FormEvent } from 'react';
import { homeFor, setSession } from '../shared/auth';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { navigate } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ApiError } from '../shared/api';
import { peopleApi } from '../console/people-api';
import { MIN_PASSWORD, newPasswordProblems } from './new-password';
import { NewPasswordFields } from './NewPasswordFields';

/** /activar/:token: a staff member invited by a guarantor admin chooses a password and lands signed in. */
export function ActivateAccountPage({ token }: { token: string }) {
  const { t } = useT();
  usePageTitle(t('activate.title'));
  // Reading the invitation does not spend it: only choosing the password does.
  const info = useAsync(() => peopleApi.inspectInvite(token), [token]);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = newPasswordProblems(password, repeat);
    const next = {
      password: problems.short ? t('reset.passwordShort', { min: MIN_PASSWORD }) : undefined,
      repeat: problems.mismatch ? t('reset.mismatch') : undefined,
    };
    setErrors(next);
    if (next.password || next.repeat) return;
    setBusy(true);
    setError(null);
    try {
      const session = setSession(await peopleApi.acceptInvite(token, password, displayName.trim() || undefined));
      navigate(homeFor(session.user.role), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  if (info.loading) return <Spinner />;
  if (info.error) return <InviteUnreadable error={info.error} />;
  const invite = info.data;
  return (
    <div className="narrow">
      <h1>{t('activate.title')}</h1>
      {invite && <InviteIntro invite={invite} />}
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('activate.name')}>
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="name"
              maxLength={200}
              value={displayName}
              placeholder={invite?.displayName ?? undefined}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <NewPasswordFields
          labels={{ password: t('activate.password'), repeat: t('activate.confirm') }}
          password={password}
          repeat={repeat}
          errors={errors}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        <Button type="submit" busy={busy}>
          {t('activate.submit')}
        </Button>
      </form>
    </div>
  );
}

/** The invitation link is spent, expired or unknown (or the API failed). */
function InviteUnreadable({ error }: { error: unknown }) {
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('activate.title')}</h1>
      {error instanceof ApiError && error.code === 'INVALID_TOKEN' ? (
        <Alert kind="error">
          <p>{t('activate.invalid')}</p>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
    </div>
  );
}

type InviteInfo = Awaited<ReturnType<typeof peopleApi.inspectInvite>>;

/** Who invited whom, and as what. */
function InviteIntro({ invite }: { invite: InviteInfo }) {
  const { t } = useT();
  return (
    <p className="lead">
      {/* A co-signer joins no team: it reviews the operator's rounds (issue #18). */}
      {invite.role === 'cosigner'
        ? t('activate.introCosigner', { guarantor: invite.guarantorName, email: invite.email })
        : t('activate.intro', {
            guarantor: invite.guarantorName,
            role: t(`people.role.${invite.role}`),
            email: invite.email,
          })}
    </p>
  );
}
