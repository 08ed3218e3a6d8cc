import { useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { useAsync } from '../shared/useAsync';
import { codeLabel } from '../results/present';
import { commitmentsApi, type Commitment, type CommitmentInput, type CsvRowError, type Writer } from './api';
import { CommitmentCard, Movements } from './CommitmentCards';

const CSV_COLUMNS =
  'institution_key, commitment_key, title, owner, outcome_indicator, components, milestone_title, milestone_due, milestone_done';

interface Draft extends CommitmentInput {
  institutionId: string;
}

const emptyDraft = (): Draft => ({
  institutionId: '',
  title: '',
  owner: '',
  outcomeIndicator: '',
  components: [],
  milestones: [{ title: '', dueDate: '', declaredDone: false }],
});

const fromCommitment = (c: Commitment): Draft => ({
  institutionId: c.institutionId,
  title: c.title,
  owner: c.owner,
  outcomeIndicator: c.outcomeIndicator,
  components: c.components,
  milestones: c.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, declaredDone: m.declaredDone })),
});

type Errors = Partial<Record<string, string>>;

/**
 * Records, edits and imports commitments — for the round's operator staff (console) or the
 * institution (its invitation link). The server checks everything again; this form only says
 * early what it would refuse.
 */
export function CommitmentEditor({ writer, canWrite }: { writer: Writer; canWrite: boolean }) {
  const { t, pick, lang } = useT();
  const res = useAsync((signal) => commitmentsApi.list(writer, signal), [JSON.stringify(writer)]);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [csv, setCsv] = useState('');
  const [csvErrors, setCsvErrors] = useState<CsvRowError[]>([]);

  const d = res.data;
  if (res.loading && !d) return <Spinner />;
  if (!d) return <ErrorAlert error={res.error} />;

  function validate(x: Draft): Errors {
    const e: Errors = {};
    if (writer.kind === 'staff' && editing?.id === null && !x.institutionId)
      e.institutionId = t('commit.chooseInstitution');
    if (x.title.trim().length < 3) e.title = t('commit.required');
    if (x.owner.trim().length < 2) e.owner = t('commit.required');
    if (x.outcomeIndicator.trim().length < 3) e.outcomeIndicator = t('commit.required');
    if (x.components.length === 0) e.components = t('commit.needComponent');
    x.milestones.forEach((m, i) => {
      if (m.title.trim().length < 3) e[`m${i}.title`] = t('commit.required');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(m.dueDate)) e[`m${i}.dueDate`] = t('commit.needDate');
    });
    return e;
  }

  async function save(ev: FormEvent) {
    ev.preventDefault();
    if (!editing) return;
    const e = validate(editing.draft);
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
      res.refresh();
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
      res.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'COMMITMENTS_CSV_INVALID') {
        setCsvErrors(((err.details as { errors?: CsvRowError[] }).errors ?? []) as CsvRowError[]);
      }
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const set = (patch: Partial<Draft>) => editing && setEditing({ ...editing, draft: { ...editing.draft, ...patch } });
  const setMilestone = (i: number, patch: Partial<Draft['milestones'][number]>) =>
    editing && set({ milestones: editing.draft.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  return (
    <div className="commitment-editor">
      <p className="alert alert-info">{pick(d.notice)}</p>
      {!canWrite && <Alert kind="warning">{t('commit.notPublished')}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      <ErrorAlert error={failure} />
      {canWrite && !editing && (
        <p>
          <Button onClick={() => (setEditing({ id: null, draft: emptyDraft() }), setErrors({}), setDone(null))}>
            {t('commit.new')}
          </Button>
        </p>
      )}
      {editing && (
        <form className="card form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="commit-form-title">
          <h2 id="commit-form-title">
            {editing.id ? t('commit.editTitle', { title: editing.draft.title }) : t('commit.new')}
          </h2>
          {writer.kind === 'staff' && editing.id === null && (
            <Field label={t('commit.institution')} error={errors.institutionId} required>
              {(p) => (
                <select
                  {...p}
                  value={editing.draft.institutionId}
                  onChange={(e) => set({ institutionId: e.target.value })}
                >
                  <option value="">{t('commit.chooseInstitution')}</option>
                  {(d.institutions ?? []).map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('commit.field.title')} error={errors.title} required>
            {(p) => (
              <input
                {...p}
                value={editing.draft.title}
                maxLength={300}
                onChange={(e) => set({ title: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('commit.field.owner')} error={errors.owner} required>
            {(p) => (
              <input
                {...p}
                value={editing.draft.owner}
                maxLength={200}
                onChange={(e) => set({ owner: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t('commit.field.outcome')}
            hint={t('commit.field.outcomeHint')}
            error={errors.outcomeIndicator}
            required
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                maxLength={1000}
                value={editing.draft.outcomeIndicator}
                onChange={(e) => set({ outcomeIndicator: e.target.value })}
              />
            )}
          </Field>
          <fieldset className="fieldset" aria-describedby={errors.components ? 'commit-components-error' : undefined}>
            <legend>{t('commit.field.components')}</legend>
            <div className="checkbox-grid">
              {d.componentCodes.map((code) => (
                <label key={code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={editing.draft.components.includes(code)}
                    onChange={(e) =>
                      set({
                        components: e.target.checked
                          ? [...editing.draft.components, code]
                          : editing.draft.components.filter((x) => x !== code),
                      })
                    }
                  />{' '}
                  {codeLabel(code, lang)}
                </label>
              ))}
            </div>
            {errors.components && (
              <p className="field-error" id="commit-components-error">
                {errors.components}
              </p>
            )}
          </fieldset>
          {editing.draft.milestones.map((m, i) => (
            <fieldset key={i} className="fieldset">
              <legend>{t('commit.field.milestone', { n: i + 1 })}</legend>
              <Field label={t('commit.field.milestoneTitle', { n: i + 1 })} error={errors[`m${i}.title`]} required>
                {(p) => (
                  <input
                    {...p}
                    value={m.title}
                    maxLength={300}
                    onChange={(e) => setMilestone(i, { title: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('commit.field.due', { n: i + 1 })} error={errors[`m${i}.dueDate`]} required>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={m.dueDate}
                    onChange={(e) => setMilestone(i, { dueDate: e.target.value })}
                  />
                )}
              </Field>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={m.declaredDone}
                  onChange={(e) => setMilestone(i, { declaredDone: e.target.checked })}
                />{' '}
                {t('commit.field.done')}
              </label>
              {editing.draft.milestones.length > 1 && (
                <p>
                  <Button
                    variant="quiet"
                    small
                    onClick={() => set({ milestones: editing.draft.milestones.filter((_, j) => j !== i) })}
                  >
                    {t('commit.removeMilestone', { n: i + 1 })}
                  </Button>
                </p>
              )}
            </fieldset>
          ))}
          <p>
            <Button
              variant="secondary"
              small
              onClick={() =>
                set({ milestones: [...editing.draft.milestones, { title: '', dueDate: '', declaredDone: false }] })
              }
            >
              {t('commit.addMilestone')}
            </Button>
          </p>
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('commit.save')}
            </Button>{' '}
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('commit.cancel')}
            </Button>
          </div>
        </form>
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
                  onClick={() => (setEditing({ id: c.id, draft: fromCommitment(c) }), setErrors({}), setDone(null))}
                >
                  {t('commit.edit')}
                </Button>
              </p>
            )
          }
        />
      ))}

      {canWrite && (
        <form className="card form" onSubmit={(e) => void runImport(e)} aria-labelledby="commit-import-title">
          <h2 id="commit-import-title">{t('commit.importTitle')}</h2>
          <p className="muted">
            {t('commit.importHint', {
              columns: writer.kind === 'staff' ? CSV_COLUMNS : CSV_COLUMNS.replace('institution_key, ', ''),
            })}
          </p>
          <Field label={t('commit.importFile')}>
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  // A local file that cannot be read (removed, no permission) is shown like a failed import.
                  if (f) f.text().then(setCsv, setFailure);
                }}
              />
            )}
          </Field>
          <Field label={t('commit.importText')}>
            {(p) => (
              <textarea {...p} rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} />
            )}
          </Field>
          <Button type="submit" busy={busy} disabled={csv.trim() === ''}>
            {t('commit.importRun')}
          </Button>
          {csvErrors.length > 0 && (
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
                  {csvErrors.map((e, i) => (
                    <tr key={i} data-testid="csv-error">
                      <td>{e.line}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{pick(e.message)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </form>
      )}
      <Movements list={d} />
    </div>
  );
}
