import { useState, type FormEvent } from 'react';
import { Alert, Button, ErrorAlert, Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { citizenApi } from './api';

/** Asks for a new verification e-mail. The answer never says whether the address exists. */
export function ResendVerification({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useT();
  const [email, setEmail] = useState(initialEmail);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setInvalid(t('register.emailInvalid'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await citizenApi.resend(email.trim());
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('verify.resendTitle')}</h2>
      <p className="muted">{t('verify.resendIntro')}</p>
      <Field label={t('register.email')} error={invalid}>
        {(a) => (
          <input {...a} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <ErrorAlert error={error} />
      {sent && <Alert kind="success">{t('verify.resent')}</Alert>}
      <Button type="submit" variant="secondary" busy={busy}>
        {t('verify.resend')}
      </Button>
    </form>
  );
}
