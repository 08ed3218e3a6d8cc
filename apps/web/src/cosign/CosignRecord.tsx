import './cosign.css';
import { useId } from 'react';
import { ApiError } from '../shared/api';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { cosignApi, type CosignDecision, type Operator } from './api';

/** "Round run by … (kind)": the operator as configured, never an assumed autonomous guarantor. */
export function OperatorLine({ operator }: { operator: Operator }) {
  const { t } = useT();
  return (
    <p className="muted" data-testid="operator-line">
      {t('operator.runBy', { name: operator.name, kind: t(`operator.kind.${operator.kind}`) })}
    </p>
  );
}

/**
 * Public section of a published round (issue #18): who operates it, the co-signing quorum, each
 * organisation's state and every approval and objection with its reasons, plus the CSV, and the link
 * to report an error.
 */
export function CosignRecord({ roundId }: { roundId: string }) {
  const { t } = useT();
  const headingId = useId();
  const record = useAsync((signal) => cosignApi.publicSummary(roundId, signal), [roundId]);
  const r = record.data;
  // Not published yet (staff preview): the record is not public, nothing to show.
  if (record.error instanceof ApiError && record.error.status === 404) return null;
  return (
    <section className="section" aria-labelledby={headingId} data-testid="cosign-record">
      <h2 id={headingId}>{t('cosign.publicTitle')}</h2>
      {r && (
        <>
          <OperatorLine operator={r.operator} />
          <p>
            {r.coSignQuorum > 0
              ? t('cosign.publicQuorum', { quorum: r.coSignQuorum, approvals: r.approvals })
              : t('cosign.publicNoQuorum')}
          </p>
          {r.cosigners.length === 0 ? (
            <p className="muted">{t('cosign.publicNone')}</p>
          ) : (
            <ul className="cosigners">
              {r.cosigners.map((c) => (
                <li key={c.id} data-testid="cosigner">
                  <strong>{c.organisationName}</strong> ({t(`cosign.kind.${c.organisationKind}`)}):{' '}
                  <span
                    className={`badge badge-${c.state === 'approved' ? 'success' : c.state === 'objected' ? 'danger' : 'neutral'}`}
                  >
                    {t(`cosign.state.${c.state}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {r.decisions.length > 0 && (
            <>
              <h3>{t('cosign.decisionsTitle')}</h3>
              <ol className="cosign-decisions">
                {r.decisions.map((d) => (
                  <DecisionItem key={d.id} d={d} />
                ))}
              </ol>
            </>
          )}
          <p>
            <a href={cosignApi.publicCsvUrl(roundId)} download>
              {t('cosign.csv')}
            </a>
          </p>
        </>
      )}
      <p>
        <Link to={`/resultados/${encodeURIComponent(roundId)}/reportar`} data-testid="report-link">
          {t('report.link')}
        </Link>
      </p>
    </section>
  );
}

export function DecisionItem({ d }: { d: CosignDecision }) {
  const { t, dateTime } = useT();
  return (
    <li data-testid="cosign-decision" data-decision={d.decision}>
      <p>
        <strong>{d.organisationName}</strong> — {t(`cosign.decision.${d.decision}`)} · {dateTime(d.decidedAt)}
      </p>
      <blockquote className="cosign-reason">{d.reason || t('cosign.noReason')}</blockquote>
      {!d.current && <p className="muted small">{t('cosign.superseded')}</p>}
      {d.changedSince.length > 0 && (
        <p className="muted small">
          {t('cosign.changedSince', { parts: d.changedSince.map((p) => t(`cosign.part.${p}`)).join(', ') })}
        </p>
      )}
      <p className="muted small fingerprint">
        {t('cosign.fingerprint')}: <code>{d.parts.fingerprint.slice(0, 16)}…</code>
      </p>
    </li>
  );
}
