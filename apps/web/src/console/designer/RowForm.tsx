import { COMPONENTS, type SheetColumn, type SheetIssue, type SheetRow } from '@apertura/questionnaire-designer';
import { Field } from '../../shared/components';
import { useT } from '../../shared/i18n';
import { AnswerFields, columnsClearedFor, SurveySettings } from './AnswerFields';
import { ChoicesEditor } from './ChoicesEditor';
import type { QuestionnaireKind } from './designer-api';
import { CHOICE_TYPES, CONTAINER_TYPES, INPUT_TYPES, QUESTION_TYPES } from './designer-model';

// ---------------------------------------------------------------------------------------------
// One row's form
// ---------------------------------------------------------------------------------------------

interface RowFieldProps {
  row: SheetRow;
  errorOf(col: SheetColumn): string | null;
  errorOfKey(key: string): string | null;
  onChange(patch: Partial<SheetRow>): void;
}

/** The row's issues as messages beside fields: by column (or a lint path naming one), or by property key. */
function rowErrors(issues: SheetIssue[], lang: string): Pick<RowFieldProps, 'errorOf' | 'errorOfKey'> {
  const joined = (found: SheetIssue[]): string | null =>
    found.length ? found.map((i) => (lang === 'es' ? i.message.es : i.message.en)).join(' ') : null;
  return {
    errorOf: (col) =>
      joined(issues.filter((i) => i.column === col || (i.path !== undefined && pathColumn(i.path) === col))),
    errorOfKey: (key) => joined(issues.filter((i) => i.path !== undefined && pathKey(i.path) === key)),
  };
}

