import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompletingEvent, Model, SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { ApiError } from '../shared/api';
import { Alert, Button, ErrorAlert, Spinner, StatusBadge } from '../shared/components';
import { PendingKey } from '../shared/idempotency';
import { useT } from '../shared/i18n';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { createSurvey } from '../shared/survey';
import { useAsync } from '../shared/useAsync';
import {
  folioOf,
  respondApi,
  sameAnswers,
  type DraftSaved,
  type EvidenceFile,
  type RespondContext,
  type Submitted,
} from './api';
import { Link } from '../shared/router';
import { PageCounter } from './PageCounter';
import './respond-form.css';
import { PreviousRoundOffer } from './PreviousRoundOffer';
import { messageUnderQuestion, UnsavedAnswers, type UnsavedAnswer } from './unsaved-answers';
import { applyIssues, goToQuestion, IssueSummary, parseIssues, type SubmissionIssue } from '../shared/SurveyIssues';
import { EvidencePanel, type EvidenceQuestion } from './EvidencePanel';
import { ReplySection } from './ReplySection';
import { useAutosave, type Autosave } from './useAutosave';

type View = { kind: 'form' } | { kind: 'submitted' } | { kind: 'confirmation'; result: Submitted; cleared: string[] };

// Module-level: React's development double effects must not record two "opened" events.
const openedTokens = new Set<string>();

export default function RespondPage({ token }: { token: string }) {
  const { t } = useT();
  const ctx = useAsync((signal) => respondApi.context(token, signal), [token]);
  usePageTitle(ctx.data?.institution.name ?? t('respond.title'));

  useEffect(() => {
    const c = ctx.data;
    if (!c || c.readOnly || openedTokens.has(token)) return;
    openedTokens.add(token);
    respondApi.open(token).catch((err: unknown) => {
      // Only a statistic for the guarantor: the form works without it.
      console.warn('Could not record that the invitation was opened', err);
    });
  }, [ctx.data, token]);

  if (ctx.loading && !ctx.data) return <Spinner label={t('respond.loading')} />;
  if (ctx.error || !ctx.data) {
    const invalid = ctx.error instanceof ApiError && ctx.error.code === 'INVALID_TOKEN';
    return (
      <>
        <h1>{invalid ? t('respond.invalidTitle') : t('respond.title')}</h1>
        {invalid ? (
          <Alert kind="error" title={t('respond.invalidTitle')}>
            <p>{t('respond.invalidBody')}</p>
          </Alert>
        ) : (
          <>
            <ErrorAlert error={ctx.error} />
            <Button onClick={ctx.reload}>{t('common.retry')}</Button>
          </>
        )}
      </>
    );
  }
  return <Respondent token={token} context={ctx.data} onContext={ctx.setData} reload={ctx.reload} />;
}

/** The context once `data` was submitted as `result`: the submitted answers are also the draft. */
function withSubmission(context: RespondContext, result: Submitted, data: Record<string, unknown>): RespondContext {
  return {
    ...context,
    response: {
      ...context.response,
      status: 'submitted',
      submitted: data,
      draft: data,
      version: result.version,
      submittedAt: result.submittedAt,
    },
  };
}

interface RespondentProps {
  token: string;
  context: RespondContext;
  onContext(c: RespondContext): void;
  reload(): void;
}

