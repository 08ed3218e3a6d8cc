import { useState, type FormEvent } from 'react';
import { api, ApiError, type Schema } from '../shared/api';
import { homeFor, setSession, type SessionDto } from '../shared/auth';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT, type MessageKey } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link, navigate } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import {
  EMPTY_SETUP,
  setupBody,
  setupProblems,
  type SetupFieldName as FieldName,
  type SetupValues,
} from './setup-form';

type SetupStatus = Schema<'SetupStatusDto'>;

/**
 * /configuracion: the first guarantor and its admin, created with the one-time code the API printed at
 * start; then signs the new admin in and opens the console. Once done the page only points to sign-in.
 */
export function SetupPage() {
  const { t } = useT();
  usePageTitle(t('setup.title'));
  const status = useAsync((signal) => api<SetupStatus>('/api/setup/status', { signal }), []);
  const [values, setValues] = useState<SetupValues>(EMPTY_SETUP);
  const [shown, setShown] = useState<Partial<Record<FieldName, MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = setupProblems(values);
    setShown(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    setError(null);
    const email = values.adminEmail.trim();
    try {
      await api('/api/setup', {
        method: 'POST',
        body: setupBody(values),
      });
      const dto = await api<SessionDto>('/api/auth/login', {
        method: 'POST',
        body: { email, password: values.adminPassword },
      });
      const s = setSession(dto);
      navigate(homeFor(s.user.role), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const done = status.data?.needed === false || (error instanceof ApiError && error.code === 'SETUP_ALREADY_DONE');
  const err = (k: FieldName) => (shown[k] ? t(shown[k] as MessageKey) : undefined);

  return (
    <div className="narrow">
      <h1>{t('setup.title')}</h1>
      {status.loading && <Spinner />}
      <ErrorAlert error={status.error} />
      {done ? (
        <SetupDone />
      ) : (
        status.data && (
          <>
            <p className="muted">{t('setup.intro')}</p>
            <ErrorAlert error={error} />
            <form onSubmit={(e) => void submit(e)} noValidate className="form">
              <Field label={t('setup.code')} hint={t('setup.codeHint')} error={err('code')} required>
                {(a) => (
                  <input
                    {...a}
                    type="text"
                    name="code"
                    autoComplete="one-time-code"
                    spellCheck={false}
                    value={values.code}
                    onChange={set('code')}
                    required
                  />
                )}
              </Field>
              <GuarantorFields values={values} set={set} err={err} />
              <AdminFields values={values} set={set} err={err} />
              <Button type="submit" busy={busy}>
                {t('setup.submit')}
              </Button>
            </form>
          </>
        )
      )}
    </div>
  );
}

/** Set up already: the page only points to sign-in. */
function SetupDone() {
  const { t } = useT();
  return (
    <Alert kind="info" title={t('setup.doneTitle')}>
      <p>{t('setup.doneBody')}</p>
      <p>
        <Link to="/ingresar">{t('setup.goSignIn')}</Link>
      </p>
    </Alert>
  );
}

interface FieldsetProps {
  values: SetupValues;
  set: (k: FieldName) => (e: { target: { value: string } }) => void;
  err: (k: FieldName) => string | undefined;
}

/** The guarantor: its name, address in URLs and (optionally) its state. */
function GuarantorFields({ values, set, err }: FieldsetProps) {
  const { t } = useT();
  return (
    <fieldset>
      <legend>{t('setup.guarantor')}</legend>
      <Field label={t('setup.name')} error={err('name')} required>
        {(a) => (
          <input
            {...a}
            type="text"
            name="name"
            autoComplete="organization"
            value={values.name}
            onChange={set('name')}
            maxLength={200}
            required
          />
        )}
      </Field>
      <Field label={t('setup.slug')} hint={t('setup.slugHint')} error={err('slug')} required>
        {(a) => (
          <input
            {...a}
            type="text"
            name="slug"
            autoCapitalize="none"
            spellCheck={false}
            value={values.slug}
            onChange={set('slug')}
            maxLength={64}
            required
          />
        )}
      </Field>
      <Field label={t('setup.cveEnt')} hint={t('setup.cveEntHint')} error={err('cveEnt')}>
        {(a) => (
          <input
            {...a}
            type="text"
            name="cveEnt"
            inputMode="numeric"
            value={values.cveEnt}
            onChange={set('cveEnt')}
            maxLength={2}
          />
        )}
      </Field>
    </fieldset>
  );
}

/** The first admin's account. */
function AdminFields({ values, set, err }: FieldsetProps) {
  const { t } = useT();
  return (
    <fieldset>
      <legend>{t('setup.admin')}</legend>
      <Field label={t('setup.email')} error={err('adminEmail')} required>
        {(a) => (
          <input
            {...a}
            name="adminEmail"
            type="email"
            autoComplete="email"
            value={values.adminEmail}
            onChange={set('adminEmail')}
            required
          />
        )}
      </Field>
      <Field label={t('setup.password')} hint={t('setup.passwordHint')} error={err('adminPassword')} required>
        {(a) => (
          <input
            {...a}
            name="adminPassword"
            type="password"
            autoComplete="new-password"
            value={values.adminPassword}
            onChange={set('adminPassword')}
            required
          />
        )}
      </Field>
      <Field label={t('setup.confirm')} error={err('confirm')} required>
        {(a) => (
          <input
            {...a}
            name="confirm"
            type="password"
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            required
          />
        )}
      </Field>
    </fieldset>
  );
}
