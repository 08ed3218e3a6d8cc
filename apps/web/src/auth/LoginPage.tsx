import { useState, type FormEvent } from 'react';
import { api, ApiError, type Schema } from '../shared/api';
import { homeFor, setSession, useSession, type SessionDto } from '../shared/auth';
import { Alert, Button, ErrorAlert, Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link, navigate, safeLocalPath, useLocation } from '../shared/router';
import { useAsync } from '../shared/useAsync';

export function LoginPage() {
  const { t } = useT();
  usePageTitle(t('login.title'));
  const session = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  // A fresh installation has nobody to sign in yet: point to the first-run page.
  const setup = useAsync((signal) => api<Schema<'SetupStatusDto'>>('/api/setup/status', { signal }), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const m = {
      email: email.trim() ? undefined : t('login.emailRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setMissing(m);
    if (m.email || m.password) return;
    setBusy(true);
    setError(null);
    try {
      const dto = await api<SessionDto>('/api/auth/login', {
        method: 'POST',
        body: { email: email.trim(), password } satisfies Schema<'LoginDto'>,
      });
      const s = setSession(dto);
      navigate(safeLocalPath(search.get('next'), homeFor(s.user.role)), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const notVerified = error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED';

  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      {session && <AlreadySignedIn session={session} />}
      <p className="muted">{t('login.intro')}</p>
      <ErrorAlert error={error} />
      {notVerified && <p>{t('login.verifyHint')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <Field label={t('login.email')} error={missing.email} required>
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
        <Field label={t('login.password')} error={missing.password} required>
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Button type="submit" busy={busy}>
          {t('login.submit')}
        </Button>
      </form>
      <LoginLinks setupNeeded={setup.data?.needed === true} />
    </div>
  );
}

/** Signed in already: offer the way home instead of a second session. */
function AlreadySignedIn({ session }: { session: NonNullable<ReturnType<typeof useSession>> }) {
  const { t } = useT();
  return (
    <Alert kind="info">
      <p>
        {t('login.already', { who: session.user.email ?? session.user.displayName ?? '' })}{' '}
        <Link to={homeFor(session.user.role)}>{t('login.continue')}</Link>
      </p>
    </Alert>
  );
}

/** The ways out of the form: reset, register, and (on a fresh installation) the first-run page. */
function LoginLinks({ setupNeeded }: { setupNeeded: boolean }) {
  const { t } = useT();
  return (
    <>
      <p>
        {t('login.forgot')} <Link to="/restablecer">{t('login.forgotLink')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/registro">{t('login.registerLink')}</Link>
      </p>
      <p className="muted">{t('login.institutionsHint')}</p>
      {setupNeeded && (
        <p data-testid="setup-hint">
          {t('setup.loginHint')} <Link to="/configuracion">{t('setup.loginHintLink')}</Link>
        </p>
      )}
    </>
  );
}