function Respondent({ token, context, onContext, reload }: RespondentProps) {
  const { t, lang } = useT();
  const { round, response, readOnly } = context;
  const [view, setView] = useState<View>(response.status === 'submitted' ? { kind: 'submitted' } : { kind: 'form' });
  const [evidence, setEvidence] = useState<EvidenceFile[]>(context.evidence);
  // readOnly also covers a round that has not opened yet: that is not "closed".
  const notOpenYet = round.status === 'draft' || Date.now() < Date.parse(round.opensAt);
  const pendingAmendment =
    response.status === 'submitted' && response.draft !== null && !sameAnswers(response.draft, response.submitted);

  const onSubmitted = (result: Submitted, data: Record<string, unknown>, cleared: string[]) => {
    onContext(withSubmission(context, result, data));
    setView({ kind: 'confirmation', result, cleared });
  };

  let body;
  if (readOnly) {
    body = <ClosedView context={context} notOpenYet={notOpenYet} />;
  } else if (view.kind === 'confirmation') {
    body = (
      <Confirmation
        token={token}
        result={view.result}
        cleared={view.cleared}
        onAmend={() => setView({ kind: 'form' })}
        onView={() => setView({ kind: 'submitted' })}
      />
    );
  } else if (view.kind === 'submitted') {
    body = (
      <SubmittedView
        token={token}
        context={context}
        pendingAmendment={pendingAmendment}
        onAmend={() => setView({ kind: 'form' })}
      />
    );
  } else {
    body = (
      <FormView
        token={token}
        context={context}
        evidence={evidence}
        onEvidence={setEvidence}
        onSubmitted={onSubmitted}
        onRoundClosed={reload}
        cancelAmend={response.status === 'submitted' ? () => setView({ kind: 'submitted' }) : undefined}
      />
    );
  }

  return (
    <div className="respond">
      {round.synthetic && <SyntheticBanner />}
      <RespondHeader context={context} notOpenYet={notOpenYet} />
      {round.status === 'published' && (
        <p className="alert alert-info">
          <Link to={`/responder/${token}/compromisos`}>{t('commit.linkRespond')}</Link>
        </p>
      )}
      {body}
      {view.kind !== 'form' || readOnly ? (
        <EvidencePanel
          token={token}
          files={evidence}
          onChange={setEvidence}
          questions={evidenceQuestionsFrom(context.questionnaire.definition, lang)}
          readOnly={readOnly}
        />
      ) : null}
      {round.status !== 'draft' && (
        <ReplySection
          token={token}
          acceptsFiles={!readOnly}
          claimTitle={(name) =>
            evidenceQuestionsFrom(context.questionnaire.definition, lang).find((q) => q.name === name)?.title ?? name
          }
          onEvidenceUploaded={(f) => setEvidence((files) => [...files, f])}
        />
      )}
    </div>
  );
}

/** The round cannot take answers (not open yet, or closed): what was sent, read-only. */
function ClosedView({ context, notOpenYet }: { context: RespondContext; notOpenYet: boolean }) {
  const { t, dateTime } = useT();
  const { round, response } = context;
  return (
    <>
      {notOpenYet ? (
        <Alert kind="info" title={t('respond.notOpenTitle')}>
          <p>{t('respond.notOpenBody', { date: dateTime(round.opensAt) })}</p>
        </Alert>
      ) : (
        <Alert kind="warning" title={t('respond.closedTitle')}>
          <p>{t('respond.closedBody')}</p>
        </Alert>
      )}
      <ReadOnlySurvey definition={context.questionnaire.definition} data={response.submitted ?? response.draft} />
    </>
  );
}

interface SubmittedViewProps {
  token: string;
  context: RespondContext;
  /** A draft that differs from the submitted answers is waiting to be sent. */
  pendingAmendment: boolean;
  onAmend(): void;
}

function SubmittedView({ token, context, pendingAmendment, onAmend }: SubmittedViewProps) {
  const { t, dateTime } = useT();
  const { response } = context;
  return (
    <>
      <Alert kind="success" title={t('respond.submittedTitle')}>
        <p>{t('respond.submittedBody', { version: response.version, date: dateTime(response.submittedAt) })}</p>
        {pendingAmendment && <p>{t('respond.pendingAmendment')}</p>}
      </Alert>
      <div className="actions">
        <Button onClick={onAmend}>{pendingAmendment ? t('respond.continueAmend') : t('respond.amend')}</Button>
        <Link to={`/responder/${token}/copia`}>{t('respond.printCopy')}</Link>
      </div>
      <ReadOnlySurvey definition={context.questionnaire.definition} data={response.submitted} />
    </>
  );
}

function RespondHeader({ context, notOpenYet }: { context: RespondContext; notOpenYet: boolean }) {
  const { t, dateTime } = useT();
  const { round, institution } = context;
  const place = [institution.municipality, institution.state].filter(Boolean).join(', ');
  return (
    <header className="page-header">
      <p className="eyebrow">
        {round.name} <StatusBadge status={round.status} />
      </p>
      <h1>{institution.name}</h1>
      <p className="muted">
        {place}
        {round.status === 'open' && !notOpenYet && <> · {t('respond.closesAt', { date: dateTime(round.closesAt) })}</>}
      </p>
    </header>
  );
}

