import { useState, type FormEvent } from 'react';
import { api, ApiError, type Schema } from '../shared/api';
import { Alert, Button, ErrorAlert, Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { MIN_PASSWORD, newPasswordProblems } from './new-password';
import { NewPasswordFields } from './NewPasswordFields';

/** /restablecer: ask for a reset link. The API answers the same whether or not the address has an account. */
export function RequestResetPage() {
  const { t } = useT();
  usePageTitle(t('reset.title'));
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = email.trim();
    const problem = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : t('reset.emailInvalid');
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await api<Schema<'AcceptedDto'>>('/api/auth/password-reset', {
        method: 'POST',
        body: { email: value } satisfies Schema<'PasswordResetRequestDto'>,
      });
      setSent(value);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <div className="narrow">
        <h1>{t('reset.sentTitle')}</h1>
        <Alert kind="success">
          <p>{t('reset.sentBody', { email: sent })}</p>
        </Alert>
        <p>
          <Link to="/ingresar">{t('reset.goSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{t('reset.title')}</h1>
      <p className="lead">{t('reset.intro')}</p>
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="reset-email" label={t('reset.email')} error={invalid} required>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Button type="submit" busy={busy}>
          {t('reset.submit')}
        </Button>
      </form>
    </div>
  );
}

/** /restablecer/:token: choose the new password. */
export function ConfirmResetPage({ token }: { token: string }) {
  const { t } = useT();
  usePageTitle(t('reset.newTitle'));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

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
      await api<Schema<'PasswordResetDoneDto'>>('/api/auth/password-reset/confirm', {
        method: 'POST',
        body: { token, password } satisfies Schema<'PasswordResetConfirmDto'>,
      });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="narrow">
        <h1>{t('reset.doneTitle')}</h1>
        <Alert kind="success">
          <p>{t('reset.doneBody')}</p>
        </Alert>
        <p>
          <Link to="/ingresar">{t('reset.goSignIn')}</Link>
        </p>
      </div>
    );
  }

  const spent = error instanceof ApiError && error.code === 'INVALID_TOKEN';
  return (
    <div className="narrow">
      <h1>{t('reset.newTitle')}</h1>
      <p className="lead">{t('reset.newIntro')}</p>
      <ErrorAlert error={error} />
      {spent && (
        <p>
          <Link to="/restablecer">{t('reset.askAgain')}</Link>
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <NewPasswordFields
          ids={{ password: 'reset-password', repeat: 'reset-repeat' }}
          labels={{ password: t('reset.password'), repeat: t('reset.confirm') }}
          password={password}
          repeat={repeat}
          errors={errors}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        <Button type="submit" busy={busy}>
          {t('reset.save')}
        </Button>
      </form>
    </div>
  );
}
