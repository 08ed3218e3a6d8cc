import { VerdictChoice } from './VerdictChoice';
import { MilestoneVerification } from '../commitments/MilestoneVerification';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CompletingEvent, SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { AssignmentProgress } from './AssignmentProgress';
import { ApiError, downloadFile } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, ProgressBar, Spinner, StatusBadge } from '../shared/components';
import { useT, type I18n } from '../shared/i18n';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { createSurvey } from '../shared/survey';
import { applyIssues, IssueSummary, parseIssues, type SubmissionIssue } from '../shared/SurveyIssues';
import { useAsync } from '../shared/useAsync';
import {
  citizenApi,
  VERDICTS,
  type Assignment,
  type Claim,
  type Verdict,
  type VerdictInput,
  type VerdictItemError,
  type VerdictValue,
} from './api';

export default function AssignmentPage({ id }: { id: string }) {
  const { t } = useT();
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

  function onVerdicts(saved: Verdict[], status: Assignment['status']) {
    const byName = new Map(saved.map((v) => [v.questionName, v]));
    const claims = a.claims.map((c) => ({ ...c, verdict: byName.get(c.questionName) ?? c.verdict }));
    const verdicts = claims.filter((c) => c.answered && c.verdict).length;
    res.setData({ ...a, claims, status, progress: { ...a.progress, verdicts } });
  }

  return (
    <div className="assignment">
      {a.synthetic && <SyntheticBanner />}
      <p>
        <Link to="/validador">← {t('assignment.back')}</Link>
      </p>
      <AssignmentSummary assignment={a} />

      {a.kind === 'claims' ? (
        <ClaimsForm assignment={a} editable={editable} onSaved={onVerdicts} />
      ) : (
        <section className="section" aria-labelledby="claims-title">
          <h2 id="claims-title">
            <span className="badge badge-info" data-kind={a.kind}>
              {t('vwork.kind.citizen_report_only')}
            </span>
          </h2>
          <p>{t('vwork.reportOnlyIntro')}</p>
        </section>
      )}

      <MilestoneVerification assignmentId={a.id} editable={editable} />

      <section className="section" aria-labelledby="report-title">
        <h2 id="report-title">{t('assignment.reportTitle')}</h2>
        <p className="muted">{t('assignment.reportIntro')}</p>
        <CitizenReportForm
          assignment={a}
          editable={editable}
          onSaved={(report, status) =>
            res.setData({ ...a, report, status, progress: { ...a.progress, reportSubmitted: true } })
          }
        />
      </section>
    </div>
  );
}

/** The institution, the round, whether the assignment still takes answers, and how far along it is. */
function AssignmentSummary({ assignment: a }: { assignment: Assignment }) {
  const { t, dateTime } = useT();
  return (
    <>
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
      <AssignmentProgress assignment={a} />
    </>
  );
}

/** Renders any JSON answer as text (booleans and lists the way people write them). */
export function formatAnswer(value: unknown, i18n: Pick<I18n, 't' | 'number'>): string {
  if (value === null || value === undefined || value === '') return i18n.t('assignment.noAnswer');
  if (typeof value === 'boolean') return value ? i18n.t('common.yes') : i18n.t('common.no');
  if (typeof value === 'number') return i18n.number(value);
  // Choice values are codes like `sin_actualizar`: shown as words until the API sends the choice text.
  if (typeof value === 'string')
    return /^[a-z0-9_]+$/.test(value) ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : value;
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

/** What the validator typed for one claim, before it is saved (kept in localStorage until saved). */
interface ClaimDraft {
  verdict: VerdictValue | '';
  evidenceUrl: string;
  comment: string;
}

type FieldErrors = { verdict?: string; evidenceUrl?: string; comment?: string; evidenceFileId?: string };

const draftOf = (c: Claim): ClaimDraft => ({
  verdict: c.verdict?.verdict ?? '',
  evidenceUrl: c.verdict?.evidenceUrl ?? '',
  comment: c.verdict?.comment ?? '',
});
const sameDraft = (x: ClaimDraft, y: ClaimDraft): boolean =>
  x.verdict === y.verdict && x.evidenceUrl.trim() === y.evidenceUrl.trim() && x.comment.trim() === y.comment.trim();
const storageKey = (assignmentId: string): string => `apertura.verdict-drafts.${assignmentId}`;

function loadDrafts(assignmentId: string): Record<string, ClaimDraft> {
  try {
    const raw = window.localStorage.getItem(storageKey(assignmentId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, ClaimDraft> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (!v || typeof v !== 'object') continue;
      const d = v as Record<string, unknown>;
      const verdict =
        typeof d.verdict === 'string' && (VERDICTS as readonly string[]).includes(d.verdict)
          ? (d.verdict as VerdictValue)
          : '';
      out[k] = {
        verdict,
        evidenceUrl: typeof d.evidenceUrl === 'string' ? d.evidenceUrl : '',
        comment: typeof d.comment === 'string' ? d.comment : '',
      };
    }
    return out;
  } catch {
    return {};
  }
}

function storeDrafts(assignmentId: string, drafts: Record<string, ClaimDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) window.localStorage.removeItem(storageKey(assignmentId));
    else window.localStorage.setItem(storageKey(assignmentId), JSON.stringify(drafts));
  } catch {
    // Private mode or a full quota: drafts then live only while the page is open.
  }
}

