import './commitments.css';
import type { ReactNode } from 'react';
import { useT } from '../shared/i18n';
import { ResultStatusBadge } from '../results/common';
import { fmtValue } from '../results/charts';
import { codeLabel } from '../results/present';
import type { Commitment, CommitmentList, Milestone } from './api';

const STATE_TONE: Record<Milestone['verification']['state'], string> = {
  unverified: 'neutral',
  confirmed: 'success',
  refuted: 'danger',
  mixed: 'warning',
};

const MOVE_TONE: Record<string, string> = {
  improved: 'success',
  worsened: 'danger',
  within_uncertainty: 'neutral',
  not_comparable: 'neutral',
};

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)} %`);

/**
 * Declared progress beside the verified one (METHOD.md §9: every value with its interval and its
 * status in words). The verified figure leads: it is the one the public can rely on.
 */
export function ProgressFacts({ c }: { c: Commitment }) {
  const { t, pick } = useT();
  const p = c.progress;
  return (
    <dl className="facts facts-grid commitment-progress" data-testid="commitment-progress">
      <div>
        <dt>{t('commit.progressVerified')}</dt>
        <dd data-testid="progress-verified" data-estimate={p.estimate ?? ''}>
          <strong>{p.estimate === null ? t('commit.notVerified') : pct(p.estimate)}</strong>{' '}
          {p.lo !== null && p.hi !== null && (
            <span className="muted">
              [{pct(p.lo)}, {pct(p.hi)}]
            </span>
          )}{' '}
          <ResultStatusBadge status={p.status} />
          <span className="muted">
            {' '}
            {t('commit.progressBasis', {
              verified: p.verifiedMilestones,
              milestones: p.milestones,
              verdicts: p.verdicts,
            })}
          </span>
          {p.reasonTexts.length > 0 && (
            <span className="reasons" data-testid="reasons">
              {' '}
              {p.reasonTexts.map(pick).join(' ')}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('commit.progressDeclared')}</dt>
        <dd data-testid="progress-declared">{pct(p.declared)}</dd>
      </div>
    </dl>
  );
}

export function CommitmentCard({
  c,
  showInstitution,
  actions,
}: {
  c: Commitment;
  showInstitution?: boolean;
  actions?: ReactNode;
}) {
  const { t, date, lang } = useT();
  return (
    <article className="card commitment" aria-labelledby={`c-${c.id}`} data-key={c.key}>
      {showInstitution && <p className="eyebrow">{c.institutionName}</p>}
      <h3 id={`c-${c.id}`}>{c.title}</h3>
      <p className="muted">
        {t('commit.owner', { owner: c.owner })} · {t('commit.outcome', { text: c.outcomeIndicator })}
      </p>
      <p>
        <span className="visually-hidden">{t('commit.components')}: </span>
        {c.components.map((code) => (
          <span key={code} className="badge badge-neutral" title={code}>
            {codeLabel(code, lang)}
          </span>
        ))}
      </p>
      <ProgressFacts c={c} />
      <h4>{t('commit.milestones')}</h4>
      <ol className="milestones">
        {c.milestones.map((m) => (
          <li key={m.id} data-testid="milestone" data-state={m.verification.state}>
            <strong>{m.title}</strong>{' '}
            <span className="muted">({t('commit.due', { date: date(`${m.dueDate}T12:00:00`) })})</span>
            <br />
            <span className={`badge badge-${STATE_TONE[m.verification.state]}`}>
              {t(`commit.state.${m.verification.state}`)}
            </span>{' '}
            <span className="muted">
              {m.declaredDone ? t('commit.declaredDone') : t('commit.declaredPending')} ·{' '}
              {t('commit.counts', {
                confirmed: m.verification.confirmed,
                refuted: m.verification.refuted,
                pending: m.verification.pending,
              })}
            </span>
          </li>
        ))}
      </ol>
      {actions}
    </article>
  );
}

/** Per institution: the addressed components in this round and the next one, and whether they moved. */
export function Movements({ list }: { list: CommitmentList }) {
  const { t, pick } = useT();
  if (list.movements.length === 0) return null;
  return (
    <section className="section" aria-labelledby="movement-title">
      <h2 id="movement-title">{t('commit.movementTitle')}</h2>
      <p className="muted">
        {list.nextRound ? t('commit.movementNext', { round: list.nextRound.name }) : t('commit.movementNoNext')}
      </p>
      {list.movements.map((inst) => (
        <div key={inst.institutionId} className="card movement">
          <h3>{inst.institutionName}</h3>
          <ul className="movement-list">
            {inst.components.map((mv) => (
              <li key={mv.component} data-testid="movement" data-component={mv.component} data-verdict={mv.verdict}>
                <strong>
                  {pick(mv.label)} ({mv.component})
                </strong>
                <br />
                {t('commit.movement.before')}: {fmtValue(mv.before)} · {t('commit.movement.after')}:{' '}
                {fmtValue(mv.after)}
                <br />
                <span className={`badge badge-${MOVE_TONE[mv.verdict]}`}>{t(`commit.movement.${mv.verdict}`)}</span>
                {mv.verdict === 'not_comparable' && mv.reasons.length > 0 && (
                  <span className="muted">
                    {' '}
                    (
                    {mv.reasons
                      .map((r) => t(`commit.movementReason.${r}` as 'commit.movementReason.status'))
                      .join('; ')}
                    )
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
