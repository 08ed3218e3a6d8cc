import { useEffect, useState } from 'react';
import { api, ApiError } from '../shared/api';
import { getSession, setSession, type Me } from '../shared/auth';
import { Alert, ErrorAlert, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { citizenApi } from './api';
import { ResendVerification } from './ResendVerification';

// Tokens are single use: React's development double effects must not send the token twice.
const attempts = new Map<string, Promise<unknown>>();

function verifyOnce(token: string): Promise<unknown> {
  let p = attempts.get(token);
  if (!p) {
    p = citizenApi.verify(token);
    attempts.set(token, p);
  }
  return p;
}

export function VerifyPage({ token }: { token: string }) {
  const { t } = useT();
  usePageTitle(t('verify.title'));
  const [state, setState] = useState<'pending' | 'done' | 'failed'>('pending');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    verifyOnce(token).then(
      async () => {
        // A signed-in validator: refresh the session so pages stop asking for verification.
        const session = getSession();
        if (session) {
          const me = await api<Me>('/api/auth/me').catch((err: unknown) => {
            // The e-mail is verified either way; the session just keeps its old flag until next sign-in.
            console.warn('Could not refresh the session after verification', err);
            return null;
          });
          if (me) setSession({ accessToken: session.accessToken, expiresIn: Math.max(60, (session.expiresAt - Date.now()) / 1000 + 30), user: me });
        }
        if (live) setState('done');
      },
      (err: unknown) => {
        if (!live) return;
        setError(err);
        setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <div className="narrow">
      <h1>{t('verify.title')}</h1>
      {state === 'pending' && <Spinner label={t('verify.pending')} />}
      {state === 'done' && (
        <Alert kind="success" title={t('verify.doneTitle')}>
          <p>
            {t('verify.doneBody')} <Link to={getSession() ? '/validador' : '/ingresar?next=%2Fvalidador'}>{t('verify.continue')}</Link>
          </p>
        </Alert>
      )}
      {state === 'failed' && (
        <>
          {error instanceof ApiError && error.code === 'INVALID_TOKEN' ? (
            <Alert kind="error" title={t('verify.failedTitle')}>
              <p>{t('verify.failedBody')}</p>
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <ResendVerification />
        </>
      )}
    </div>
  );
}
