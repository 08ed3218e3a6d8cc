import { useEffect, useId, useState, type FormEvent } from 'react';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import type { RoundDetail } from './api';
import { dueProcessApi, type DueProcessSettings } from './due-process-api';
import {
  DUE_PROCESS_LIMITS as LIMITS,
  invalidSettings,
  parseSetting,
  type DueProcessKey as Key,
} from './due-process-settings';

/**
 * The round's reply window and conflict cap (issue #13): shown to staff, editable by the admin while
 * the round is a draft (the API refuses later changes), and the way into the dispute queue.
 */
export function DueProcessSection({ round, isAdmin }: { round: RoundDetail; isAdmin: boolean }) {
  const { t, number } = useT();
  const headingId = useId();
  const settings = useAsync((signal) => dueProcessApi.settings(round.id, signal), [round.id]);
  const [saved, setSaved] = useState(false);
  const s = settings.data;
  const editable = isAdmin && round.status === 'draft';

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dueSettings.title')}</h2>
      {settings.loading && !s && <Spinner />}
      <ErrorAlert error={settings.error} />
      {saved && <Alert kind="success">{t('dueSettings.saved')}</Alert>}
      {s && editable && (
        <SettingsForm
          roundId={round.id}
          initial={s}
          onSaving={() => setSaved(false)}
          onSaved={(next) => {
            settings.setData(next);
            setSaved(true);
          }}
        />
      )}
      {s && !editable && (
        <>
          <dl className="facts grid-3">
            <div>
              <dt>{t('dueSettings.replyWindowDays')}</dt>
              <dd>{t('dueSettings.days', { days: number(s.replyWindowDays) })}</dd>
            </div>
            <div>
              <dt>{t('dueSettings.maxConflicts')}</dt>
              <dd>{number(s.maxConflicts)}</dd>
            </div>
          </dl>
          {round.status !== 'draft' && <p className="muted">{t('dueSettings.frozen')}</p>}
        </>
      )}
      {isAdmin && round.status !== 'draft' && (
        <p>
          <Link to={`/consola/rondas/${round.id}/replica`}>{t('disputes.link')}</Link>
        </p>
      )}
    </section>
  );
}

function SettingsForm({
  roundId,
  initial,
  onSaving,
  onSaved,
}: {
  roundId: string;
  initial: DueProcessSettings;
  onSaving(): void;
  onSaved(s: DueProcessSettings): void;
}) {
  const { t } = useT();
  const [values, setValues] = useState<Record<Key, string>>({
    replyWindowDays: String(initial.replyWindowDays),
    maxConflicts: String(initial.maxConflicts),
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    onSaving();
    setError(null);
    const found: Partial<Record<Key, string>> = {};
    for (const k of invalidSettings(values))
      found[k] = t('dueSettings.range', { min: LIMITS[k][0], max: LIMITS[k][1] });
    setErrors(found);
    const replyWindowDays = parseSetting('replyWindowDays', values.replyWindowDays);
    const maxConflicts = parseSetting('maxConflicts', values.maxConflicts);
    if (replyWindowDays === null || maxConflicts === null) return;
    setBusy(true);
    try {
      onSaved(await dueProcessApi.saveSettings(roundId, { replyWindowDays, maxConflicts }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <ErrorAlert error={error} />
      <Field
        label={t('dueSettings.replyWindowDays')}
        hint={t('dueSettings.replyWindowHint')}
        error={errors.replyWindowDays}
      >
        {(a) => (
          <input
            {...a}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={values.replyWindowDays}
            onChange={(e) => setValues({ ...values, replyWindowDays: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('dueSettings.maxConflicts')} hint={t('dueSettings.maxConflictsHint')} error={errors.maxConflicts}>
        {(a) => (
          <input
            {...a}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={values.maxConflicts}
            onChange={(e) => setValues({ ...values, maxConflicts: e.target.value })}
          />
        )}
      </Field>
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('dueSettings.save')}
        </Button>
      </div>
    </form>
  );
}

/** While a publication waits for its rebuild, says so and refreshes the round until it is done. */
export function PublicationStatus({ round, onRefresh }: { round: RoundDetail; onRefresh(): void }) {
  const { t, number } = useT();
  const p = round.publication;
  const waiting = round.status === 'closed' && p !== null && (p.status === 'queued' || p.status === 'running');
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(onRefresh, 2000);
    return () => window.clearTimeout(timer);
  }, [waiting, onRefresh, p?.progress]);
  if (round.status !== 'closed' || !p) return null;
  if (p.status === 'failed') {
    return (
      <Alert kind="error">
        <p>{t('publication.failed')}</p>
      </Alert>
    );
  }
  return waiting ? (
    <Alert kind="info">
      <p>{t('publication.waiting', { progress: number(p.progress) })}</p>
    </Alert>
  ) : null;
}
