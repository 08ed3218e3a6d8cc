import '../cosign/cosign.css';
import { useState, type FormEvent } from 'react';
import { Button, ErrorAlert, Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link, navigate } from '../shared/router';
import { feedbackApi, REPORT_TARGETS, type ReportTarget } from './api';

/**
 * /resultados/:roundId/reportar — anyone reports an error in a published value or evidence link
 * (issue #18 item 4). `?institucion=<id>` ties the report to the institution page it came from.
 * The hidden "website" field is a honeypot: people never see it, bots fill it.
 */
export function ReportErrorPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  usePageTitle(t('report.title'));
  const institutionId = new URLSearchParams(window.location.search).get('institucion') ?? undefined;
  const r = useErrorReport(roundId, institutionId);

  return (
    <section className="narrow">
      <p className="eyebrow">
        <Link to={`/resultados/${encodeURIComponent(roundId)}`}>{t('report.backToResults')}</Link>
      </p>
      <h1>{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <ErrorAlert error={r.error} />
      <form className="form" onSubmit={(e) => void r.submit(e)} noValidate>
        <Field label={t('report.target')}>
          {(a) => (
            <select {...a} value={r.targetKind} onChange={(e) => r.setTargetKind(e.target.value as ReportTarget)}>
              {REPORT_TARGETS.map((k) => (
                <option key={k} value={k}>
                  {t(`report.target.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('report.ref')} hint={t('report.refHint')}>
          {(a) => (
            <input
              {...a}
              type="text"
              maxLength={500}
              value={r.targetRef}
              onChange={(e) => r.setTargetRef(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('report.description')} hint={t('report.descriptionHint')} error={r.invalid} required>
          {(a) => (
            <textarea
              {...a}
              rows={6}
              maxLength={2000}
              value={r.description}
              onChange={(e) => r.setDescription(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('report.contact')} hint={t('report.contactHint')}>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="email"
              maxLength={254}
              value={r.contactEmail}
              onChange={(e) => r.setContactEmail(e.target.value)}
            />
          )}
        </Field>
        <HoneypotField value={r.website} onChange={r.setWebsite} />
        <Button type="submit" busy={r.busy}>
          {t('report.submit')}
        </Button>
      </form>
    </section>
  );
}

/** The "website" honeypot: people never see it, bots fill it. */
function HoneypotField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useT();
  // Off-screen and out of the tab order; a filled one is accepted and dropped by the API.
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label>
        {t('report.honeypot')}
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    </div>
  );
}

/** The report being written; a sent report opens its status page. */
function useErrorReport(roundId: string, institutionId: string | undefined) {
  const { t } = useT();
  const [targetKind, setTargetKind] = useState<ReportTarget>('value');
  const [targetRef, setTargetRef] = useState('');
  const [description, setDescription] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [website, setWebsite] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = description.trim().length < 10 ? t('report.descriptionShort') : undefined;
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const receipt = await feedbackApi.create(roundId, {
        targetKind,
        targetRef: targetRef.trim() || undefined,
        institutionId,
        description: description.trim(),
        contactEmail: contactEmail.trim() || undefined,
        website: website || undefined,
      });
      navigate(`${receipt.statusPath}?nuevo=1`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return {
    targetKind,
    setTargetKind,
    targetRef,
    setTargetRef,
    description,
    setDescription,
    contactEmail,
    setContactEmail,
    website,
    setWebsite,
    invalid,
    busy,
    error,
    submit,
  };
}
