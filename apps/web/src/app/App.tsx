import { Suspense, useEffect, useRef } from 'react';
import { Spinner } from '../shared/components';
import { Layout } from '../shared/layout';
import { api } from '../shared/api';
import { getSession, refreshUser, type Me } from '../shared/auth';
import { useLocation } from '../shared/router';
import { ErrorBoundary } from './ErrorBoundary';
import { resolveRoute } from './routes';

export function App() {
  const { pathname } = useLocation();
  const first = useRef(true);

  // After an in-app navigation, start reading at the new page like a real page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);

  // The stored "who is signed in" is a hint: ask the server once whether the cookie still holds (a 401
  // forgets the session, see api.ts) and refresh the account's details.
  useEffect(() => {
    if (!getSession()) return;
    api<Me>('/api/auth/me').then(refreshUser, () => undefined);
  }, []);

  const route = resolveRoute(pathname);
  return (
    <Layout>
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Spinner />}>{route}</Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
