import { useId, useState } from 'react';
import { Alert, ErrorAlert } from '../shared/components';
import { useT } from '../shared/i18n';
import { citizenApi, type CitizenProfile } from './api';

/** Issue #16: the validator's switch for the optional mails (new work, expiry reminders, digests). Saves on change. */
export function MailPreference({ profile, onChange }: { profile: CitizenProfile; onChange(p: CitizenProfile): void }) {
  const { t } = useT();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function toggle(wantMail: boolean) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onChange(await citizenApi.updateMe({ mailOptOut: !wantMail }));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{t('vwork.mailTitle')}</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={!profile.mailOptOut}
          disabled={busy}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <span>{t('vwork.mailOptIn')}</span>
      </label>
      <ErrorAlert error={error} />
      {saved && <Alert kind="success">{t('vwork.mailSaved')}</Alert>}
    </section>
  );
}
