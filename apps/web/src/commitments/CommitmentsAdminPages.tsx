import { Link } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { commitmentsApi } from './api';
import { CommitmentEditor } from './CommitmentEditor';

/** Console: the round's operator records, edits and imports commitments of the round's institutions. */
export function ConsoleCommitmentsPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  const head = useAsync((signal) => commitmentsApi.list({ kind: 'staff', roundId }, signal), [roundId]);
  usePageTitle(t('commit.consoleTitle', { round: head.data?.roundName ?? '' }));
  if (head.loading && !head.data) return <Spinner />;
  if (!head.data) return <ErrorAlert error={head.error} />;
  return (
    <section className="commitments">
      <p>
        <Link to={`/consola/rondas/${roundId}`}>← {head.data.roundName}</Link>
      </p>
      <h1>{t('commit.consoleTitle', { round: head.data.roundName })}</h1>
      <CommitmentEditor writer={{ kind: 'staff', roundId }} canWrite={head.data.published} />
    </section>
  );
}

/** The institution's officer, from the invitation link of the published round. */
export function RespondCommitmentsPage({ token }: { token: string }) {
  const { t } = useT();
  const head = useAsync((signal) => commitmentsApi.list({ kind: 'institution', invitation: token }, signal), [token]);
  const name = head.data?.items[0]?.institutionName ?? head.data?.movements[0]?.institutionName;
  usePageTitle(t('commit.title'));
  if (head.loading && !head.data) return <Spinner />;
  if (!head.data) return <ErrorAlert error={head.error} />;
  return (
    <section className="commitments">
      <p>
        <Link to={`/responder/${token}`}>← {head.data.roundName}</Link>
      </p>
      <h1>{name ? t('commit.respondTitle', { institution: name }) : t('commit.title')}</h1>
      <CommitmentEditor writer={{ kind: 'institution', invitation: token }} canWrite={head.data.published} />
    </section>
  );
}
