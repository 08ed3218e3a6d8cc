import { useId } from 'react';
import type { Schema } from '../shared/api';
import { ErrorAlert, Spinner } from '../shared/components';
import { useT, type MessageKey } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { resultsApi } from './api';

type Profile = Schema<'ValidatorsProfileDto'>;

/**
 * Issue #18 item 3: who validated in the round, in aggregate only. Suppressed cells read "<k"; the
 * municipality type sits beside the population's shares from the shipped census catalogue.
 */
export function ValidatorsProfileSection({ roundId }: { roundId: string }) {
  const { t } = useT();
  const headingId = useId();
  const profile = useAsync((signal) => resultsApi.validatorsProfile(roundId, signal), [roundId]);
  const p = profile.data;
  return (
    <section className="section" aria-labelledby={headingId} data-testid="validators-profile">
      <h2 id={headingId}>{t('demog.profileTitle')}</h2>
      {profile.loading && <Spinner />}
      <ErrorAlert error={profile.error} />
      {p && (
        <>
          <p className="muted">
            {t('demog.profileIntro', { respondents: p.respondents, validators: p.validators, k: p.k })}
          </p>
          {p.published ? (
            p.questions.map((q) => <QuestionTable key={q.question} profile={p} question={q} />)
          ) : (
            <p className="alert alert-info">
              {p.withheld === 'round_open' ? t('demog.profileRoundOpen') : t('demog.profileTooFew', { k: p.k })}
            </p>
          )}
          <p className="muted small">
            {t('demog.populationNote', { definition: p.population.definition, source: p.population.source })}
          </p>
        </>
      )}
    </section>
  );
}

function QuestionTable({ profile, question }: { profile: Profile; question: Profile['questions'][number] }) {
  const { t, maybe, number } = useT();
  const withPopulation = question.question === 'municipalityType';
  const population = new Map<string, number>(profile.population.municipalityTypes.map((m) => [m.category, m.share]));
  const pct = (share: number | null | undefined): string =>
    share === null || share === undefined ? '—' : number(share, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="table-wrap">
      <table className="table" data-testid={`profile-${question.question}`}>
        <caption>{t(`demog.q.${question.question}` as MessageKey)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('demog.category')}</th>
            <th scope="col">{t('demog.count')}</th>
            <th scope="col">{t('demog.share')}</th>
            {withPopulation && <th scope="col">{t('demog.population')}</th>}
          </tr>
        </thead>
        <tbody>
          {question.cells.map((c) => (
            <tr key={c.category} data-suppressed={c.suppressed}>
              <th scope="row">{maybe(`demog.a.${c.category}`, c.category)}</th>
              <td>{c.suppressed ? `<${profile.k}` : number(c.count ?? 0)}</td>
              <td>{c.suppressed ? '—' : pct(c.share)}</td>
              {withPopulation && <td>{pct(population.get(c.category))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
