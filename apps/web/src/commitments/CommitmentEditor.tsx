import { useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { commitmentsApi, type CsvRowError, type Writer } from './api';
import { CommitmentCard, Movements } from './CommitmentCards';
import { CommitmentForm, emptyDraft, fromCommitment, validateDraft, type Draft, type Errors } from './CommitmentForm';

const CSV_COLUMNS =
  'institution_key, commitment_key, title, owner, outcome_indicator, components, milestone_title, milestone_due, milestone_done';

/**
 * Records, edits and imports commitments — for the round's operator staff (console) or the
 * institution (its invitation link). The server checks everything again; this form only says
 * early what it would refuse.
 */
export function CommitmentEditor({ writer, canWrite }: { writer: Writer; canWrite: boolean }) {
  const { t, pick } = useT();
  const res = useAsync((signal) => commitmentsApi.list(writer, signal), [JSON.stringify(writer)]);
  const ed = useCommitmentWriting(writer, res.refresh);

  const d = res.data;
  if (res.loading && !d) return <Spinner />;
  if (!d) return <ErrorAlert error={res.error} />;

  const { editing } = ed;
  return (
    <div className="commitment-editor">
      <p className="alert alert-info">{pick(d.notice)}</p>
      {!canWrite && <Alert kind="warning">{t('commit.notPublished')}</Alert>}
      {ed.done && <Alert kind="success">{ed.done}</Alert>}
      <ErrorAlert error={ed.failure} />
      {canWrite && !editing && (
        <p>
          <Button onClick={() => ed.open(null, emptyDraft())}>{t('commit.new')}</Button>
        </p>
      )}
      {editing && (
        <CommitmentForm
          id={editing.id}
          draft={editing.draft}
          errors={ed.errors}
          busy={ed.busy}
          institutions={writer.kind === 'staff' && editing.id === null ? (d.institutions ?? []) : null}
          componentCodes={d.componentCodes}
          onChange={ed.change}
          onSubmit={(e) => void ed.save(e)}
          onCancel={() => ed.setEditing(null)}
        />
      )}

      {d.items.length === 0 && <p>{t('commit.empty')}</p>}
      {d.items.map((c) => (
        <CommitmentCard
          key={c.id}
          c={c}
          showInstitution={writer.kind === 'staff'}
          actions={
            canWrite && (
              <p>
                <Button
                  variant="secondary"
                  small
                  aria-label={`${t('commit.edit')}: ${c.title}`}
                  onClick={() => ed.open(c.id, fromCommitment(c))}
                >
                  {t('commit.edit')}
                </Button>
              </p>
            )
          }
        />
      ))}

      {canWrite && (
        <CsvImportForm
          columns={writer.kind === 'staff' ? CSV_COLUMNS : CSV_COLUMNS.replace('institution_key, ', '')}
          csv={ed.csv}
          csvErrors={ed.csvErrors}
          busy={ed.busy}
          onCsv={ed.setCsv}
          onUnreadableFile={ed.setFailure}
          onSubmit={(e) => void ed.runImport(e)}
        />
      )}
      <Movements list={d} />
    </div>
  );
}

/** The editor's state: the commitment being edited, the CSV to import, and what the last save or import said. */
function useCommitmentWriting(writer: Writer, refresh: () => void) {
  const { t } = useT();
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [csv, setCsv] = useState('');
  const [csvErrors, setCsvErrors] = useState<CsvRowError[]>([]);

  const open = (id: string | null, draft: Draft) => {
    setEditing({ id, draft });
    setErrors({});
    setDone(null);
  };
  const change = (patch: Partial<Draft>) =>
    editing && setEditing({ ...editing, draft: { ...editing.draft, ...patch } });

  async function save(ev: FormEvent) {
    ev.preventDefault();
    if (!editing) return;
    const e = validateDraft(editing.draft, writer.kind === 'staff' && editing.id === null, t);
    setErrors(e);
    setDone(null);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setFailure(null);
    const { institutionId, ...input } = editing.draft;
    try {
      if (editing.id) await commitmentsApi.update(writer, editing.id, input);
      else await commitmentsApi.create(writer, input, writer.kind === 'staff' ? institutionId : undefined);
      setEditing(null);
      setDone(t('commit.saved'));
      refresh();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function runImport(ev: FormEvent) {
    ev.preventDefault();
    setBusy(true);
    setFailure(null);
    setCsvErrors([]);
    setDone(null);
    try {
      const r = await commitmentsApi.importCsv(writer, csv);
      setDone(t('commit.imported', r));
      setCsv('');
      refresh();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'COMMITMENTS_CSV_INVALID') {
        setCsvErrors(((err.details as { errors?: CsvRowError[] }).errors ?? []) as CsvRowError[]);
      }
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return {
    editing,
    setEditing,
    open,
    change,
    errors,
    busy,
    failure,
    setFailure,
    done,
    csv,
    setCsv,
    csvErrors,
    save,
    runImport,
  };
}

function CsvImportForm(props: {
  columns: string;
  csv: string;
  csvErrors: CsvRowError[];
  busy: boolean;
  onCsv(csv: string): void;
  onUnreadableFile(err: unknown): void;
  onSubmit(ev: FormEvent): void;
}) {
  const { columns, csv, csvErrors, busy, onCsv, onUnreadableFile, onSubmit } = props;
  const { t } = useT();
  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby="commit-import-title">
      <h2 id="commit-import-title">{t('commit.importTitle')}</h2>
      <p className="muted">{t('commit.importHint', { columns })}</p>
      <Field label={t('commit.importFile')}>
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              // A local file that cannot be read (removed, no permission) is shown like a failed import.
              if (f) f.text().then(onCsv, onUnreadableFile);
            }}
          />
        )}
      </Field>
      <Field label={t('commit.importText')}>
        {(p) => <textarea {...p} rows={5} value={csv} onChange={(e) => onCsv(e.target.value)} spellCheck={false} />}
      </Field>
      <Button type="submit" busy={busy} disabled={csv.trim() === ''}>
        {t('commit.importRun')}
      </Button>
      {csvErrors.length > 0 && <CsvErrorTable errors={csvErrors} />}
    </form>
  );
}

function CsvErrorTable({ errors }: { errors: CsvRowError[] }) {
  const { t, pick } = useT();
  return (
    <div className="table-scroll">
      <table className="table" aria-label={t('commit.importErrors')}>
        <thead>
          <tr>
            <th scope="col">{t('commit.line')}</th>
            <th scope="col">{t('commit.column')}</th>
            <th scope="col">{t('commit.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} data-testid="csv-error">
              <td>{e.line}</td>
              <td>{e.column ?? '—'}</td>
              <td>{pick(e.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