export function RowForm({
  row,
  kind,
  rows,
  issues,
  onChange,
}: {
  row: SheetRow;
  kind: QuestionnaireKind;
  rows: readonly SheetRow[];
  issues: SheetIssue[];
  onChange(patch: Partial<SheetRow>): void;
}) {
  const { t, lang } = useT();
  const fields: RowFieldProps = { row, onChange, ...rowErrors(issues, lang) };
  const container = CONTAINER_TYPES.has(row.type);

  return (
    <div className="designer-fields">
      {row.type !== 'survey' && (
        <div className="designer-field-pair">
          {!container || row.type === 'panel' ? <TypeField {...fields} /> : null}
          <TextField {...fields} col="name" mono />
        </div>
      )}
      {row.type !== 'survey' && row.type !== 'page' && <PlacementFields {...fields} rows={rows} />}
      <div className="designer-field-pair">
        <TextField {...fields} col="title_es" multiline />
        <TextField {...fields} col="title_en" multiline />
      </div>
      <div className="designer-field-pair">
        <TextField {...fields} col="description_es" multiline />
        <TextField {...fields} col="description_en" multiline />
      </div>
      {row.type !== 'survey' && <TextField {...fields} col="visibleIf" mono hint={t('designer.field.visibleIfHint')} />}
      {row.type === 'survey' && <SurveySettings row={row} errorOfKey={fields.errorOfKey} onChange={onChange} />}
      {!container && <QuestionFields {...fields} kind={kind} rows={rows} />}
      <TextField {...fields} col="extra" multiline mono hint={t('designer.field.extraHint')} />
      {issues.length > 0 && (
        <ul className="designer-issues" aria-label={t('designer.issuesTitle')}>
          {issues.map((i, n) => (
            <li key={n}>
              <code>{i.code}</code> {lang === 'es' ? i.message.es : i.message.en}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A text input (or textarea) bound to one column, labelled after it. */
function TextField({
  row,
  col,
  errorOf,
  onChange,
  multiline,
  hint,
  mono,
}: RowFieldProps & { col: SheetColumn; multiline?: boolean; hint?: string; mono?: boolean }) {
  const { t } = useT();
  return (
    <Field label={t(`designer.field.${col}` as 'designer.field.name')} hint={hint} error={errorOf(col)}>
      {(p) =>
        multiline ? (
          <textarea
            {...p}
            rows={3}
            value={row[col]}
            onChange={(e) => onChange({ [col]: e.target.value })}
            className={mono ? 'mono' : undefined}
            spellCheck={!mono}
          />
        ) : (
          <input
            type="text"
            {...p}
            value={row[col]}
            onChange={(e) => onChange({ [col]: e.target.value })}
            className={mono ? 'mono' : undefined}
            spellCheck={!mono}
            autoComplete="off"
          />
        )
      }
    </Field>
  );
}

function CheckField({ row, col, errorOf, onChange }: RowFieldProps & { col: 'verifiable' | 'required' }) {
  const { t } = useT();
  return (
    <div className="field field-check">
      <label>
        <input
          type="checkbox"
          checked={row[col] === 'true'}
          onChange={(e) => onChange({ [col]: e.target.checked ? 'true' : '' })}
        />{' '}
        {t(`designer.field.${col}`)}
      </label>
      {errorOf(col) && <p className="field-error">{errorOf(col)}</p>}
    </div>
  );
}

function TypeField({ row, errorOf, onChange }: RowFieldProps) {
  const { t } = useT();
  return (
    <Field label={t('designer.field.type')} error={errorOf('type')}>
      {(p) => (
        <select
          {...p}
          value={row.type}
          // Choices (a rating's scale values) and answer limits are edited only on the types they
          // concern: switching away clears them, or the linter would report a property the form no
          // longer shows.
          onChange={(e) =>
            onChange({
              type: e.target.value,
              ...(CHOICE_TYPES.has(e.target.value) || e.target.value === 'rating' ? {} : { choices: '' }),
              ...columnsClearedFor(e.target.value),
            })
          }
        >
          {row.type === 'panel' ? <option value="panel">panel</option> : null}
          {(QUESTION_TYPES as readonly string[]).includes(row.type) || row.type === 'panel' ? null : (
            <option value={row.type}>{row.type}</option>
          )}
          {row.type !== 'panel' &&
            QUESTION_TYPES.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/** The page, and the panel on that page, a question or panel belongs to. */
function PlacementFields({ row, rows, errorOf, onChange }: RowFieldProps & { rows: readonly SheetRow[] }) {
  const { t } = useT();
  const pages = rows.filter((r) => r.type === 'page').map((r) => r.name);
  const panels = rows
    .filter((r) => r.type === 'panel' && r.page === row.page && r.name !== row.name)
    .map((r) => r.name);
  return (
    <div className="designer-field-pair">
      <Field label={t('designer.field.page')} error={errorOf('page')}>
        {(p) => (
          <select {...p} value={row.page} onChange={(e) => onChange({ page: e.target.value, panel: '' })}>
            <option value="" />
            {pages.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('designer.field.panel')} error={errorOf('panel')}>
        {(p) => (
          <select {...p} value={row.panel} onChange={(e) => onChange({ panel: e.target.value })}>
            <option value="" />
            {[...new Set([...panels, row.panel].filter(Boolean))].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** What only questions have: choices, the component and weight, scoring, flags, evidence and the answer. */
function QuestionFields(props: RowFieldProps & { kind: QuestionnaireKind; rows: readonly SheetRow[] }) {
  const { row, kind, rows, errorOf, onChange } = props;
  const { t } = useT();
  return (
    <>
      {(CHOICE_TYPES.has(row.type) || row.type === 'rating') && (
        <ChoicesEditor
          legend={t(row.type === 'rating' ? 'designer.rateValues' : 'designer.choices')}
          cell={row.choices}
          error={errorOf('choices')}
          onChange={(choices) => onChange({ choices })}
        />
      )}
      <div className="designer-field-pair">
        <Field label={t('designer.field.component')} error={errorOf('component')}>
          {(p) => (
            <select {...p} value={row.component} onChange={(e) => onChange({ component: e.target.value })}>
              <option value="">{t('designer.noComponent')}</option>
              {[...new Set([...COMPONENTS[kind], ...(row.component ? [row.component] : [])])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField {...props} col="weight" />
      </div>
      <div className="designer-field-pair">
        <TextField {...props} col="scoreIfHidden" />
        <TextField {...props} col="scoreRange" mono />
      </div>
      <div className="designer-field-pair">
        <CheckField {...props} col="verifiable" />
        <CheckField {...props} col="required" />
      </div>
      <EvidenceAndInputType {...props} rows={rows} />
      <AnswerFields row={row} errorOf={errorOf} errorOfKey={props.errorOfKey} onChange={onChange} />
    </>
  );
}

function EvidenceAndInputType({ row, rows, errorOf, onChange }: RowFieldProps & { rows: readonly SheetRow[] }) {
  const { t } = useT();
  const verifiables = rows.filter((r) => r.verifiable === 'true').map((r) => r.name);
  return (
    <div className="designer-field-pair">
      <Field label={t('designer.field.evidence')} error={errorOf('evidence')}>
        {(p) => (
          <select {...p} value={row.evidence} onChange={(e) => onChange({ evidence: e.target.value })}>
            <option value="" />
            {[...new Set([...verifiables, ...(row.evidence ? [row.evidence] : [])])].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* Only a text question has an input type (kept visible when a row carries one, so the linter's complaint has a field). */}
      {(row.type === 'text' || row.inputType !== '') && (
        <Field label={t('designer.field.inputType')} error={errorOf('inputType')}>
          {(p) => (
            <select {...p} value={row.inputType} onChange={(e) => onChange({ inputType: e.target.value })}>
              {[...new Set([...INPUT_TYPES, row.inputType])].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}

/** The property right after the innermost element of a lint path: `…elements[1].choices[2].score` → choices. */
function pathKey(path: string): string | undefined {
  return /^\.(\w+)/.exec(
    path
      .replace(/^.*\.elements\[\d+\]/, '')
      .replace(/^\$\.pages\[\d+\]/, '')
      .replace(/^\$/, ''),
  )?.[1];
}

/** The column a lint path points at (`…elements[0].visibleIf` → visibleIf), for messages beside the field. */
function pathColumn(path: string): SheetColumn | null {
  const key = pathKey(path);
  const map: Record<string, SheetColumn> = {
    title: 'title_es',
    visibleIf: 'visibleIf',
    choices: 'choices',
    component: 'component',
    weight: 'weight',
    verifiable: 'verifiable',
    evidenceFor: 'evidence',
    scoreIfHidden: 'scoreIfHidden',
    scoreRange: 'scoreRange',
    isRequired: 'required',
    inputType: 'inputType',
    type: 'type',
    name: 'name',
    rateValues: 'choices',
    min: 'min',
    max: 'max',
    rateMin: 'min',
    rateMax: 'max',
    maxLength: 'maxLength',
    placeholder: 'placeholder_es',
    validators: 'validation',
  };
  return key ? (map[key] ?? null) : null;
}
