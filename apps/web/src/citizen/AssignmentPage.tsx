import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CompletingEvent, SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { ApiError, downloadFile } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, ProgressBar, Spinner, StatusBadge } from '../shared/components';
import { useT, type I18n } from '../shared/i18n';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { createSurvey } from '../shared/survey';
import { applyIssues, IssueSummary, parseIssues, type SubmissionIssue } from '../shared/SurveyIssues';
import { useAsync } from '../shared/useAsync';
import { citizenApi, VERDICTS, type Assignment, type Claim, type Verdict, type VerdictValue } from './api';

export default function AssignmentPage({ id }: { id: string }) {
  const { t, dateTime } = useT();
  const res = useAsync((signal) => citizenApi.assignment(id, signal), [id]);
  usePageTitle(res.data?.institution.name ?? t('assignment.title'));

  if (res.loading && !res.data) return <Spinner />;
  if (!res.data) {
    return (
      <>
        <h1>{t('assignment.title')}</h1>
        <ErrorAlert error={res.error} />
        <p>
          <Link to="/validador">{t('assignment.back')}</Link>
        </p>
      </>
    );
  }
  const a = res.data;
  const editable = a.acceptingSubmissions && a.status !== 'expired';

  function onVerdict(v: Verdict, status: Assignment['status']) {
    const claims = a.claims.map((c) => (c.questionName === v.questionName ? { ...c, verdict: v } : c));
    const verdicts = claims.filter((c) => c.answered && c.verdict).length;
    res.setData({ ...a, claims, status, progress: { ...a.progress, verdicts } });
  }

  const done = a.progress.verdicts + (a.progress.reportSubmitted ? 1 : 0);
  return (
    <div className="assignment">
      {a.synthetic && <SyntheticBanner />}
      <p>
        <Link to="/validador">← {t('assignment.back')}</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">
          {a.roundName} <StatusBadge status={a.status} />
        </p>
        <h1>{a.institution.name}</h1>
        <p className="muted">
          {a.institution.municipality.name}, {a.institution.state.name} · {a.institution.type}
          {a.status === 'active' && <> · {t('validator.expires', { date: dateTime(a.expiresAt) })}</>}
        </p>
      </header>
      {a.status === 'expired' && <Alert kind="warning">{t('assignment.expired')}</Alert>}
      {a.status !== 'expired' && !a.acceptingSubmissions && <Alert kind="warning">{t('assignment.closed')}</Alert>}
      {!a.selfReportSubmitted && <Alert kind="info">{t('assignment.noSelfReport')}</Alert>}
      <ProgressBar
        value={done}
        max={a.progress.claimsToCheck + 1}
        label={t('validator.progress')}
        detail={t('validator.progressDetail', {
          verdicts: a.progress.verdicts,
          claims: a.progress.claimsToCheck,
          report: a.progress.reportSubmitted ? t('common.yes') : t('common.no'),
        })}
        tone={a.status === 'completed' ? 'success' : 'default'}
      />

      <section className="section" aria-labelledby="claims-title">
        <h2 id="claims-title">{t('assignment.claimsTitle')}</h2>
        <p className="muted">{t('assignment.claimsIntro')}</p>
        {a.claims.length === 0 && <p>{t('assignment.noClaims')}</p>}
        {/* Claims that need a verdict first; those the institution left unanswered after them. */}
        {[...a.claims.filter((c) => c.answered), ...a.claims.filter((c) => !c.answered)].map((c) => (
          <ClaimCard key={c.questionName} assignmentId={a.id} claim={c} editable={editable} onSaved={onVerdict} />
        ))}
      </section>

      <section className="section" aria-labelledby="report-title">
        <h2 id="report-title">{t('assignment.reportTitle')}</h2>
        <p className="muted">{t('assignment.reportIntro')}</p>
        <CitizenReportForm
          assignment={a}
          editable={editable}
          onSaved={(report, status) => res.setData({ ...a, report, status, progress: { ...a.progress, reportSubmitted: true } })}
        />
      </section>
    </div>
  );
}

