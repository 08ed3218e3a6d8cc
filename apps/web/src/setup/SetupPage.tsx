import { useState, type FormEvent } from 'react';
import { api, ApiError, type Schema } from '../shared/api';
import { homeFor, setSession, type SessionDto } from '../shared/auth';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT, type MessageKey } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link, navigate } from '../shared/router';
import { useAsync } from '../shared/useAsync';

type SetupStatus = Schema<'SetupStatusDto'>;

type FieldName = 'code' | 'name' | 'slug' | 'cveEnt' | 'adminEmail' | 'adminPassword' | 'confirm';

/** Client-side checks mirror the API's (FirstRunSetupDto) so most mistakes are caught before a round trip. */
function problems(v: Record<FieldName, string>): Partial<Record<FieldName, MessageKey>> {
  const out: Partial<Record<FieldName, MessageKey>> = {};
  if (!v.code.trim()) out.code = 'setup.required';
  if (!v.name.trim()) out.name = 'setup.required';
  if (!/^[a-z0-9-]{2,64}$/.test(v.slug.trim())) out.slug = v.slug.trim() ? 'setup.slugInvalid' : 'setup.required';
  if (v.cveEnt.trim() && !/^\d{2}$/.test(v.cveEnt.trim())) out.cveEnt = 'setup.cveEntInvalid';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.adminEmail.trim()))
    out.adminEmail = v.adminEmail.trim() ? 'setup.emailInvalid' : 'setup.required';
  if (v.adminPassword.length < 12) out.adminPassword = 'setup.passwordShort';
  if (v.confirm !== v.adminPassword) out.confirm = 'setup.mismatch';
  return out;
}

/**
 * /configuracion: the first guarantor and its admin, created with the one-time code the API printed at
 * start; then signs the new admin in and opens the console. Once done the page only points to sign-in.
 */
export function SetupPage() {
  const { t } = useT();
  usePageTitle(t('setup.title'));
  const status = useAsync((signal) => api<SetupStatus>('/api/setup/status', { signal }), []);
  const [values, setValues] = useState<Record<FieldName, string>>({
    code: '',
    name: '',
    slug: '',
    cveEnt: '',
    adminEmail: '',
    adminPassword: '',
    confirm: '',
  });
  const [shown, setShown] = useState<Partial<Record<FieldName, MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = problems(values);
    setShown(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    setError(null);
    const email = values.adminEmail.trim();
    try {
      await api('/api/setup', {
        method: 'POST',
        body: {
          code: values.code.trim(),
          name: values.name.trim(),
          slug: values.slug.trim(),
          cveEnt: values.cveEnt.trim() || null,
          adminEmail: email,
          adminPassword: values.adminPassword,
        } satisfies Schema<'FirstRunSetupDto'>,
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
        <Alert kind="info" title={t('setup.doneTitle')}>
          <p>{t('setup.doneBody')}</p>
          <p>
            <Link to="/ingresar">{t('setup.goSignIn')}</Link>
          </p>
        </Alert>
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
