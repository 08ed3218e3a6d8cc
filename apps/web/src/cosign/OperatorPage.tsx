import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from '../console/ConsoleNav';
import { cosignApi, OPERATOR_KINDS, type OperatorKind } from './api';

/** /consola/organismo — the operator's public name and kind (issue #18). */
export function OperatorPage() {
  const { t } = useT();
  usePageTitle(t('operator.title'));
  const operator = useAsync((signal) => cosignApi.operator(signal), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OperatorKind>('guarantor_body');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!operator.data) return;
    setName(operator.data.name);
    setKind(operator.data.kind);
  }, [operator.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await cosignApi.updateOperator({ name: name.trim(), kind });
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ConsoleNav />
      <h1>{t('operator.title')}</h1>
      <p className="muted">{t('operator.intro')}</p>
      {operator.loading && <Spinner />}
      <ErrorAlert error={operator.error ?? error} />
      {saved && (
        <Alert kind="success">
          <p>{t('operator.saved')}</p>
        </Alert>
      )}
      {operator.data && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <Field label={t('operator.name')} required>
            {(a) => (
              <input
                {...a}
                type="text"
                maxLength={200}
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
              />
            )}
          </Field>
          <Field label={t('operator.kind')}>
            {(a) => (
              <select {...a} value={kind} onChange={(e) => setKind(e.target.value as OperatorKind)}>
                {OPERATOR_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`operator.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" busy={busy}>
            {t('operator.save')}
          </Button>
        </form>
      )}
    </>
  );
}
