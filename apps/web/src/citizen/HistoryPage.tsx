import { useState } from 'react';
import { ErrorAlert, Pagination, Spinner, StatusBadge } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { citizenApi, type HistoryItem, type ResultPoint } from './api';

const RESULT_STATUS: Record<string, { es: string; en: string }> = {
  not_validated: { es: 'sin validación ciudadana', en: 'not validated' },
  inconclusive: { es: 'no concluyente', en: 'not conclusive' },
  caution: { es: 'usar con cautela', en: 'use with caution' },
  conclusive: { es: 'concluyente', en: 'conclusive' },
};

/**
 * Issue #16: the validator's own history, grouped by round — what they were assigned, the verdicts and
 * report they gave and, once a round's results are published, the institution's result when they first
 * worked on it and now. Only their own work is listed.
 */
export default function HistoryPage() {
  const { t } = useT();
  usePageTitle(t('vwork.historyTitle'));
  const [page, setPage] = useState(1);
  const res = useAsync((signal) => citizenApi.history(page, signal), [page]);

  const rounds = new Map<string, { name: string; status: string; items: HistoryItem[] }>();
  for (const it of res.data?.items ?? []) {
    const r = rounds.get(it.roundId) ?? { name: it.roundName, status: it.roundStatus, items: [] };
    r.items.push(it);
    rounds.set(it.roundId, r);
  }

  return (
    <>
      <p>
        <Link to="/validador">← {t('assignment.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('vwork.historyTitle')}</h1>
        <p className="muted">{t('vwork.historyIntro')}</p>
      </header>
      {res.loading && !res.data && <Spinner />}
      <ErrorAlert error={res.error} />
      {res.data && res.data.items.length === 0 && <p>{t('vwork.historyEmpty')}</p>}
      {[...rounds.entries()].map(([id, r]) => (
        <section key={id} className="section" aria-labelledby={`round-${id}`}>
          <h2 id={`round-${id}`}>
            {r.name} <StatusBadge status={r.status} />
          </h2>
          <ul className="card-list plain">
            {r.items.map((it) => (
              <HistoryRow key={it.assignmentId} it={it} />
            ))}
          </ul>
        </section>
      ))}
      {res.data && (
        <Pagination page={res.data.page} pageSize={res.data.pageSize} total={res.data.total} onPage={setPage} />
      )}
    </>
  );
}

function HistoryRow({ it }: { it: HistoryItem }) {
  const { t, date, number, pick } = useT();
  const point = (p: ResultPoint | null): string => {
    if (!p || p.status === null) return t('vwork.resultNone');
    const status = RESULT_STATUS[p.status] ? pick(RESULT_STATUS[p.status]) : p.status;
    return p.estimate === null ? status : `${number(Math.round(p.estimate * 10) / 10)} (${status})`;
  };
  return (
    <li className="card history-item">
      <h3>
        {it.status === 'expired' ? (
          it.institution.name
        ) : (
          <Link to={`/validador/asignaciones/${it.assignmentId}`}>{it.institution.name}</Link>
        )}
      </h3>
      <p className="muted">
        {it.institution.municipality.name}, {it.institution.state.name} ·{' '}
        {t('vwork.assignedAt', { date: date(it.assignedAt) })}
      </p>
      <p>
        <StatusBadge status={it.status} /> <span className="badge badge-info">{t(`vwork.kind.${it.kind}`)}</span>
      </p>
      {it.kind === 'claims' && (
        <p>
          {t('vwork.verdictCounts', {
            confirmed: it.verdicts.confirmed,
            refuted: it.verdicts.refuted,
            unverifiable: it.verdicts.unverifiable,
            claims: it.claimsToCheck,
          })}
        </p>
      )}
      <p>{it.reportUpdatedAt ? t('vwork.reportAt', { date: date(it.reportUpdatedAt) }) : t('vwork.noReport')}</p>
      <p className="history-result">
        {it.result
          ? t('vwork.resultChange', { before: point(it.result.before), after: point(it.result.after) })
          : t('vwork.resultPending')}
      </p>
    </li>
  );
}
