import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, type Schema } from '../shared/api';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT, type MessageKey } from '../shared/i18n';

type Answers = Schema<'DemographicAnswersDto'>;
type Mine = Schema<'MyDemographicsDto'>;
type Question = keyof Answers;

/** Version of the purpose statement shown above the questions (stored with the consent; bump when it changes). */
export const DEMOGRAPHICS_PURPOSE_VERSION = '2026-12';

/** The options of each question, in the order shown; "prefer not to say" always last. */
const OPTIONS: { [Q in Question]: ReadonlyArray<Answers[Q]> } = {
  ageBand: ['18_29', '30_44', '45_59', '60_plus', 'prefer_not_to_say'],
  gender: ['woman', 'man', 'non_binary', 'other', 'prefer_not_to_say'],
  municipalityType: ['rural', 'small_city', 'city', 'metropolis', 'prefer_not_to_say'],
  indigenousLanguage: ['yes', 'no', 'prefer_not_to_say'],
  disability: ['yes', 'no', 'prefer_not_to_say'],
};
export const DEMOGRAPHIC_QUESTIONS = Object.keys(OPTIONS) as Question[];

const PATH = '/api/citizens/me/demographics';
export const demographicsApi = {
  mine: (signal?: AbortSignal) => api<Mine>(PATH, { signal }),
  save: (answers: Answers) =>
    api<Mine>(PATH, {
      method: 'PUT',
      body: {
        ...answers,
        consent: true,
        purposeVersion: DEMOGRAPHICS_PURPOSE_VERSION,
      } satisfies Schema<'SaveDemographicsDto'>,
    }),
  withdraw: () => api<Mine>(PATH, { method: 'DELETE' }),
};

type Draft = { [Q in Question]: Answers[Q] | '' };
const EMPTY: Draft = { ageBand: '', gender: '', municipalityType: '', indigenousLanguage: '', disability: '' };
const complete = (d: Draft): d is Answers => DEMOGRAPHIC_QUESTIONS.every((q) => d[q] !== '');

/** The person's stored answers and consent, and saving or withdrawing them. */
function useDemographics(onDone: (() => void) | undefined) {
  const { t } = useT();
  const [mine, setMine] = useState<Mine | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<'saved' | 'withdrawn' | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    demographicsApi.mine(ctl.signal).then(
      (m) => {
        setMine(m);
        if (m.answers) {
          setDraft(m.answers);
          setConsent(true);
        }
      },
      (err: unknown) => !ctl.signal.aborted && setError(err),
    );
    return () => ctl.abort();
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setError(null);
    if (!consent) {
      setConsentError(t('demog.consentRequired'));
      return;
    }
    setConsentError(null);
    setBusy(true);
    try {
      const filled = Object.fromEntries(
        DEMOGRAPHIC_QUESTIONS.map((q) => [q, draft[q] || 'prefer_not_to_say']),
      ) as Draft;
      if (!complete(filled)) return;
      setMine(await demographicsApi.save(filled));
      setDraft(filled);
      setNotice('saved');
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setNotice(null);
    setError(null);
    try {
      setMine(await demographicsApi.withdraw());
      setDraft(EMPTY);
      setConsent(false);
      setNotice('withdrawn');
    } catch (err) {
      setError(err);
    }
  }

  function changeConsent(checked: boolean) {
    setConsent(checked);
    if (checked) setConsentError(null);
  }

  return {
    mine,
    draft,
    setDraft,
    consent,
    changeConsent,
    consentError,
    busy,
    error,
    notice,
    save,
    withdraw,
  };
}

/**
 * Issue #18 item 3: the optional demographics, with the plain-language purpose and an explicit consent
 * box. Shown after e-mail verification (the end of registration) and on the profile page, where the
 * answers can be changed or deleted (consent withdrawn). An unanswered question is sent as "prefer not to say":
 * consenting to answer some questions must not force an answer to the others.
 */
export function DemographicsForm({ onDone }: { onDone?(): void }) {
  const { t, date } = useT();
  const headingId = useId();
  const { mine, draft, setDraft, consent, changeConsent, consentError, busy, error, notice, save, withdraw } =
    useDemographics(onDone);

  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{t('demog.title')}</h3>
      <p>{t('demog.purpose')}</p>
      {!mine && !error && <Spinner />}
      {mine && (
        <form className="form" onSubmit={(e) => void save(e)} noValidate>
          <p className="muted">
            {mine.consented && mine.consentAt ? t('demog.given', { date: date(mine.consentAt) }) : t('demog.notGiven')}
          </p>
          <DemographicQuestions draft={draft} onChange={setDraft} />
          <ConsentCheckbox checked={consent} error={consentError} onChange={changeConsent} />
          <ErrorAlert error={error} />
          {notice === 'saved' && <Alert kind="success">{t('demog.saved')}</Alert>}
          {notice === 'withdrawn' && <Alert kind="success">{t('demog.withdrawn')}</Alert>}
          <FormActions busy={busy} consented={mine.consented} onWithdraw={withdraw} />
        </form>
      )}
      {!mine && <ErrorAlert error={error} />}
    </section>
  );
}

function DemographicQuestions({ draft, onChange }: { draft: Draft; onChange(next: Draft): void }) {
  const { t, maybe } = useT();
  return (
    <>
      {DEMOGRAPHIC_QUESTIONS.map((q) => (
        <Field
          key={q}
          label={t(`demog.q.${q}` as MessageKey)}
          hint={q === 'municipalityType' ? t('demog.q.municipalityTypeHint') : undefined}
        >
          {(a) => (
            <select {...a} name={q} value={draft[q]} onChange={(e) => onChange({ ...draft, [q]: e.target.value })}>
              <option value="">{t('demog.choose')}</option>
              {OPTIONS[q].map((v) => (
                <option key={v} value={v}>
                  {maybe(`demog.a.${v}`, v)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
    </>
  );
}

function ConsentCheckbox({
  checked,
  error,
  onChange,
}: {
  checked: boolean;
  error: string | null;
  onChange(checked: boolean): void;
}) {
  const { t } = useT();
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          name="consent"
          checked={checked}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('demog.consent')}</span>
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** Save, and (once consent was given) withdraw it, which deletes the answers. */
function FormActions({
  busy,
  consented,
  onWithdraw,
}: {
  busy: boolean;
  consented: boolean;
  onWithdraw(): Promise<void>;
}) {
  const { t } = useT();
  return (
    <div className="actions">
      <Button type="submit" variant="secondary" busy={busy}>
        {t('demog.save')}
      </Button>
      {consented && (
        <ConfirmButton
          variant="danger"
          title={t('demog.withdrawTitle')}
          message={t('demog.withdrawBody')}
          confirmLabel={t('demog.withdraw')}
          onConfirm={onWithdraw}
        >
          {t('demog.withdraw')}
        </ConfirmButton>
      )}
    </div>
  );
}