interface ClaimsFormProps {
  assignment: Assignment;
  editable: boolean;
  onSaved(v: Verdict[], status: Assignment['status']): void;
}

type Notice = { kind: 'success' | 'error' | 'info'; text: string };

/** The stored drafts that still differ from what the server has (one equal to it is no longer a change). */
function restoredDrafts(assignment: Assignment): Record<string, ClaimDraft> {
  const stored = loadDrafts(assignment.id);
  return Object.fromEntries(
    Object.entries(stored).filter(([k, d]) => {
      const c = assignment.claims.find((x) => x.questionName === k && x.answered);
      return c !== undefined && !sameDraft(d, draftOf(c));
    }),
  );
}

/** What can be told before asking the server: a verdict is chosen, and a link is https. */
function draftErrors(
  names: string[],
  answered: Claim[],
  drafts: Record<string, ClaimDraft>,
  t: I18n['t'],
): Record<string, FieldErrors> {
  const local: Record<string, FieldErrors> = {};
  for (const n of names) {
    const c = answered.find((x) => x.questionName === n);
    const d = drafts[n] ?? (c ? draftOf(c) : undefined);
    if (!d) continue;
    const errs: FieldErrors = {};
    if (!d.verdict) errs.verdict = t('assignment.chooseVerdict');
    if (d.evidenceUrl.trim() && !/^https:\/\/\S+$/i.test(d.evidenceUrl.trim()))
      errs.evidenceUrl = t('assignment.httpsOnly');
    if (Object.keys(errs).length > 0) local[n] = errs;
  }
  return local;
}

/** The server's problems per claim and field; one about an unknown field is shown on the verdict. */
function errorsByClaim(list: VerdictItemError[], pick: I18n['pick']): Record<string, FieldErrors> {
  const byClaim: Record<string, FieldErrors> = {};
  for (const it of list) {
    if (!it.questionName) continue;
    const field =
      it.field === 'verdict' || it.field === 'evidenceUrl' || it.field === 'comment' || it.field === 'evidenceFileId'
        ? it.field
        : 'verdict';
    byClaim[it.questionName] = { ...byClaim[it.questionName], [field]: pick(it.messages) };
  }
  return byClaim;
}

/** The verdicts typed on this device and not yet saved. */
function useClaimDrafts(assignment: Assignment) {
  const [drafts, setDrafts] = useState<Record<string, ClaimDraft>>(() => restoredDrafts(assignment));
  const [restored] = useState(() => Object.keys(drafts).length > 0);

  useEffect(() => storeDrafts(assignment.id, drafts), [assignment.id, drafts]);

  function change(c: Claim, next: ClaimDraft) {
    setDrafts((prev) => {
      const copy = { ...prev };
      if (sameDraft(next, draftOf(c))) delete copy[c.questionName];
      else copy[c.questionName] = next;
      return copy;
    });
  }

  return { drafts, restored, change, clear: () => setDrafts({}) };
}

