import { useId, useState, type FormEvent } from 'react';
import { downloadFile } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, Pagination, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { dueProcessApi, type DisputeQueueItem } from './due-process-api';
import { RoundSubPage, SegmentedFilter } from './RoundSubPage';
import '../respond/reply.css';

/**
 * The guarantor admin's right-of-reply queue (issue #13): the standing of every refutation of the
 * round, the disputes to decide (uphold / overturn with a reason), the decided ones, and the
 * validators whose refutation rate is an outlier.
 */
export function DisputesPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  return (
    <RoundSubPage roundId={roundId} title={t('disputes.title')} intro={t('disputes.intro')}>
      <Queue roundId={roundId} />
      <Outliers roundId={roundId} />
    </RoundSubPage>
  );
}

function Queue({ roundId }: { roundId: string }) {
  const { t, number } = useT();
  const headingId = useId();
  const summaryId = useId();
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const [page, setPage] = useState(1);
  const [recorded, setRecorded] = useState(false);
  const data = useAsync((signal) => dueProcessApi.disputes(roundId, status, page, signal), [roundId, status, page]);
  const d = data.data;
  const summary = d?.summary;

  return (
    <>
      <section className="section card" aria-labelledby={summaryId}>
        <h2 id={summaryId}>{t('disputes.summary')}</h2>
        {summary && (
          <dl className="facts grid-3">
            {(['notNotified', 'pending', 'disputed', 'counted', 'overturned'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`disputes.s.${k}`)}</dt>
                <dd>{number(summary[k])}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('disputes.view')}</h2>
        <SegmentedFilter
          label={t('disputes.view')}
          options={['open', 'decided'] as const}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
            setRecorded(false);
          }}
        >
          {(s) => t(`disputes.${s}`)}
        </SegmentedFilter>
        {recorded && <Alert kind="success">{t('disputes.recorded')}</Alert>}
        {data.loading && !d && <Spinner />}
        <ErrorAlert error={data.error} />
        {d && d.items.length === 0 && <p>{status === 'open' ? t('disputes.noneOpen') : t('disputes.noneDecided')}</p>}
        {d && d.items.length > 0 && (
          <ul className="reply-list">
            {d.items.map((item) => (
              <li key={item.dispute.id}>
                <DisputeCard
                  roundId={roundId}
                  item={item}
                  onDecided={() => {
                    setRecorded(true);
                    data.reload();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        {d && <Pagination page={d.page} pageSize={d.pageSize} total={d.total} onPage={setPage} />}
      </section>
    </>
  );
}

function DisputeCard({ roundId, item, onDecided }: { roundId: string; item: DisputeQueueItem; onDecided(): void }) {
  const { t, dateTime, pick } = useT();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const claim = item.questionTitle === null ? item.questionName : pick(item.questionTitle);

  async function download(fileId: string, who: string) {
    setError(null);
    try {
      await downloadFile(dueProcessApi.evidencePath(roundId, fileId), `evidencia-${who}`);
    } catch (err) {
      setError(err);
    }
  }

  const d = item.dispute;
  return (
    <article className="reply-item card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.institutionName} — {t('disputes.claim', { claim })}
      </h3>
      <p className="muted">
        {t('reply.notified', { date: dateTime(item.notifiedAt) })} ·{' '}
        {t('disputes.validator', { pseudonym: item.validatorPseudonym })}
      </p>
      <ErrorAlert error={error} />
      <h4>{t('disputes.refutation')}</h4>
      <p className="pre-wrap">{item.refutationComment ?? <span className="muted">{t('reply.noReason')}</span>}</p>
      <Evidence
        url={item.refutationEvidenceUrl}
        fileLabel={t('disputes.fileNamed', { who: t('disputes.who.validator'), claim })}
        onFile={
          item.refutationEvidenceFileId
            ? () => void download(item.refutationEvidenceFileId as string, 'validacion')
            : undefined
        }
      />
      <div className="reply-dispute">
        <h4>{t('disputes.dispute')}</h4>
        <p className="muted">{t('reply.sentOn', { date: dateTime(d.createdAt) })}</p>
        <p className="pre-wrap">{d.text}</p>
        <Evidence
          url={d.evidenceUrl}
          fileLabel={t('disputes.fileNamed', { who: t('disputes.who.institution'), claim })}
          onFile={d.evidenceFileId ? () => void download(d.evidenceFileId as string, 'replica') : undefined}
        />
      </div>
      {d.status === 'open' ? (
        <DecisionForm
          roundId={roundId}
          disputeId={d.id}
          label={`${item.institutionName} — ${claim}`}
          onDecided={onDecided}
        />
      ) : (
        <>
          <p>
            <strong>
              {t('disputes.decidedOn', { date: dateTime(d.decidedAt), decision: t(`disputes.status.${d.status}`) })}
            </strong>
          </p>
          {d.decisionReason && <p className="pre-wrap">{d.decisionReason}</p>}
        </>
      )}
    </article>
  );
}

function Evidence({ url, fileLabel, onFile }: { url: string | null; fileLabel: string; onFile?: () => void }) {
  const { t } = useT();
  if (!url && !onFile) return null;
  return (
    <div className="actions">
      {url && (
        <a className="break" href={url} target="_blank" rel="noopener noreferrer nofollow">
          {t('disputes.link.open')}: {url}
        </a>
      )}
      {onFile && (
        <Button variant="secondary" small onClick={onFile} aria-label={fileLabel}>
          {t('disputes.file')}
        </Button>
      )}
    </div>
  );
}

function DecisionForm({
  roundId,
  disputeId,
  label,
  onDecided,
}: {
  roundId: string;
  disputeId: string;
  label: string;
  onDecided(): void;
}) {
  const { t } = useT();
  const uid = useId();
  const [decision, setDecision] = useState<'uphold' | 'overturn' | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const found: typeof errors = {};
    if (!decision) found.decision = t('disputes.chooseDecision');
    if (reason.trim().length < 10) found.reason = t('reply.textTooShort');
    setErrors(found);
    if (!decision || found.reason) return;
    setBusy(true);
    try {
      await dueProcessApi.decide(roundId, disputeId, decision, reason.trim());
      onDecided();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form
      className="form reply-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`${t('disputes.decision')}: ${label}`}
    >
      <ErrorAlert error={error} />
      <fieldset className="fieldset" aria-describedby={errors.decision ? `${uid}-decision-error` : undefined}>
        <legend>{t('disputes.decision')}</legend>
        <div className="radio-group">
          {(['uphold', 'overturn'] as const).map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name={`${uid}-decision`}
                value={k}
                checked={decision === k}
                onChange={() => setDecision(k)}
              />
              <span>{t(`disputes.${k}`)}</span>
            </label>
          ))}
        </div>
        {errors.decision && (
          <p className="field-error" id={`${uid}-decision-error`}>
            {errors.decision}
          </p>
        )}
      </fieldset>
      <Field label={t('disputes.reason')} hint={t('disputes.reasonHint')} error={errors.reason} required>
        {(a) => (
          <textarea {...a} rows={3} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <Button type="submit" busy={busy}>
        {t('disputes.decide')}
      </Button>
    </form>
  );
}

function Outliers({ roundId }: { roundId: string }) {
  const { t, number } = useT();
  const headingId = useId();
  const data = useAsync((signal) => dueProcessApi.outliers(roundId, signal), [roundId]);
  const d = data.data;
  const pct = (v: number) => number(v, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('outliers.title')}</h2>
      {data.loading && !d && <Spinner />}
      <ErrorAlert error={data.error} />
      {d && (
        <>
          <p className="muted">{t('outliers.intro', { alpha: number(d.alpha), min: number(d.minVerdicts) })}</p>
          {d.items.length === 0 ? (
            <p>{t('outliers.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('outliers.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('outliers.pseudonym')}</th>
                    <th scope="col">{t('outliers.municipality')}</th>
                    <th scope="col" className="num">
                      {t('outliers.verdicts')}
                    </th>
                    <th scope="col" className="num">
                      {t('outliers.refuted')}
                    </th>
                    <th scope="col" className="num">
                      {t('outliers.rate')}
                    </th>
                    <th scope="col" className="num">
                      {t('outliers.expected')}
                    </th>
                    <th scope="col" className="num">
                      {t('outliers.pValue')}
                    </th>
                    <th scope="col">{t('outliers.basis')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((o) => (
                    <tr key={`${o.validatorId}:${o.cvegeo}`}>
                      <th scope="row">{o.pseudonym}</th>
                      <td>{o.cvegeo}</td>
                      <td className="num">{number(o.verdicts)}</td>
                      <td className="num">{number(o.refuted)}</td>
                      <td className="num">{pct(o.rate)}</td>
                      <td className="num">{pct(o.expectedRate)}</td>
                      <td className="num">{number(o.pValue, { maximumSignificantDigits: 2 })}</td>
                      <td>{t(`outliers.basis.${o.basis}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
