import { useEffect, type ReactNode } from 'react';
import { useSession, type Role } from '../shared/auth';
import { Alert } from '../shared/components';
import { useT } from '../shared/i18n';
import { navigate, useLocation } from '../shared/router';

/** Sends anonymous visitors to sign in (and back afterwards); refuses other roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const { t } = useT();
  const { href } = useLocation();

  useEffect(() => {
    if (!session) navigate(`/ingresar?next=${encodeURIComponent(href)}`, { replace: true });
  }, [session, href]);

  if (!session) return null;
  if (!roles.includes(session.user.role)) {
    return (
      <>
        <h1>{t('common.forbiddenTitle')}</h1>
        <Alert kind="warning">
          <p>{t('common.forbiddenBody')}</p>
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