/** Survey in display mode with every page at once, for reviewing answers. */
function ReadOnlySurvey({
  definition,
  data,
}: {
  definition: Record<string, unknown>;
  data: Record<string, unknown> | null;
}) {
  const { lang } = useT();
  const model = useMemo(() => {
    const m = createSurvey({ definition, lang, readOnly: true, data });
    m.questionsOnPageMode = 'singlePage';
    return m;
    // The model is built once per data; language changes are applied below without rebuilding (a new
    // model would re-render every question and lose the reader's place on the page).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lang is applied to the live model below
  }, [definition, data]);
  useEffect(() => {
    model.locale = lang;
  }, [model, lang]);
  return (
    <div className="survey-frame">
      <Survey model={model} />
    </div>
  );
}

/**
 * Questions a file can document: the verifiable claims (citizen validators see files attached to
 * them next to the claim); a questionnaire without claims offers every answerable question.
 */
function evidenceQuestions(model: Model): EvidenceQuestion[] {
  const all = model.getAllQuestions(false).filter((q) => !['html', 'expression', 'image'].includes(q.getType()));
  const claims = all.filter((q) => q.getPropertyValue('verifiable') === true);
  return (claims.length ? claims : all).map((q) => ({ name: q.name, title: q.title || q.name }));
}

const questionCache = new WeakMap<object, Record<string, EvidenceQuestion[]>>();
function evidenceQuestionsFrom(definition: Record<string, unknown>, lang: string): EvidenceQuestion[] {
  const cached = questionCache.get(definition) ?? {};
  if (!cached[lang]) {
    const m = createSurvey({ definition, lang: lang === 'en' ? 'en' : 'es' });
    cached[lang] = evidenceQuestions(m);
    questionCache.set(definition, cached);
  }
  return cached[lang];
}

interface FormViewProps {
  token: string;
  context: RespondContext;
  evidence: EvidenceFile[];
  onEvidence(files: EvidenceFile[]): void;
  onSubmitted(result: Submitted, data: Record<string, unknown>, cleared: string[]): void;
  onRoundClosed(): void;
  cancelAmend?: () => void;
}

function FormView({ token, context, evidence, onEvidence, onSubmitted, onRoundClosed, cancelAmend }: FormViewProps) {
  const { t, lang, time } = useT();
  const { round, institution, response, questionnaire } = context;
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const submittingRef = useRef(false);
  const unsavedStore = useMemo(
    () => new UnsavedAnswers(`apertura.unsaved.${round.id}.${institution.id}`),
    [round.id, institution.id],
  );
  const [unsaved, setUnsaved] = useState<Record<string, UnsavedAnswer>>(() => unsavedStore.load());

  const model = useFormModel(context, unsavedStore);
  const { issues, setIssues, issuesRef, showIssues } = useSubmissionIssues(model);
  // From the definition in the chosen language, not from the live model: its locale is switched in an
  // effect (useFormModel), after render, so titles read from it here would be one language change behind.
  const questions = evidenceQuestionsFrom(questionnaire.definition, lang);

  useMessagesUnderQuestions(model, unsaved);

  const onSaved = useCallback(
    (res: DraftSaved, sent: Record<string, unknown>) => {
      for (const [name, url] of Object.entries(res.normalized ?? {})) {
        // Only if the person has not typed something else since.
        if (model.getValue(name) === sent[name]) model.setValue(name, url);
      }
      setUnsaved(unsavedStore.update(res.issues ?? [], sent));
    },
    [model, unsavedStore],
  );

  const autosave = useAutosave(token, model, true, onRoundClosed, null, onSaved);
  const keyStore = useMemo(
    () => new PendingKey(`apertura.submit.${round.id}.${institution.id}`),
    [round.id, institution.id],
  );

  const submit = useCallback(async () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    setIssues([]);
    const data = { ...(model.data as Record<string, unknown>) };
    try {
      // Let a running draft save finish first so it cannot land after the submission.
      await autosave.flush();
      const result = await submitWithKey(token, data, keyStore);
      keyStore.clear();
      autosave.stop();
      unsavedStore.clear();
      const cleared = (result.cleared ?? []).map((name) => model.getQuestionByName(name)?.title || name);
      onSubmitted(result, data, cleared);
    } catch (err) {
      // A definite refusal stored nothing: the next try is a new request. Network and 5xx errors keep
      // the key, so a retry of a submission that did arrive is answered with the same version.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keyStore.clear();
      if (err instanceof ApiError && err.code === 'SUBMISSION_INVALID') showIssues(parseIssues(err.details));
      else setSubmitError(err);
      if (err instanceof ApiError && (err.code === 'ROUND_CLOSED' || err.code === 'ROUND_NOT_OPEN')) onRoundClosed();
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }, [autosave, keyStore, model, onRoundClosed, onSubmitted, setIssues, showIssues, token, unsavedStore]);

  useSubmitOnComplete(model, submit);

  return (
    <>
      <SaveStatus autosave={autosave} time={time} pendingIssues={Object.keys(unsaved).length} />
      {response.status !== 'submitted' && (
        <PreviousRoundOffer token={token} model={model} onApplied={() => void autosave.flush(true)} />
      )}
      {response.status === 'submitted' && <AmendingNotice version={response.version} cancelAmend={cancelAmend} />}
      <IssueSummary model={model} issues={issues} ref={issuesRef} />
      <UnsavedSummary model={model} unsaved={unsaved} />
      <ErrorAlert error={submitError} title={t('respond.submitFailed')} />
      {submitting && <Spinner label={t('respond.submitting')} />}
      <PageCounter model={model} />
      <div className="survey-frame">
        <Survey model={model} />
      </div>
      <div className="actions">
        <Button variant="secondary" onClick={() => void autosave.flush(true)} busy={autosave.status === 'saving'}>
          {t('respond.saveNow')}
        </Button>
      </div>
      <EvidencePanel token={token} files={evidence} onChange={onEvidence} questions={questions} readOnly={false} />
    </>
  );
}

