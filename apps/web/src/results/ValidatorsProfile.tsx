import { useId } from 'react';
import { indicatorLabel } from '@apertura/reasons-text';
import type { Schema } from '../shared/api';
import { ErrorAlert, Spinner } from '../shared/components';
import { useT, type MessageKey } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { resultsApi, type ResultStatus } from './api';
import { fmtValue } from './charts';
import { ResultStatusBadge } from './common';

type Profile = Schema<'ValidatorsProfileDto'>;
type Reweighted = Schema<'ReweightedIndicesDto'>;

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
          <ReweightedIndices r={p.reweighted} />
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

/**
 * The sensitivity check (issue #18 item 3, METHOD.md §9): each published round value with its interval,
 * beside — never instead of — the same value with validators re-weighted to the population by
 * municipality type, the difference, and in words whether it is within the published value's uncertainty.
 */
function ReweightedIndices({ r }: { r: Reweighted }) {
  const { t, lang, maybe } = useT();
  const headingId = useId();
  const groups = r.strata.filter((s) => s.cells.length > 1);
  const signed = (x: number): string => (x > 0 ? '+' : x < 0 ? '−' : '') + fmtValue(Math.abs(x));
  return (
    <section aria-labelledby={headingId} data-testid="reweighted-indices" data-withheld={r.withheld ?? ''}>
      <h3 id={headingId}>{t('demog.rw.title')}</h3>
      <p className="muted">{t('demog.rw.intro')}</p>
      {r.withheld !== null ? (
        <p className="alert alert-info">{t(`demog.rw.withheld.${r.withheld}` as MessageKey, { k: r.k })}</p>
      ) : (
        <ul className="reweight-list">
          {r.values.map((v) => (
            <li key={v.indicator} className="card" data-indicator={v.indicator}>
              <h4>
                {v.indicator} · {indicatorLabel(v.indicator, lang)}
              </h4>
              <dl className="reweight-values">
                <div>
                  <dt>{t('demog.rw.main')}</dt>
                  <dd data-testid="rw-main">
                    <strong>{fmtValue(v.main)}</strong>{' '}
                    {v.lo !== null && v.hi !== null && (
                      <span className="muted">
                        <span className="visually-hidden">{t('results.interval')} </span>[{fmtValue(v.lo)},{' '}
                        {fmtValue(v.hi)}]
                      </span>
                    )}{' '}
                    <ResultStatusBadge status={v.status as ResultStatus} />
                  </dd>
                </div>
                <div>
                  <dt>{t('demog.rw.reweighted')}</dt>
                  <dd data-testid="rw-reweighted">{fmtValue(v.reweighted)}</dd>
                </div>
                <div>
                  <dt>{t('demog.rw.difference')}</dt>
                  <dd data-testid="rw-difference">{signed(v.difference)}</dd>
                </div>
              </dl>
              <p className="small" data-testid="rw-verdict">
                {v.withinUncertainty === null
                  ? t('demog.rw.noInterval')
                  : t(v.withinUncertainty ? 'demog.rw.within' : 'demog.rw.outside', {
                      difference: signed(v.difference),
                      halfWidth: fmtValue(v.halfWidth ?? 0),
                    })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {groups.length > 0 && (
        <p className="muted small">
          {t('demog.rw.merged', {
            k: r.k,
            groups: groups.map((g) => g.cells.map((c) => maybe(`demog.a.${c}`, c)).join(' + ')).join('; '),
          })}
        </p>
      )}
      <p className="muted small">{t('demog.rw.how')}</p>
    </section>
  );
}
