import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { ErrorAlert, Spinner, StatusBadge } from '../shared/components';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { isStaff, resultsApi } from './api';

/** Published rounds for everyone; signed-in staff also see their guarantor's rounds in any status. */
export function ResultsHomePage() {
  const { t, date } = useT();
  usePageTitle(t('results.title'));
  const staff = isStaff();
  const rounds = useAsync((signal) => resultsApi.publicRounds(signal), []);
  const own = useAsync((signal) => (staff ? resultsApi.staffRounds(signal) : Promise.resolve(null)), [staff]);
  const published = rounds.data?.items ?? [];
  return (
    <section className="results">
      <h1>{t('results.title')}</h1>
      <h2>{t('results.published')}</h2>
      {rounds.loading && <Spinner />}
      <ErrorAlert error={rounds.error} />
      {rounds.data && published.length === 0 && <p>{t('results.noPublished')}</p>}
      <ul className="card-list round-list">
        {published.map((r) => (
          <li key={r.id} className="card" data-testid="public-round">
            <Link to={`/resultados/${r.id}`}>{r.name}</Link>
            <div className="muted">
              {r.guarantor.name} · {date(r.publishedAt)}
            </div>
            {r.synthetic && <span className="badge badge-warning">{t('results.synthetic')}</span>}
          </li>
        ))}
      </ul>
      {published.length >= 2 && (
        <p>
          <Link to={`/resultados/comparar?a=${published[1].id}&b=${published[0].id}`}>{t('results.compare')}</Link>
        </p>
      )}
      {staff && (
        <>
          <h2>{t('results.ownRounds')}</h2>
          <p className="muted">{t('results.ownRoundsHint')}</p>
          <ErrorAlert error={own.error} />
          <ul className="card-list round-list">
            {own.data?.items.map((r) => (
              <li key={r.id} className="card" data-testid="own-round">
                <Link to={`/resultados/${r.id}`}>{r.name}</Link> <StatusBadge status={r.status} />
                {r.synthetic && <span className="badge badge-warning">{t('results.synthetic')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