/** The form's survey model: built once per questionnaire, its language and button text kept current. */
function useFormModel({ questionnaire, response }: RespondContext, unsavedStore: UnsavedAnswers): Model {
  const { t, lang } = useT();
  const model = useMemo(
    () => {
      // What the server could not store yet comes back from this device, over the saved draft.
      const restored = Object.fromEntries(Object.entries(unsavedStore.load()).map(([k, u]) => [k, u.value]));
      return createSurvey({
        definition: questionnaire.definition,
        lang,
        data: { ...(response.draft ?? response.submitted ?? {}), ...restored },
        currentPage: response.currentPage,
      });
    },
    // Built once per questionnaire; language changes are applied to the live model below. Rebuilding
    // for `lang`, the stored draft or the unsaved answers would discard what is being typed: those
    // are the model's starting data only.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lang, response and unsavedStore are read once on purpose
    [questionnaire.definition],
  );
  useEffect(() => {
    model.locale = lang;
    model.completeText = t('respond.submit');
  }, [model, lang, t]);
  return model;
}

/**
 * Server messages under their questions (without the «title»: prefix the summary needs). The ones
 * shown before are removed first: a fixed answer or a language change must not leave a stale one.
 */
function useMessagesUnderQuestions(model: Model, unsaved: Record<string, UnsavedAnswer>): void {
  const { pick } = useT();
  const shownErrors = useRef(new Map<string, string>());
  useEffect(() => {
    for (const [name, text] of shownErrors.current) {
      const q = model.getQuestionByName(name);
      if (q) q.errors = q.errors.filter((e) => e.text !== text);
    }
    shownErrors.current.clear();
    for (const [name, u] of Object.entries(unsaved)) {
      const q = model.getQuestionByName(name);
      if (!q) continue;
      const text = messageUnderQuestion(pick(u.message), pick(u.title));
      if (!q.errors.some((e) => e.text === text)) q.addError(text);
      shownErrors.current.set(name, text);
    }
  }, [model, unsaved, pick]);
}

/** Problems the server found in a submission: shown under their questions and in a summary that takes focus. */
function useSubmissionIssues(model: Model) {
  const { t, pick } = useT();
  const [issues, setIssues] = useState<SubmissionIssue[]>([]);
  const issuesRef = useRef<HTMLDivElement>(null);
  const showIssues = useCallback(
    (found: SubmissionIssue[]) => {
      applyIssues(model, found, (issue) => pick(issue.message) || t('survey.invalidAnswer'));
      setIssues(found);
      requestAnimationFrame(() => issuesRef.current?.focus());
    },
    [model, pick, t],
  );
  return { issues, setIssues, issuesRef, showIssues };
}

/** The survey's own "Complete" button submits to the server instead of completing the survey. */
function useSubmitOnComplete(model: Model, submit: () => Promise<void>): void {
  useEffect(() => {
    const onCompleting = (_: SurveyModel, options: CompletingEvent) => {
      // survey-core has validated the page; the server decides, and our confirmation replaces its own.
      options.allow = false;
      void submit();
    };
    model.onCompleting.add(onCompleting);
    return () => model.onCompleting.remove(onCompleting);
  }, [model, submit]);
}

