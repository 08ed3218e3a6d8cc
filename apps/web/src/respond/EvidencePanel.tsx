import { useId, useRef, useState, type FormEvent } from 'react';
import { downloadFile } from '../shared/api';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, ProgressBar } from '../shared/components';
import { useT } from '../shared/i18n';
import { respondApi, type EvidenceFile } from './api';

export interface EvidenceQuestion {
  name: string;
  title: string;
}

export interface EvidencePanelProps {
  token: string;
  files: EvidenceFile[];
  onChange(files: EvidenceFile[]): void;
  questions: EvidenceQuestion[];
  readOnly: boolean;
}

/** Accepted types are advisory (the server decides); they make the picker show likely files first. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv';

export function formatBytes(size: number, number: (n: number, o?: Intl.NumberFormatOptions) => string): string {
  if (size < 1024) return `${number(size)} B`;
  if (size < 1024 * 1024) return `${number(size / 1024, { maximumFractionDigits: 1 })} KB`;
  return `${number(size / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

export function EvidencePanel({ token, files, onChange, questions, readOnly }: EvidencePanelProps) {
  const { t } = useT();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const titleOf = (name: string | null) =>
    name ? (questions.find((q) => q.name === name)?.title ?? name) : t('evidence.general');

  async function remove(f: EvidenceFile) {
    setError(null);
    setDone(null);
    try {
      await respondApi.deleteEvidence(token, f.id);
      onChange(files.filter((x) => x.id !== f.id));
      setDone(t('evidence.deleted', { name: f.filename }));
    } catch (err) {
      setError(err);
    }
  }

  async function download(f: EvidenceFile) {
    setError(null);
    try {
      await downloadFile(respondApi.evidencePath(f.id), f.filename, token);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card evidence-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('evidence.title')}</h2>
      <p className="muted">{t('evidence.intro')}</p>
      <ErrorAlert error={error} />
      {done && <Alert kind="success">{done}</Alert>}

      {files.length === 0 ? (
        <p>{t('evidence.none')}</p>
      ) : (
        <EvidenceList
          files={files}
          titleOf={titleOf}
          readOnly={readOnly}
          onDownload={(f) => void download(f)}
          onRemove={remove}
        />
      )}

      {!readOnly && questions.length > 0 && (
        <UploadForm
          token={token}
          questions={questions}
          onStart={() => {
            setError(null);
            setDone(null);
          }}
          onUploaded={(uploaded) => {
            onChange([...files, uploaded]);
            setDone(t('evidence.uploaded', { name: uploaded.filename }));
          }}
          onError={setError}
        />
      )}
    </section>
  );
}

interface EvidenceListProps {
  files: EvidenceFile[];
  /** The title of the question a file supports (or "general"). */
  titleOf(name: string | null): string;
  readOnly: boolean;
  onDownload(f: EvidenceFile): void;
  onRemove(f: EvidenceFile): Promise<void>;
}

function EvidenceList({ files, titleOf, readOnly, onDownload, onRemove }: EvidenceListProps) {
  const { t, number } = useT();
  return (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f.id}>
          <div className="file-info">
            <span className="file-name">{f.filename}</span>
            <span className="muted">
              {titleOf(f.questionName)} · {formatBytes(f.size, number)}
            </span>
          </div>
          <div className="file-actions">
            <Button
              variant="secondary"
              small
              onClick={() => onDownload(f)}
              aria-label={t('evidence.downloadNamed', { name: f.filename })}
            >
              {t('evidence.download')}
            </Button>
            {!readOnly && (
              <ConfirmButton
                variant="danger"
                title={t('evidence.deleteTitle')}
                message={<p>{t('evidence.deleteConfirm', { name: f.filename })}</p>}
                confirmLabel={t('evidence.delete')}
                onConfirm={() => onRemove(f)}
              >
                <span aria-hidden="true">{t('evidence.delete')}</span>
                <span className="visually-hidden">{t('evidence.deleteNamed', { name: f.filename })}</span>
              </ConfirmButton>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

interface UploadFormProps {
  token: string;
  questions: EvidenceQuestion[];
  /** Called as an upload is asked for, to clear the panel's previous message. */
  onStart(): void;
  onUploaded(f: EvidenceFile): void;
  onError(err: unknown): void;
}

function UploadForm({ token, questions, onStart, onUploaded, onError }: UploadFormProps) {
  const { t } = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [question, setQuestion] = useState(questions[0]?.name ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    onStart();
    if (!file) {
      setFieldError(t('evidence.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    setFieldError(null);
    setProgress(0);
    try {
      const uploaded = await respondApi.uploadEvidence(token, file, question, setProgress);
      onUploaded(uploaded);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (err) {
      onError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="evidence-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('evidence.add')}</h3>
      <Field label={t('evidence.question')}>
        {(a) => (
          <select {...a} value={question} onChange={(e) => setQuestion(e.target.value)}>
            {questions.map((q) => (
              <option key={q.name} value={q.name}>
                {q.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('evidence.file')} hint={t('evidence.fileHint')} error={fieldError}>
        {(a) => (
          <input
            {...a}
            ref={fileInput}
            type="file"
            name="file"
            accept={ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFieldError(null);
            }}
          />
        )}
      </Field>
      {progress !== null && <ProgressBar value={progress} label={t('evidence.uploading')} />}
      <Button type="submit" variant="secondary" busy={progress !== null}>
        {t('evidence.upload')}
      </Button>
    </form>
  );
}
