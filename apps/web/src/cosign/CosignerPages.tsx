import './cosign.css';
import { useId, useState, type FormEvent } from 'react';
import { downloadFile } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { useStatusText } from '../results/common';
import type { ResultStatus } from '../results/api';
import { cosignApi, type CosignReview, type Decision } from './api';
import { DecisionItem, OperatorLine } from './CosignRecord';

/** /cofirma — the rounds a co-signing organisation was invited to. */
export function CosignerHomePage() {
  const { t } = useT();
  usePageTitle(t('cosign.homeTitle'));
  const rounds = useAsync((signal) => cosignApi.mine(signal), []);
  return (
    <section>
      <h1>{t('cosign.homeTitle')}</h1>
      <p className="muted">{t('cosign.homeIntro')}</p>
      {rounds.loading && <Spinner />}
      <ErrorAlert error={rounds.error} />
      {rounds.data?.length === 0 && <p>{t('cosign.homeEmpty')}</p>}
      <ul className="cosign-rounds">
        {rounds.data?.map((r) => (
          <li key={r.roundId} data-testid="cosign-round">
            <Link to={`/cofirma/rondas/${encodeURIComponent(r.roundId)}`}>{r.roundName}</Link> — {r.organisationName}
            {' · '}
            {t(`cosign.state.${r.state}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /cofirma/rondas/:id — what the co-signer reviews, and its decision on the current fingerprint. */
export function CosignReviewPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  usePageTitle(t('cosign.reviewTitle'));
  const review = useAsync((signal) => cosignApi.review(roundId, signal), [roundId]);
  const r = review.data;
  const mine = r?.cosigners.find((c) => c.id === r.myCosignerId);
  return (
    <section>
      <p className="eyebrow">
        <Link to="/cofirma">← {t('cosign.homeTitle')}</Link>
      </p>
      <h1>
        {t('cosign.reviewTitle')}
        {r && <>: {r.roundName}</>}
      </h1>
      {review.loading && <Spinner />}
      <ErrorAlert error={review.error} />
      {r && (
        <>
          <OperatorLine operator={r.operator} />
          <p className="muted">{t('cosign.reviewIntro')}</p>
          {mine && <p data-testid="my-state">{t('cosign.yourState', { state: t(`cosign.state.${mine.state}`) })}</p>}
          <p className="muted small fingerprint">
            {t('cosign.fingerprint')}: <code data-testid="fingerprint">{r.current.fingerprint}</code>
          </p>
          <ReviewedRecord roundId={roundId} review={r} />
          {r.decisionsOpen ? (
            <DecisionForm review={r} onDone={review.reload} />
          ) : (
            <Alert kind="info">
              <p>{t('cosign.closed')}</p>
            </Alert>
          )}
          {r.decisions.length > 0 && (
            <>
              <h2>{t('cosign.decisionsTitle')}</h2>
              <ol className="cosign-decisions">
                {r.decisions.map((d) => (
                  <DecisionItem key={d.id} d={d} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** What is signed: the settings and design, the instrument, the results and their export. */
function ReviewedRecord({ roundId, review: r }: { roundId: string; review: CosignReview }) {
  const { t, number } = useT();
  const statusText = useStatusText();
  const fmt = (v: number | null): string => (v === null ? '—' : number(v, { maximumFractionDigits: 3 }));
  return (
    <>
      <h2>{t('cosign.settings')}</h2>
      <details>
        <summary>
          <code>{r.current.settingsHash.slice(0, 16)}…</code>
        </summary>
        <pre className="json-block">{JSON.stringify({ settings: r.settings, design: r.design }, null, 2)}</pre>
      </details>
      <h2>{t('cosign.instrument')}</h2>
      <ul>
        {r.questionnaires.map((q) => (
          <li key={q.id}>
            {q.title} (v{q.version}) · <code>{q.checksum.slice(0, 16)}…</code>
          </li>
        ))}
      </ul>
      <h2>{t('cosign.results')}</h2>
      {r.institutionStatuses.length === 0 ? (
        <p>{t('cosign.noResults')}</p>
      ) : (
        <p>
          {t('cosign.statuses', {
            list: r.institutionStatuses.map((s) => `${statusText(s.status as ResultStatus)}: ${s.n}`).join(', '),
          })}
        </p>
      )}
      {r.headline.length > 0 && (
        <ul>
          {r.headline.map((h) => (
            <li key={`${h.indicator}:${h.aggregation}`}>
              {h.indicator} ({h.aggregation}): {fmt(h.estimate)} [{fmt(h.lo)}, {fmt(h.hi)}]
            </li>
          ))}
        </ul>
      )}
      <p>
        <Button
          variant="secondary"
          small
          onClick={() => void downloadFile(cosignApi.reviewExportPath(roundId), 'institutions.csv')}
        >
          {t('cosign.download')}
        </Button>
      </p>
    </>
  );
}

function DecisionForm({ review, onDone }: { review: CosignReview; onDone(): void }) {
  const { t } = useT();
  const headingId = useId();
  const [decision, setDecision] = useState<Decision>('approve');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [recorded, setRecorded] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = decision === 'object' && reason.trim() === '' ? t('cosign.reasonRequired') : undefined;
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await cosignApi.decide(review.roundId, {
        decision,
        reason: reason.trim() || undefined,
        fingerprint: review.current.fingerprint,
      });
      setRecorded(true);
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cosign.decide')}</h2>
      {recorded && (
        <Alert kind="success">
          <p>{t('cosign.recorded')}</p>
        </Alert>
      )}
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="choice-group">
          <legend>{t('cosign.decide')}</legend>
          {(['approve', 'object'] as const).map((d) => (
            <label key={d} className="choice">
              <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />{' '}
              {t(d === 'approve' ? 'cosign.approve' : 'cosign.object')}
            </label>
          ))}
        </fieldset>
        <Field label={t('cosign.reason')} hint={t('cosign.reasonHint')} error={invalid}>
          {(a) => (
            <textarea {...a} rows={5} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <Button type="submit" busy={busy}>
          {t('cosign.submit')}
        </Button>
      </form>
    </section>
  );
}
