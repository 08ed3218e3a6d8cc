import { useId, useRef, useState, type FormEvent } from 'react';
import { downloadFile } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, ProgressBar, Spinner } from '../shared/components';
import { useT, type I18n } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { respondApi, type EvidenceFile } from './api';
import { isEvidenceUrl, replyApi, type Refutation, type RefutationStanding } from './reply-api';
import './reply.css';

const TONE: Record<RefutationStanding, string> = {
  pending: 'warning',
  disputed: 'info',
  counted: 'danger',
  overturned: 'success',
};
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv';

export interface ReplySectionProps {
  token: string;
  /** Question title of a claim (falls back to its name). */
  claimTitle(name: string): string;
  /** The round still takes evidence files (they are stored with the response's evidence). */
  acceptsFiles: boolean;
  onEvidenceUploaded(file: EvidenceFile): void;
}

/**
 * «Réplica» (METHOD.md §3.1, issue #13): the refuted claims of this institution with the validator's
 * evidence — never who the validator is — their standing and deadline, and a dispute form for each.
 */
export function ReplySection({ token, claimTitle, acceptsFiles, onEvidenceUploaded }: ReplySectionProps) {
  const { t } = useT();
  const headingId = useId();
  const list = useAsync((signal) => replyApi.list(token, signal), [token]);
  const data = list.data;

  const replace = (item: Refutation) => {
    if (data) list.setData({ ...data, items: data.items.map((i) => (i.verdictId === item.verdictId ? item : i)) });
  };

  return (
    <section className="card reply-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reply.title')}</h2>
      {list.loading && !data && <Spinner />}
      <ErrorAlert error={list.error} />
      {data && (
        <>
          <p className="muted">{t('reply.intro', { days: data.replyWindowDays })}</p>
          {data.items.length === 0 ? (
            <p>{t('reply.none')}</p>
          ) : (
            <ul className="reply-list">
              {data.items.map((item) => (
                <li key={item.verdictId}>
                  <RefutationCard
                    token={token}
                    item={item}
                    title={
                      item.milestoneTitle
                        ? t('commit.verifyCommitment', { title: item.milestoneTitle })
                        : claimTitle(item.questionName)
                    }
                    acceptsFiles={acceptsFiles}
                    onChange={replace}
                    onEvidenceUploaded={onEvidenceUploaded}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

interface CardProps {
  token: string;
  item: Refutation;
  title: string;
  acceptsFiles: boolean;
  onChange(item: Refutation): void;
  onEvidenceUploaded(file: EvidenceFile): void;
}

function RefutationCard({ token, item, title, acceptsFiles, onChange, onEvidenceUploaded }: CardProps) {
  const { t, dateTime } = useT();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const deadlinePassed = Date.parse(item.replyDeadline) <= Date.now();

  async function download() {
    setError(null);
    try {
      await downloadFile(replyApi.evidencePath(item.verdictId), 'evidencia', token);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <article className="reply-item" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p>
        <span className={`badge badge-${TONE[item.standing]}`}>{t(`reply.standing.${item.standing}`)}</span>
      </p>
      <p className="muted">
        {t('reply.notified', { date: dateTime(item.notifiedAt) })} ·{' '}
        {deadlinePassed ? (
          t('reply.deadlinePassed', { date: dateTime(item.replyDeadline) })
        ) : (
          <strong>{t('reply.deadline', { date: dateTime(item.replyDeadline) })}</strong>
        )}
      </p>
      <ValidatorEvidence item={item} />
      {item.hasEvidenceFile && (
        <Button
          variant="secondary"
          small
          onClick={() => void download()}
          aria-label={t('reply.validatorFileNamed', { claim: title })}
        >
          {t('reply.validatorFile')}
        </Button>
      )}
      <ErrorAlert error={error} />
      {sent && <Alert kind="success">{t('reply.sent')}</Alert>}
      {item.dispute && <YourDispute dispute={item.dispute} />}
      {item.canDispute && !deadlinePassed && (
        <DisputeForm
          token={token}
          item={item}
          title={title}
          acceptsFiles={acceptsFiles}
          onEvidenceUploaded={onEvidenceUploaded}
          onSent={(updated) => {
            setSent(true);
            onChange(updated);
          }}
        />
      )}
    </article>
  );
}

/** What the validator gave for the refutation (never who they are). */
function ValidatorEvidence({ item }: { item: Refutation }) {
  const { t } = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t('reply.validatorReason')}</dt>
        <dd>{item.comment ? <q>{item.comment}</q> : <span className="muted">{t('reply.noReason')}</span>}</dd>
      </div>
      {item.evidenceUrl && (
        <div>
          <dt>{t('reply.validatorLink')}</dt>
          <dd className="break">
            <a href={item.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow">
              {item.evidenceUrl}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The dispute already sent, and the decision on it once there is one. */
function YourDispute({ dispute }: { dispute: NonNullable<Refutation['dispute']> }) {
  const { t, dateTime } = useT();
  return (
    <div className="reply-dispute">
      <h4>{t('reply.yourDispute')}</h4>
      <p className="muted">{t('reply.sentOn', { date: dateTime(dispute.createdAt) })}</p>
      <p className="pre-wrap">{dispute.text}</p>
      {dispute.evidenceUrl && (
        <p className="break">
          <a href={dispute.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow">
            {dispute.evidenceUrl}
          </a>
        </p>
      )}
      <p>
        <strong>{t(`reply.decision.${dispute.status}`)}</strong>
      </p>
      {dispute.decisionReason && (
        <p>
          {t('reply.decisionReason')}: <q>{dispute.decisionReason}</q>
        </p>
      )}
    </div>
  );
}

type DisputeErrors = { text?: string; url?: string };

function disputeErrors(text: string, url: string, t: I18n['t']): DisputeErrors {
  const found: DisputeErrors = {};
  if (text.trim().length < 10) found.text = t('reply.textTooShort');
  if (url.trim() && !isEvidenceUrl(url.trim())) found.url = t('reply.urlInvalid');
  return found;
}

interface DisputeFormProps {
  token: string;
  item: Refutation;
  title: string;
  acceptsFiles: boolean;
  onEvidenceUploaded(file: EvidenceFile): void;
  onSent(item: Refutation): void;
}

function DisputeForm({ token, item, title, acceptsFiles, onEvidenceUploaded, onSent }: DisputeFormProps) {
  const { t } = useT();
  const uid = useId();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const evidence = useDisputeFile(token, item.questionName, onEvidenceUploaded);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<DisputeErrors>({});
  const [error, setError] = useState<unknown>(null);

  /** A field's problem goes away as soon as it is edited. */
  function edit(field: keyof DisputeErrors, set: (value: string) => void, value: string) {
    set(value);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const found = disputeErrors(text, url, t);
    setErrors(found);
    if (found.text || found.url) {
      document.getElementById(found.text ? `${uid}-text` : `${uid}-url`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const evidenceFileId = await evidence.upload();
      const updated = await replyApi.dispute(token, item.verdictId, {
        text: text.trim(),
        evidenceUrl: url.trim() || undefined,
        evidenceFileId,
      });
      onSent(updated);
    } catch (err) {
      setError(err);
    } finally {
      evidence.setProgress(null);
      setBusy(false);
    }
  }

  return (
    <form className="form reply-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`}>
        {t('reply.formTitle')} <span className="visually-hidden">«{title}»</span>
      </h4>
      <ErrorAlert error={error} />
      <Field id={`${uid}-text`} label={t('reply.text')} hint={t('reply.textHint')} error={errors.text} required>
        {(a) => (
          <textarea
            {...a}
            rows={5}
            maxLength={4000}
            value={text}
            onChange={(e) => edit('text', setText, e.target.value)}
          />
        )}
      </Field>
      <Field id={`${uid}-url`} label={t('reply.url')} hint={t('reply.urlHint')} error={errors.url}>
        {(a) => (
          <input
            {...a}
            type="url"
            inputMode="url"
            autoComplete="url"
            maxLength={2048}
            value={url}
            onChange={(e) => edit('url', setUrl, e.target.value)}
          />
        )}
      </Field>
      {acceptsFiles ? (
        <DisputeFileField onChange={evidence.setFile} />
      ) : (
        <p className="muted">{t('reply.fileClosed')}</p>
      )}
      {evidence.progress !== null && <ProgressBar value={evidence.progress} label={t('evidence.uploading')} />}
      <Button type="submit" busy={busy}>
        {t('reply.submit')}
      </Button>
    </form>
  );
}

/** The file a dispute may carry, uploaded with the response's evidence when the dispute is sent. */
function useDisputeFile(token: string, questionName: string, onEvidenceUploaded: (file: EvidenceFile) => void) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  // A file uploaded by an earlier try that failed later is reused, not uploaded twice.
  const uploaded = useRef<{ file: File; id: string } | null>(null);

  /** Uploads the chosen file unless already done, and gives its id (none without a file). */
  async function upload(): Promise<string | undefined> {
    if (!file) return undefined;
    if (uploaded.current?.file !== file) {
      setProgress(0);
      const stored = await respondApi.uploadEvidence(token, file, questionName, setProgress);
      uploaded.current = { file, id: stored.id };
      onEvidenceUploaded(stored);
    }
    return uploaded.current?.id;
  }

  return { setFile, progress, setProgress, upload };
}

function DisputeFileField({ onChange }: { onChange(file: File | null): void }) {
  const { t } = useT();
  return (
    <Field label={t('reply.file')} hint={t('reply.fileHint')}>
      {(a) => <input {...a} type="file" accept={ACCEPT} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />}
    </Field>
  );
}