/** What is sent for the changed claims, uploading each chosen file first (one after the other). */
async function verdictItems(
  names: string[],
  answered: Claim[],
  drafts: Record<string, ClaimDraft>,
  fileIdFor: (n: string, saved: string | undefined) => Promise<string | undefined>,
): Promise<VerdictInput[]> {
  const items: VerdictInput[] = [];
  for (const n of names) {
    const c = answered.find((x) => x.questionName === n);
    if (!c) continue;
    const d = drafts[n] ?? draftOf(c);
    const evidenceFileId = await fileIdFor(n, c.verdict?.evidenceFileId ?? undefined);
    items.push({
      questionName: n,
      verdict: d.verdict as VerdictValue,
      evidenceUrl: d.evidenceUrl.trim() || undefined,
      evidenceFileId,
      comment: d.comment.trim() || undefined,
    });
  }
  return items;
}

/** The evidence files chosen per claim, uploaded when the verdicts are saved. */
function useEvidenceFiles(assignmentId: string) {
  const [files, setFiles] = useState<Record<string, File | null>>({});
  // Files already uploaded for a save that then failed: a retry reuses them instead of uploading again.
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);

  /** Uploads the file chosen for claim `n`, if any, and says which file the verdict refers to. */
  async function fileIdFor(n: string, saved: string | undefined): Promise<string | undefined> {
    let evidenceFileId = uploaded[n] ?? saved;
    const file = files[n];
    if (file) {
      setProgress(0);
      const fileId = (await citizenApi.uploadEvidence(assignmentId, file, n, setProgress)).id;
      evidenceFileId = fileId;
      setProgress(null);
      setFiles((prev) => ({ ...prev, [n]: null }));
      setUploaded((prev) => ({ ...prev, [n]: fileId }));
    }
    return evidenceFileId;
  }

  function clear() {
    setFiles({});
    setUploaded({});
  }

  const choose = (n: string, f: File | null) => setFiles((prev) => ({ ...prev, [n]: f }));
  /** A file chosen for claim `n`, or uploaded for it by a save that failed: either is an unsaved change. */
  const pending = (n: string) => Boolean(files[n]) || uploaded[n] !== undefined;
  return { files, uploaded, progress, setProgress, fileIdFor, choose, clear, pending };
}

/**
 * Issue #16: every verdict of the assignment in one form with one "Save all" button. Unsaved changes
 * are marked per claim and counted, and kept in this device's storage until saved (or discarded), so
 * a dropped connection or a closed tab on a phone loses nothing. The server saves all or nothing and
 * names the offending claim and field of each problem.
 */
function ClaimsForm({ assignment, editable, onSaved }: ClaimsFormProps) {
  const { t, pick } = useT();
  const answered = assignment.claims.filter((c) => c.answered);
  const { drafts, restored, ...claimDrafts } = useClaimDrafts(assignment);
  const evidence = useEvidenceFiles(assignment.id);
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const dirtyNames = answered.map((c) => c.questionName).filter((n) => drafts[n] !== undefined || evidence.pending(n));

  function change(c: Claim, next: ClaimDraft) {
    setNotice(null);
    claimDrafts.change(c, next);
  }

  function discard() {
    claimDrafts.clear();
    evidence.clear();
    setErrors({});
    setNotice(null);
  }

  async function saveAll(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    if (dirtyNames.length === 0) {
      setNotice({ kind: 'info', text: t('vwork.nothingToSave') });
      return;
    }
    const local = draftErrors(dirtyNames, answered, drafts, t);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setNotice({ kind: 'error', text: t('vwork.fixErrors') });
      return;
    }
    setBusy(true);
    try {
      const items = await verdictItems(dirtyNames, answered, drafts, evidence.fileIdFor);
      const r = await citizenApi.saveVerdicts(assignment.id, items);
      discard();
      setNotice({ kind: 'success', text: t('vwork.savedAll', { count: r.verdicts.length }) });
      onSaved(r.verdicts, r.assignmentStatus);
    } catch (err) {
      const list = err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? batchErrors(err.details) : [];
      if (list.length > 0) {
        setErrors(errorsByClaim(list, pick));
        setNotice({ kind: 'error', text: t('vwork.fixErrors') });
      } else setError(err);
    } finally {
      evidence.setProgress(null);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void saveAll(e)} noValidate className="section" aria-labelledby="claims-title">
      <h2 id="claims-title">{t('assignment.claimsTitle')}</h2>
      <p className="muted">{t('assignment.claimsIntro')}</p>
      {restored && dirtyNames.length > 0 && <Alert kind="info">{t('vwork.draftRestored')}</Alert>}
      <ClaimCards
        assignment={assignment}
        answered={answered}
        editable={editable}
        drafts={drafts}
        errors={errors}
        hasFile={evidence.pending}
        onChange={change}
        onFile={evidence.choose}
      />
      {editable && answered.length > 0 && (
        <SaveBar
          progress={evidence.progress}
          error={error}
          notice={notice}
          unsaved={dirtyNames.length}
          busy={busy}
          onDiscard={discard}
        />
      )}
    </form>
  );
}

