import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Button, type ButtonVariant } from './Button';

export interface ConfirmButtonProps {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  /** The compact size of table rows. */
  small?: boolean;
  /** Shows its own failure (every caller sets an error alert): the dialog closes either way. */
  onConfirm(): Promise<void> | void;
}

/**
 * A button that asks before acting, in a native modal <dialog>: the browser traps focus, closes on
 * Escape and returns focus to the button.
 */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  variant = 'primary',
  disabled,
  small,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  }

  return (
    <>
      <Button
        variant={variant}
        small={small}
        disabled={disabled || busy}
        busy={busy}
        onClick={() => dialog.current?.showModal()}
      >
        {children}
      </Button>
      <dialog ref={dialog} className="dialog" aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{message}</div>
        <div className="dialog-actions">
          <Button variant="secondary" onClick={() => dialog.current?.close()} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant={variant === 'danger' ? 'danger' : 'primary'} busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
