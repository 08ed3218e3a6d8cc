import { useState, type FormEvent } from 'react';
import { VerdictChoice } from '../citizen/VerdictChoice';
import type { VerdictValue } from '../citizen/api';
import { Alert, Button, ErrorAlert, Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { commitmentsApi, type MilestoneToVerify } from './api';

/**
 * Commitment milestones on a validator's assignment (claim kind `milestone`): saved through the same
 * verdict endpoint as claims, so evidence, the refutation notice and the right of reply apply.
 */
export function MilestoneVerification({ assignmentId, editable }: { assignmentId: string; editable: boolean }) {
  const { t } = useT();
  const res = useAsync((signal) => commitmentsApi.toVerify(assignmentId, signal), [assignmentId]);
  const items = res.data?.items ?? [];
  if (!res.data || items.length === 0) return <ErrorAlert error={res.error} />;
  return (
    <section className="section" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('commit.verifyTitle')}</h2>
      <p className="muted">{t('commit.verifyIntro', { round: items[0].commitmentRoundName })}</p>
      {items.map((m) => (
        <MilestoneCard key={m.claimName} assignmentId={assignmentId} m={m} editable={editable} />
      ))}
    </section>
  );
}

function MilestoneCard({
  assignmentId,
  m,
  editable,
}: {
  assignmentId: string;
  m: MilestoneToVerify;
  editable: boolean;
}) {
  const { t, date } = useT();
  const v = useMilestoneVerdict(assignmentId, m);
  const id = `ms-${m.milestoneId}`;

  return (
    <article className="card claim" aria-labelledby={`${id}-title`}>
      <p className="eyebrow">{t('commit.verifyCommitment', { title: m.commitmentTitle })}</p>
      <h3 id={`${id}-title`}>{m.title}</h3>
      <p className="muted">
        {t('commit.due', { date: date(`${m.dueDate}T12:00:00`) })} ·{' '}
        {m.declaredDone ? t('commit.declaredDone') : t('commit.declaredPending')} ·{' '}
        {t('commit.owner', { owner: m.owner })}
      </p>
      <p className="muted">{t('commit.outcome', { text: m.outcomeIndicator })}</p>
      <form className="form" onSubmit={(e) => void v.save(e)} noValidate>
        <VerdictChoice
          uid={id}
          value={v.verdict}
          onChange={v.setVerdict}
          disabled={!editable}
          error={v.missing ? t('commit.chooseVerdict') : null}
        />
        <Field label={t('assignment.evidenceUrl')} hint={t('assignment.evidenceUrlHint')}>
          {(p) => (
            <input
              {...p}
              type="url"
              inputMode="url"
              value={v.evidenceUrl}
              disabled={!editable}
              onChange={(e) => v.setEvidenceUrl(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('assignment.comment')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={v.comment}
              disabled={!editable}
              onChange={(e) => v.setComment(e.target.value)}
            />
          )}
        </Field>
        <ErrorAlert error={v.error} />
        {v.saved && <Alert kind="success">{t('commit.verifySaved')}</Alert>}
        {editable && (
          <Button type="submit" busy={v.busy}>
            {t('commit.verifySave')}
          </Button>
        )}
      </form>
    </article>
  );
}

/** The validator's verdict on one milestone, prefilled with what they saved before. */
function useMilestoneVerdict(assignmentId: string, m: MilestoneToVerify) {
  const [verdict, setVerdict] = useState<VerdictValue | null>(m.myVerdict);
  const [evidenceUrl, setEvidenceUrl] = useState(m.myEvidenceUrl ?? '');
  const [comment, setComment] = useState(m.myComment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setMissing(!verdict);
    if (!verdict) return;
    setBusy(true);
    setError(null);
    try {
      await commitmentsApi.saveVerdict(assignmentId, m.claimName, {
        verdict,
        evidenceUrl: evidenceUrl.trim() || undefined,
        comment: comment.trim() || undefined,
      });
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return { verdict, setVerdict, evidenceUrl, setEvidenceUrl, comment, setComment, busy, error, missing, saved, save };
}