interface ClaimCardsProps {
  assignment: Assignment;
  answered: Claim[];
  editable: boolean;
  drafts: Record<string, ClaimDraft>;
  errors: Record<string, FieldErrors>;
  hasFile(questionName: string): boolean;
  onChange(c: Claim, d: ClaimDraft): void;
  onFile(questionName: string, f: File | null): void;
}

function ClaimCards({ assignment, answered, editable, drafts, errors, hasFile, onChange, onFile }: ClaimCardsProps) {
  return (
    <>
      {/* Claims that need a verdict first; those the institution left unanswered after them. */}
      {[...answered, ...assignment.claims.filter((c) => !c.answered)].map((c) => (
        <ClaimCard
          key={c.questionName}
          assignmentId={assignment.id}
          claim={c}
          editable={editable}
          draft={drafts[c.questionName] ?? draftOf(c)}
          dirty={drafts[c.questionName] !== undefined || hasFile(c.questionName)}
          errors={errors[c.questionName] ?? {}}
          onChange={(d) => onChange(c, d)}
          onFile={(f) => onFile(c.questionName, f)}
        />
      ))}
    </>
  );
}

interface SaveBarProps {
  progress: number | null;
  error: unknown;
  notice: Notice | null;
  unsaved: number;
  busy: boolean;
  onDiscard(): void;
}

function SaveBar({ progress, error, notice, unsaved, busy, onDiscard }: SaveBarProps) {
  const { t } = useT();
  return (
    <div className="save-bar" role="region" aria-label={t('vwork.saveAll')}>
      {progress !== null && <ProgressBar value={progress} label={t('evidence.uploading')} />}
      <ErrorAlert error={error} />
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <p role="status" className={unsaved > 0 ? 'unsaved' : 'muted'}>
        {unsaved > 0 ? t('vwork.unsaved', { count: unsaved }) : t('vwork.allSaved')}
      </p>
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('vwork.saveAll')}
        </Button>
        {unsaved > 0 && (
          <Button type="button" variant="secondary" onClick={onDiscard} disabled={busy}>
            {t('vwork.discardDraft')}
          </Button>
        )}
      </div>
    </div>
  );
}

function batchErrors(details: unknown): VerdictItemError[] {
  if (!details || typeof details !== 'object') return [];
  const list = (details as { errors?: unknown }).errors;
  return Array.isArray(list)
    ? (list.filter((x) => x && typeof x === 'object' && 'messages' in x) as VerdictItemError[])
    : [];
}

interface ClaimCardProps {
  assignmentId: string;
  claim: Claim;
  editable: boolean;
  draft: ClaimDraft;
  dirty: boolean;
  errors: FieldErrors;
  onChange(d: ClaimDraft): void;
  onFile(f: File | null): void;
}

function ClaimCard({ assignmentId, claim, editable, draft, dirty, errors, onChange, onFile }: ClaimCardProps) {
  const { t, pick } = useT();
  const uid = useId();
  const [error, setError] = useState<unknown>(null);
  const title = pick(claim.title);

  async function download(path: string, name: string) {
    setError(null);
    try {
      await downloadFile(path, name);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <article className={`card claim${dirty ? ' claim-dirty' : ''}`} aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{title}</h3>
      {dirty && <p className="unsaved">{t('vwork.unsavedClaim')}</p>}
      <ClaimFacts assignmentId={assignmentId} claim={claim} onDownload={(path, name) => void download(path, name)} />
      {!claim.answered ? (
        <p className="muted">{t('assignment.notAnswered')}</p>
      ) : (
        <VerdictFields
          uid={uid}
          assignmentId={assignmentId}
          claim={claim}
          editable={editable}
          draft={draft}
          dirty={dirty}
          errors={errors}
          error={error}
          onChange={onChange}
          onFile={onFile}
          onDownload={(path, name) => void download(path, name)}
        />
      )}
    </article>
  );
}

interface ClaimFactsProps {
  assignmentId: string;
  claim: Claim;
  onDownload(path: string, name: string): void;
}

/** What the institution answered, and the evidence it gave. */
function ClaimFacts({ assignmentId, claim, onDownload }: ClaimFactsProps) {
  const i18n = useT();
  const { t } = i18n;
  return (
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
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onDownload(citizenApi.evidencePath(assignmentId, f.id), f.filename)}
                >
                  {f.filename}
                </button>
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </dl>
  );
}

