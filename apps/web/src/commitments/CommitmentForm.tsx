import { type FormEvent } from 'react';
import { Button, Field } from '../shared/components';
import { useT, type I18n } from '../shared/i18n';
import { codeLabel } from '../results/present';
import type { Commitment, CommitmentInput, CommitmentList } from './api';

export interface Draft extends CommitmentInput {
  institutionId: string;
}

type MilestoneDraft = Draft['milestones'][number];

type RoundInstitution = NonNullable<CommitmentList['institutions']>[number];

export type Errors = Partial<Record<string, string>>;

const emptyMilestone = (): MilestoneDraft => ({ title: '', dueDate: '', declaredDone: false });

export const emptyDraft = (): Draft => ({
  institutionId: '',
  title: '',
  owner: '',
  outcomeIndicator: '',
  components: [],
  milestones: [emptyMilestone()],
});

export const fromCommitment = (c: Commitment): Draft => ({
  institutionId: c.institutionId,
  title: c.title,
  owner: c.owner,
  outcomeIndicator: c.outcomeIndicator,
  components: c.components,
  milestones: c.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, declaredDone: m.declaredDone })),
});

/** What the server would refuse, said early; `needsInstitution` when staff records a new commitment. */
export function validateDraft(x: Draft, needsInstitution: boolean, t: I18n['t']): Errors {
  const e: Errors = {};
  if (needsInstitution && !x.institutionId) e.institutionId = t('commit.chooseInstitution');
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

interface CommitmentFormProps {
  id: string | null;
  draft: Draft;
  errors: Errors;
  busy: boolean;
  /** The institution picker, shown when staff records a new commitment. */
  institutions: RoundInstitution[] | null;
  componentCodes: string[];
  onChange(patch: Partial<Draft>): void;
  onSubmit(ev: FormEvent): void;
  onCancel(): void;
}

/** The form that records or edits one commitment. */
export function CommitmentForm(props: CommitmentFormProps) {
  const { id, draft, errors, busy, institutions, componentCodes, onChange, onSubmit, onCancel } = props;
  const { t } = useT();
  const setMilestone = (i: number, patch: Partial<MilestoneDraft>) =>
    onChange({ milestones: draft.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="commit-form-title">
      <h2 id="commit-form-title">{id ? t('commit.editTitle', { title: draft.title }) : t('commit.new')}</h2>
      {institutions && (
        <InstitutionField
          value={draft.institutionId}
          institutions={institutions}
          error={errors.institutionId}
          onChange={(institutionId) => onChange({ institutionId })}
        />
      )}
      <DescriptionFields draft={draft} errors={errors} onChange={onChange} />
      <ComponentsFieldset
        codes={componentCodes}
        selected={draft.components}
        error={errors.components}
        onChange={(components) => onChange({ components })}
      />
      {draft.milestones.map((m, i) => (
        <MilestoneFieldset
          key={i}
          index={i}
          milestone={m}
          errors={errors}
          onChange={(patch) => setMilestone(i, patch)}
          onRemove={
            draft.milestones.length > 1
              ? () => onChange({ milestones: draft.milestones.filter((_, j) => j !== i) })
              : null
          }
        />
      ))}
      <p>
        <Button
          variant="secondary"
          small
          onClick={() => onChange({ milestones: [...draft.milestones, emptyMilestone()] })}
        >
          {t('commit.addMilestone')}
        </Button>
      </p>
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('commit.save')}
        </Button>{' '}
        <Button variant="secondary" onClick={onCancel}>
          {t('commit.cancel')}
        </Button>
      </div>
    </form>
  );
}

function InstitutionField(props: {
  value: string;
  institutions: RoundInstitution[];
  error: string | undefined;
  onChange(institutionId: string): void;
}) {
  const { t } = useT();
  return (
    <Field label={t('commit.institution')} error={props.error} required>
      {(p) => (
        <select {...p} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{t('commit.chooseInstitution')}</option>
          {props.institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DescriptionFields({
  draft,
  errors,
  onChange,
}: {
  draft: Draft;
  errors: Errors;
  onChange(patch: Partial<Draft>): void;
}) {
  const { t } = useT();
  return (
    <>
      <Field label={t('commit.field.title')} error={errors.title} required>
        {(p) => (
          <input {...p} value={draft.title} maxLength={300} onChange={(e) => onChange({ title: e.target.value })} />
        )}
      </Field>
      <Field label={t('commit.field.owner')} error={errors.owner} required>
        {(p) => (
          <input {...p} value={draft.owner} maxLength={200} onChange={(e) => onChange({ owner: e.target.value })} />
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
            value={draft.outcomeIndicator}
            onChange={(e) => onChange({ outcomeIndicator: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

function ComponentsFieldset(props: {
  codes: string[];
  selected: string[];
  error: string | undefined;
  onChange(components: string[]): void;
}) {
  const { codes, selected, error, onChange } = props;
  const { t, lang } = useT();
  return (
    <fieldset className="fieldset" aria-describedby={error ? 'commit-components-error' : undefined}>
      <legend>{t('commit.field.components')}</legend>
      <div className="checkbox-grid">
        {codes.map((code) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              checked={selected.includes(code)}
              onChange={(e) => onChange(e.target.checked ? [...selected, code] : selected.filter((x) => x !== code))}
            />{' '}
            {codeLabel(code, lang)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id="commit-components-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function MilestoneFieldset(props: {
  index: number;
  milestone: MilestoneDraft;
  errors: Errors;
  onChange(patch: Partial<MilestoneDraft>): void;
  /** Null for the only milestone: a commitment keeps at least one. */
  onRemove: (() => void) | null;
}) {
  const { index: i, milestone: m, errors, onChange, onRemove } = props;
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('commit.field.milestone', { n: i + 1 })}</legend>
      <Field label={t('commit.field.milestoneTitle', { n: i + 1 })} error={errors[`m${i}.title`]} required>
        {(p) => <input {...p} value={m.title} maxLength={300} onChange={(e) => onChange({ title: e.target.value })} />}
      </Field>
      <Field label={t('commit.field.due', { n: i + 1 })} error={errors[`m${i}.dueDate`]} required>
        {(p) => <input {...p} type="date" value={m.dueDate} onChange={(e) => onChange({ dueDate: e.target.value })} />}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={m.declaredDone}
          onChange={(e) => onChange({ declaredDone: e.target.checked })}
        />{' '}
        {t('commit.field.done')}
      </label>
      {onRemove && (
        <p>
          <Button variant="quiet" small onClick={onRemove}>
            {t('commit.removeMilestone', { n: i + 1 })}
          </Button>
        </p>
      )}
    </fieldset>
  );
}
