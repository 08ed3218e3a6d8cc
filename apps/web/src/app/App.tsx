import { Suspense, useEffect, useRef } from 'react';
import { Spinner } from '../shared/components';
import { Layout } from '../shared/layout';
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

  const route = resolveRoute(pathname);
  return (
    <Layout>
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Spinner />}>{route}</Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