interface VerdictFieldsProps extends ClaimCardProps, Omit<ClaimFactsProps, 'claim'> {
  uid: string;
  /** A failed download. */
  error: unknown;
}

/** The validator's verdict on an answered claim, with their own evidence and comment. */
function VerdictFields(props: VerdictFieldsProps) {
  const { uid, assignmentId, claim, editable, draft, dirty, errors, error, onChange, onFile, onDownload } = props;
  const { t, time } = useT();
  return (
    <div className="form">
      <VerdictChoice
        uid={uid}
        value={draft.verdict}
        onChange={(v) => onChange({ ...draft, verdict: v })}
        disabled={!editable}
        error={errors.verdict}
      />
      <Field label={t('assignment.evidenceUrl')} hint={t('assignment.evidenceUrlHint')} error={errors.evidenceUrl}>
        {(p) => (
          <input
            {...p}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={draft.evidenceUrl}
            onChange={(e) => onChange({ ...draft, evidenceUrl: e.target.value })}
            disabled={!editable}
          />
        )}
      </Field>
      <OwnEvidenceFile
        assignmentId={assignmentId}
        claim={claim}
        editable={editable}
        error={errors.evidenceFileId}
        onFile={onFile}
        onDownload={onDownload}
      />
      <Field label={t('assignment.comment')} error={errors.comment}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            maxLength={4000}
            value={draft.comment}
            onChange={(e) => onChange({ ...draft, comment: e.target.value })}
            disabled={!editable}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      {claim.verdict?.updatedAt && !dirty && (
        <p className="muted">{t('respond.savedAt', { time: time(claim.verdict.updatedAt) })}</p>
      )}
    </div>
  );
}

interface OwnEvidenceFileProps extends ClaimFactsProps {
  editable: boolean;
  error?: string;
  onFile(f: File | null): void;
}

/** The file the validator attaches to a verdict, and the one already saved with it. */
function OwnEvidenceFile({ assignmentId, claim, editable, error, onFile, onDownload }: OwnEvidenceFileProps) {
  const { t } = useT();
  return (
    <>
      <Field label={t('assignment.ownFile')} hint={t('evidence.fileHint')} error={error}>
        {(p) => (
          // Remounted after each save (new updatedAt), so a saved file no longer shows as chosen.
          <input
            {...p}
            key={claim.verdict?.updatedAt ?? 'none'}
            type="file"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
            disabled={!editable}
          />
        )}
      </Field>
      {claim.verdict?.evidenceFileId && (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() =>
              onDownload(citizenApi.evidencePath(assignmentId, claim.verdict!.evidenceFileId!), 'evidencia')
            }
          >
            {t('assignment.ownFileAttached')}
          </button>
        </p>
      )}
    </>
  );
}

/** When the report was saved, and the titles of the answers the server cleared. */
interface SavedReport {
  at: string;
  cleared: string[];
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
  const [result, setResult] = useState<SavedReport | null>(null);
  const issuesRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);

  const model = useMemo(
    () =>
      createSurvey({
        definition: assignment.citizenQuestionnaire.definition,
        lang,
        data: assignment.report?.data ?? null,
        readOnly: !editable,
      }),
    // One model per assignment; language changes are applied to the live model below. Rebuilding it for
    // `lang`, or for the report the server returns after a save, would throw away what the validator is
    // typing: both are starting values only.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lang and report data are read once on purpose
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
      {result && <ReportSaved result={result} />}
      {!result && assignment.report && (
        <p className="muted">{t('assignment.reportLastSaved', { time: time(assignment.report.updatedAt) })}</p>
      )}
      <div className="survey-frame">
        <Survey model={model} />
      </div>
    </>
  );
}

function ReportSaved({ result }: { result: SavedReport }) {
  const { t, time } = useT();
  return (
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
  );
}