/** Renders any JSON answer as text (booleans and lists the way people write them). */
export function formatAnswer(value: unknown, i18n: Pick<I18n, 't' | 'number'>): string {
  if (value === null || value === undefined || value === '') return i18n.t('assignment.noAnswer');
  if (typeof value === 'boolean') return value ? i18n.t('common.yes') : i18n.t('common.no');
  if (typeof value === 'number') return i18n.number(value);
  // Choice values are codes like `sin_actualizar`: shown as words until the API sends the choice text.
  if (typeof value === 'string') return /^[a-z0-9_]+$/.test(value) ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : value;
  if (Array.isArray(value)) return value.map((v) => formatAnswer(v, i18n)).join(', ');
  return JSON.stringify(value);
}

/** Only http(s) links are clickable: an institution could otherwise submit a `javascript:` URL. */
export function safeHttpUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

interface ClaimCardProps {
  assignmentId: string;
  claim: Claim;
  editable: boolean;
  onSaved(v: Verdict, status: Assignment['status']): void;
}

function ClaimCard({ assignmentId, claim, editable, onSaved }: ClaimCardProps) {
  const i18n = useT();
  const { t, pick, time } = i18n;
  const uid = useId();
  const [verdict, setVerdict] = useState<VerdictValue | ''>(claim.verdict?.verdict ?? '');
  const [evidenceUrl, setEvidenceUrl] = useState(claim.verdict?.evidenceUrl ?? '');
  const [comment, setComment] = useState(claim.verdict?.comment ?? '');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<{ verdict?: string; evidenceUrl?: string; comment?: string }>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const title = pick(claim.title);

  async function save(e: FormEvent) {
    e.preventDefault();
    const errs: typeof fieldErrors = {};
    if (!verdict) errs.verdict = t('assignment.chooseVerdict');
    if (evidenceUrl.trim() && !/^https:\/\/\S+$/i.test(evidenceUrl.trim())) errs.evidenceUrl = t('assignment.httpsOnly');
    setFieldErrors(errs);
    if (errs.verdict || errs.evidenceUrl || !verdict) return;
    setBusy(true);
    setError(null);
    try {
      let evidenceFileId = claim.verdict?.evidenceFileId ?? undefined;
      if (file) {
        setProgress(0);
        evidenceFileId = (await citizenApi.uploadEvidence(assignmentId, file, claim.questionName, setProgress)).id;
        setProgress(null);
      }
      const r = await citizenApi.saveVerdict(assignmentId, claim.questionName, {
        verdict,
        evidenceUrl: evidenceUrl.trim() || undefined,
        evidenceFileId,
        comment: comment.trim() || undefined,
      });
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setSavedAt(r.verdict.updatedAt);
      onSaved(r.verdict, r.assignmentStatus);
    } catch (err) {
      if (err instanceof ApiError && (err.field === 'evidenceUrl' || err.field === 'comment')) setFieldErrors({ [err.field]: pick(err.messages) });
      else setError(err);
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }

  async function download(path: string, name: string) {
    setError(null);
    try {
      await downloadFile(path, name);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <article className="card claim" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{title}</h3>
      <dl className="facts">
        <div>
          <dt>{t('assignment.selfReported')}</dt>
          <dd>{formatAnswer(claim.selfReported, i18n)}</dd>
        </div>
        <div>
          <dt>{t('assignment.institutionEvidence')}</dt>
          <dd>
            {claim.evidenceUrls.length === 0 && claim.evidenceFiles.length === 0 && t('assignment.noEvidence')}
            <ul className="plain">
              {claim.evidenceUrls.map((u) => {
                const safe = safeHttpUrl(u);
                return (
                  <li key={u}>
                    {safe ? (
                      <a href={safe} target="_blank" rel="noopener noreferrer">
                        {u}
                        <span className="visually-hidden"> ({t('assignment.newWindow')})</span>
                      </a>
                    ) : (
                      <span>{u}</span>
                    )}
                  </li>
                );
              })}
              {claim.evidenceFiles.map((f) => (
                <li key={f.id}>
                  <button type="button" className="link-button" onClick={() => download(citizenApi.evidencePath(assignmentId, f.id), f.filename)}>
                    {f.filename}
                  </button>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {!claim.answered ? (
        <p className="muted">{t('assignment.notAnswered')}</p>
      ) : (
        <form onSubmit={save} noValidate className="form">
          <fieldset className="fieldset" disabled={!editable} aria-describedby={fieldErrors.verdict ? `${uid}-verdict-error` : undefined}>
            <legend>{t('assignment.verdict')}</legend>
            <div className="radio-group">
              {VERDICTS.map((v) => (
                <label key={v} className="radio">
                  <input type="radio" name={`${uid}-verdict`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
                  <span>
                    <strong>{t(`status.${v}`)}</strong>
                    <span className="muted"> — {t(`assignment.verdict.${v}`)}</span>
                  </span>
                </label>
              ))}
            </div>
            {fieldErrors.verdict && (
              <p className="field-error" id={`${uid}-verdict-error`}>
                {fieldErrors.verdict}
              </p>
            )}
          </fieldset>
          <Field label={t('assignment.evidenceUrl')} hint={t('assignment.evidenceUrlHint')} error={fieldErrors.evidenceUrl}>
            {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} disabled={!editable} />}
          </Field>
          <Field label={t('assignment.ownFile')} hint={t('evidence.fileHint')}>
            {(p) => <input {...p} ref={fileInput} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={!editable} />}
          </Field>
          {claim.verdict?.evidenceFileId && (
            <p>
              <button type="button" className="link-button" onClick={() => download(citizenApi.evidencePath(assignmentId, claim.verdict!.evidenceFileId!), 'evidencia')}>
                {t('assignment.ownFileAttached')}
              </button>
            </p>
          )}
          <Field label={t('assignment.comment')} error={fieldErrors.comment}>
            {(p) => <textarea {...p} rows={3} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} disabled={!editable} />}
          </Field>
          {progress !== null && <ProgressBar value={progress} label={t('evidence.uploading')} />}
          <ErrorAlert error={error} />
          {editable && (
            <div className="actions">
              <Button type="submit" busy={busy}>
                {t('assignment.saveVerdict')}
              </Button>
              {(savedAt ?? claim.verdict?.updatedAt) && (
                <span className="muted" role="status">
                  {t('respond.savedAt', { time: time(savedAt ?? claim.verdict!.updatedAt) })}
                </span>
              )}
            </div>
          )}
        </form>
      )}
    </article>
  );
}

interface ReportFormProps {
  assignment: Assignment;
  editable: boolean;
  onSaved(report: NonNullable<Assignment['report']>, status: Assignment['status']): void;
}

function CitizenReportForm({ assignment, editable, onSaved }: ReportFormProps) {
  const { t, lang, pick, time } = useT();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<SubmissionIssue[]>([]);
  const [result, setResult] = useState<{ at: string; cleared: string[] } | null>(null);
  const issuesRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);

  const model = useMemo(
    () => createSurvey({ definition: assignment.citizenQuestionnaire.definition, lang, data: assignment.report?.data ?? null, readOnly: !editable }),
    // One model per assignment; language changes are applied to the live model below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [assignment.id, assignment.citizenQuestionnaire.definition, editable],
  );
  useEffect(() => {
    model.locale = lang;
    model.completeText = t('assignment.saveReport');
  }, [model, lang, t]);

  const save = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    setError(null);
    setIssues([]);
    setResult(null);
    try {
      const r = await citizenApi.saveReport(assignment.id, model.data as Record<string, unknown>);
      setResult({ at: r.report.updatedAt, cleared: r.cleared.map((n) => model.getQuestionByName(n)?.title || n) });
      onSaved(r.report, r.assignmentStatus);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SUBMISSION_INVALID') {
        const found = parseIssues(err.details);
        applyIssues(model, found, (i) => pick(i.message) || t('survey.invalidAnswer'));
        setIssues(found);
        requestAnimationFrame(() => issuesRef.current?.focus());
      } else {
        setError(err);
      }
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [assignment.id, model, onSaved, pick, t]);

  useEffect(() => {
    const handler = (_: SurveyModel, options: CompletingEvent) => {
      options.allow = false;
      void save();
    };
    model.onCompleting.add(handler);
    return () => model.onCompleting.remove(handler);
  }, [model, save]);

  return (
    <>
      <IssueSummary model={model} issues={issues} ref={issuesRef} />
      <ErrorAlert error={error} />
      {saving && <Spinner label={t('assignment.savingReport')} />}
      {result && (
        <Alert kind="success" title={t('assignment.reportSaved', { time: time(result.at) })}>
          {result.cleared.length > 0 && (
            <>
              <p>{t('respond.clearedIntro')}</p>
              <ul>
                {result.cleared.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
      {!result && assignment.report && <p className="muted">{t('assignment.reportLastSaved', { time: time(assignment.report.updatedAt) })}</p>}
      <div className="survey-frame">
        <Survey model={model} />
      </div>
    </>
  );
}
