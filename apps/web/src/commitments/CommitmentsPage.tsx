import { Link } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { RoundNav } from '../results/common';
import { commitmentsApi } from './api';
import { CommitmentCard, Movements } from './CommitmentCards';

/** Public: every commitment made after a published round, with verified and declared progress. */
export function CommitmentsPage({ roundId }: { roundId: string }) {
  const { t, pick } = useT();
  const res = useAsync((signal) => commitmentsApi.publicList(roundId, undefined, signal), [roundId]);
  usePageTitle(t('commit.title'));
  const d = res.data;
  return (
    <section className="results commitments">
      {res.loading && !d && <Spinner />}
      <ErrorAlert error={res.error} />
      {d && (
        <>
          <p className="eyebrow">
            <Link to={`/resultados/${roundId}`}>{d.roundName}</Link>
          </p>
          <h1>{t('commit.title')}</h1>
          <RoundNav roundId={roundId} />
          <p className="alert alert-info" data-testid="commitments-notice">
            {pick(d.notice)}
          </p>
          {d.items.length === 0 && <p>{t('commit.empty')}</p>}
          {d.items.map((c) => (
            <CommitmentCard key={c.id} c={c} showInstitution />
          ))}
          <Movements list={d} />
        </>
      )}
    </section>
  );
}

/** The institution results page's section: its commitments, and whether what they address moved. */
export function CommitmentsSection({ roundId, institutionId }: { roundId: string; institutionId: string }) {
  const { t, pick } = useT();
  const res = useAsync((signal) => commitmentsApi.publicList(roundId, institutionId, signal), [roundId, institutionId]);
  const d = res.data;
  return (
    <section className="section" aria-labelledby="commitments-title" data-testid="institution-commitments">
      <h2 id="commitments-title">{t('commit.sectionTitle')}</h2>
      <ErrorAlert error={res.error} />
      {d && d.items.length === 0 && <p className="muted">{t('commit.emptyInstitution')}</p>}
      {d && d.items.length > 0 && (
        <>
          <p className="muted">{pick(d.notice)}</p>
          {d.items.map((c) => (
            <CommitmentCard key={c.id} c={c} />
          ))}
          <Movements list={d} />
        </>
      )}
      <p>
        <Link to={`/resultados/${roundId}/compromisos`}>{t('commit.link')}</Link>
      </p>
    </section>
  );
}
