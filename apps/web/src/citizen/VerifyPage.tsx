import { useEffect, useState } from 'react';
import { ApiError } from '../shared/api';
import { setSession, type SessionDto } from '../shared/auth';
import { Alert, ErrorAlert, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { citizenApi } from './api';
import { DemographicsForm } from './DemographicsForm';
import { ResendVerification } from './ResendVerification';

// Tokens are single use: React's development double effects must not send the token twice.
const attempts = new Map<string, Promise<{ session: SessionDto }>>();

function verifyOnce(token: string): Promise<{ session: SessionDto }> {
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
      (verified) => {
        // Following the link proves the address: the validator lands signed in (the cookie is already set).
        setSession(verified.session);
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
        <>
          <Alert kind="success" title={t('verify.doneTitle')}>
            <p>
              {t('verify.doneBody')} <Link to="/validador">{t('verify.continue')}</Link>
            </p>
          </Alert>
          {/* Issue #18: the last, optional step of registration (the account exists and is signed in by now). */}
          <DemographicsForm />
        </>
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
