import { useT } from '../i18n';

export function SpinnerIcon() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A loading indicator announced to screen readers. */
export function Spinner({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div className="spinner-block" role="status">
      <SpinnerIcon />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