/** Submits with the pending idempotency key; once more with a new key if that one was spent on other answers. */
async function submitWithKey(token: string, data: Record<string, unknown>, keyStore: PendingKey): Promise<Submitted> {
  try {
    return await respondApi.submit(token, data, keyStore.get());
  } catch (err) {
    // The key was used for other answers (an earlier try went through unseen): this is a new submission.
    if (!(err instanceof ApiError && err.code === 'IDEMPOTENCY_MISMATCH')) throw err;
    keyStore.clear();
    return await respondApi.submit(token, data, keyStore.get());
  }
}

function AmendingNotice({ version, cancelAmend }: { version: number; cancelAmend?: () => void }) {
  const { t } = useT();
  return (
    <Alert kind="info">
      <p>{t('respond.amending', { version })}</p>
      {cancelAmend && (
        <Button variant="secondary" small onClick={cancelAmend}>
          {t('respond.cancelAmend')}
        </Button>
      )}
    </Alert>
  );
}

/** Answers the autosave left out, by question title (the internal name only as a small detail). */
function UnsavedSummary({ model, unsaved }: { model: Model; unsaved: Record<string, UnsavedAnswer> }) {
  const { t, pick } = useT();
  const entries = Object.entries(unsaved);
  if (!entries.length) return null;
  return (
    <Alert kind="warning" title={t('respond.notSavedTitle')}>
      <p>{t('respond.notSavedBody')}</p>
      <ul className="issue-list" data-testid="unsaved-list">
        {entries.map(([name, u]) => {
          const title = pick(u.title);
          const message = messageUnderQuestion(pick(u.message), title);
          return (
            <li key={name}>
              <button type="button" className="link-button" onClick={() => goToQuestion(model, name, message)}>
                {title}
              </button>
              : {message} <span className="muted">({t('respond.notSavedDetail', { name })})</span>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}

function SaveStatus({
  autosave,
  time,
  pendingIssues = 0,
}: {
  autosave: Autosave;
  time: (v: string) => string;
  pendingIssues?: number;
}) {
  const i18n = useT();
  const { t } = i18n;
  let text: string;
  switch (autosave.status) {
    case 'saving':
      text = t('respond.saving');
      break;
    case 'pending':
      text = t('respond.unsaved');
      break;
    case 'error':
      text = t('respond.saveFailed');
      break;
    case 'saved':
      text =
        autosave.savedAt && pendingIssues > 0
          ? t('respond.savedWithIssues', { time: time(autosave.savedAt), count: pendingIssues })
          : autosave.savedAt
            ? t('respond.savedAt', { time: time(autosave.savedAt) })
            : t('respond.saved');
      break;
    default:
      text = t('respond.autosaveHint');
  }
  return (
    <div className={`save-status save-${autosave.status}`}>
      <span aria-live="polite" aria-atomic="true">
        {text}
      </span>
      {autosave.status === 'error' && (
        <>
          {autosave.error instanceof ApiError && <span className="muted"> {i18n.pick(autosave.error.messages)}</span>}
          <Button variant="secondary" small onClick={() => void autosave.flush(true)}>
            {t('common.retry')}
          </Button>
        </>
      )}
    </div>
  );
}

function Confirmation({
  token,
  result,
  cleared,
  onAmend,
  onView,
}: {
  token: string;
  result: Submitted;
  cleared: string[];
  onAmend(): void;
  onView(): void;
}) {
  const { t, dateTime } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" tabIndex={-1} ref={heading}>
        {t('respond.confirmationTitle')}
      </h2>
      <p>{t('respond.confirmationBody', { version: result.version, date: dateTime(result.submittedAt) })}</p>
      <p>
        {t('respond.folio')}: <strong data-testid="folio">{folioOf(result.responseId, result.version)}</strong>
      </p>
      <p>{t('respond.receiptMailed')}</p>
      <p className="muted">
        {t('respond.receipt')}: <code>{result.responseId}</code>
      </p>
      {cleared.length > 0 ? (
        <>
          <p>{t('respond.clearedIntro')}</p>
          <ul>
            {cleared.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('respond.noneCleared')}</p>
      )}
      <div className="actions">
        <Button variant="secondary" onClick={onView}>
          {t('respond.viewSubmitted')}
        </Button>
        <Button variant="secondary" onClick={onAmend}>
          {t('respond.amend')}
        </Button>
        <Link to={`/responder/${token}/copia?version=${result.version}`}>{t('respond.printCopy')}</Link>
      </div>
    </section>
  );
}
