import { useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { Alert, Button, ErrorAlert, Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { MunicipalityPicker } from '../shared/MunicipalityPicker';
import { Link } from '../shared/router';
import { citizenApi } from './api';
import { PRIVACY_NOTICE_VERSION } from './PrivacyNoticePage';
import { ResendVerification } from './ResendVerification';

type Fields = 'email' | 'password' | 'displayName' | 'cvegeo' | 'consent';
const MIN_PASSWORD = 12;

export function RegisterPage() {
  const i18n = useT();
  const { t, pick } = i18n;
  usePageTitle(t('register.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [cvegeo, setCvegeo] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);

  function check(): Partial<Record<Fields, string>> {
    const e: Partial<Record<Fields, string>> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) e.email = t('register.emailInvalid');
    if (password.length < MIN_PASSWORD) e.password = t('register.passwordShort', { min: MIN_PASSWORD });
    if (!consent) e.consent = t('register.consentRequired');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = check();
    setErrors(e);
    setError(null);
    const firstInvalid = (Object.keys(e) as Fields[])[0];
    if (firstInvalid) {
      document.getElementById(`register-${firstInvalid}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await citizenApi.register({
        email: email.trim(),
        password,
        displayName: displayName.trim() || undefined,
        cvegeo: cvegeo || undefined,
        consent: true,
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      });
      setRegistered(email.trim());
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.field &&
        ['email', 'password', 'displayName', 'cvegeo', 'consent'].includes(err.field)
      ) {
        setErrors({ [err.field]: pick(err.messages) });
        document.getElementById(`register-${err.field}`)?.focus();
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  if (registered) {
    return (
      <div className="narrow">
        <h1>{t('register.checkMailTitle')}</h1>
        <Alert kind="success">
          <p>{t('register.checkMailBody', { email: registered })}</p>
        </Alert>
        <ResendVerification initialEmail={registered} />
        <p>
          <Link to="/ingresar">{t('register.goSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <ul className="checklist">
        <li>{t('register.point1')}</li>
        <li>{t('register.point2')}</li>
        <li>{t('register.point3')}</li>
      </ul>
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="register-email" label={t('register.email')} error={errors.email} required>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="register-password"
          label={t('register.password')}
          hint={t('register.passwordHint', { min: MIN_PASSWORD })}
          error={errors.password}
          required
        >
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="register-displayName"
          label={t('register.displayName')}
          hint={t('register.displayNameHint')}
          error={errors.displayName}
        >
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="nickname"
              maxLength={200}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <MunicipalityPicker
          id="register-cvegeo"
          value={cvegeo}
          onChange={setCvegeo}
          error={errors.cvegeo}
          hint={t('register.residenceHint')}
        />
        <div className={`field checkbox-field${errors.consent ? ' field-invalid' : ''}`}>
          <input
            id="register-consent"
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? 'register-consent-error' : undefined}
            required
          />
          <label htmlFor="register-consent">
            {t('register.consentBefore')}{' '}
            <Link to="/aviso-de-privacidad" target="_blank" rel="noopener">
              {t('register.consentLink')}
            </Link>{' '}
            {t('register.consentAfter')}
          </label>
          {errors.consent && (
            <p className="field-error" id="register-consent-error">
              {errors.consent}
            </p>
          )}
        </div>
        <Button type="submit" busy={busy}>
          {t('register.submit')}
        </Button>
      </form>
      <p>
        {t('register.haveAccountQ')} <Link to="/ingresar">{t('layout.signIn')}</Link>
      </p>
    </div>
  );
}
