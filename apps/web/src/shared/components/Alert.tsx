import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useT, type I18n } from '../i18n';

export type AlertKind = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  kind?: AlertKind;
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); others are polite status messages. */
  live?: boolean;
  id?: string;
}

export function Alert({ kind = 'info', title, children, live = true, id }: AlertProps) {
  const role = !live ? undefined : kind === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert-${kind}`} role={role} id={id}>
      {title && <p className="alert-title">{title}</p>}
      {children && <div className="alert-body">{children}</div>}
    </div>
  );
}

/** The text to show for any thrown value, in the user's language. */
export function errorText(err: unknown, i18n: Pick<I18n, 'pick' | 't'>): string {
  if (err instanceof ApiError) return i18n.pick(err.messages);
  return i18n.t('common.unexpectedError');
}

export function ErrorAlert({ error, title }: { error: unknown; title?: ReactNode }) {
  const i18n = useT();
  if (!error) return null;
  return (
    <Alert kind="error" title={title}>
      <p>{errorText(error, i18n)}</p>
    </Alert>
  );
}
