import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD } from '../auth/new-password';
import { NewPasswordField } from '../auth/NewPasswordFields';
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
type FieldErrors = Partial<Record<Fields, string>>;
const FIELDS: readonly string[] = ['email', 'password', 'displayName', 'cvegeo', 'consent'];

export function RegisterPage() {
  const { t } = useT();
  usePageTitle(t('register.title'));
  const [registered, setRegistered] = useState<string | null>(null);

  if (registered) return <CheckMail email={registered} />;

  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <ul className="checklist">
        <li>{t('register.point1')}</li>
        <li>{t('register.point2')}</li>
        <li>{t('register.point3')}</li>
      </ul>
      <RegisterForm onRegistered={setRegistered} />
      <p>
        {t('register.haveAccountQ')} <Link to="/ingresar">{t('layout.signIn')}</Link>
      </p>
    </div>
  );
}

/** After registering: the address must be verified before signing in. */
function CheckMail({ email }: { email: string }) {
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('register.checkMailTitle')}</h1>
      <Alert kind="success">
        <p>{t('register.checkMailBody', { email })}</p>
      </Alert>
      <ResendVerification initialEmail={email} />
      <p>
        <Link to="/ingresar">{t('register.goSignIn')}</Link>
      </p>
    </div>
  );
}

/** The form's state and its submission: checked here first, then by the API. */
function useRegisterForm(onRegistered: (email: string) => void) {
  const { t, pick } = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [cvegeo, setCvegeo] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function check(): FieldErrors {
    const e: FieldErrors = {};
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
      onRegistered(email.trim());
    } catch (err) {
      if (err instanceof ApiError && err.field && FIELDS.includes(err.field)) {
        setErrors({ [err.field]: pick(err.messages) });
        document.getElementById(`register-${err.field}`)?.focus();
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  const values = { email, password, displayName, cvegeo, consent };
  const setters = { setEmail, setPassword, setDisplayName, setCvegeo, setConsent };
  return { values, setters, errors, error, busy, submit };
}

function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const { t } = useT();
  const { values, setters, errors, error, busy, submit } = useRegisterForm(onRegistered);
  return (
    <>
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="register-email" label={t('register.email')} error={errors.email} required>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={(e) => setters.setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <NewPasswordField
          id="register-password"
          label={t('register.password')}
          value={values.password}
          error={errors.password}
          onChange={setters.setPassword}
        />
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
              value={values.displayName}
              onChange={(e) => setters.setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <MunicipalityPicker
          id="register-cvegeo"
          value={values.cvegeo}
          onChange={setters.setCvegeo}
          error={errors.cvegeo}
          hint={t('register.residenceHint')}
        />
        <ConsentCheckbox checked={values.consent} onChange={setters.setConsent} error={errors.consent} />
        <Button type="submit" busy={busy}>
          {t('register.submit')}
        </Button>
      </form>
    </>
  );
}

function ConsentCheckbox({
  checked,
  onChange,
  error,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const { t } = useT();
  return (
    <div className={`field checkbox-field${error ? ' field-invalid' : ''}`}>
      <input
        id="register-consent"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'register-consent-error' : undefined}
        required
      />
      <label htmlFor="register-consent">
        {t('register.consentBefore')}{' '}
        <Link to="/aviso-de-privacidad" target="_blank" rel="noopener">
          {t('register.consentLink')}
        </Link>{' '}
        {t('register.consentAfter')}
      </label>
      {error && (
        <p className="field-error" id="register-consent-error">
          {error}
        </p>
      )}
    </div>
  );
}
