import { Component, type ReactNode } from 'react';
import { Alert } from '../shared/components';
import { useT } from '../shared/i18n';

function Fallback({ onRetry }: { onRetry(): void }) {
  const { t } = useT();
  return (
    <Alert kind="error" title={t('common.unexpectedError')}>
      <button type="button" className="btn btn-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </Alert>
  );
}

/** Keeps a rendering error (or a chunk that failed to download) from blanking the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <Fallback onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
