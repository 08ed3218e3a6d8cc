import { useId } from 'react';
import { localizedCells, localizedValue, type SheetColumn, type SheetRow } from '@apertura/questionnaire-designer';
import { Field } from '../../shared/components';
import { useT } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';

/**
 * The designer's fields for what a question accepts (issue #16): limits, placeholders, the
 * validator and its message, boolean and rating labels, and the survey's check mode. Common
 * properties have sheet columns (min, max, maxLength, placeholder_*, validation*); the rest are
 * edited here as proper fields but stored as keys of the row's `extra` JSON, so a sheet and the
 * designer describe the same definition and nothing needs typing as raw JSON.
 */

type Json = Record<string, unknown>;

/** The row's `extra` as an object; null when it is not a JSON object (the fields then wait for a fix). */
export function parseExtra(cell: string): Json | null {
  if (cell.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(cell);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
  } catch {
    return null;
  }
}

/** `extra` with keys set (or removed when undefined); '' once nothing is left. Other keys keep their order. */
export function withExtra(cell: string, patch: Readonly<Record<string, unknown>>): string {
  const obj = { ...(parseExtra(cell) ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete obj[k];
    else obj[k] = v;
  }
  return Object.keys(obj).length ? JSON.stringify(obj) : '';
}

/** Types whose answer the fields below concern. */
const RANGE_TYPES = new Set(['text', 'rating']);
const LENGTH_TYPES = new Set(['text', 'comment']);
const PLACEHOLDER_TYPES = new Set(['text', 'comment', 'dropdown', 'tagbox']);
const VALIDATION_TYPES = new Set(['text', 'comment']);

/** Columns that mean nothing on a type; cleared when the question changes to it (else the linter objects). */
export function columnsClearedFor(type: string): Partial<SheetRow> {
  const patch: Partial<SheetRow> = {};
  if (type !== 'text') patch.inputType = '';
  if (!RANGE_TYPES.has(type)) Object.assign(patch, { min: '', max: '' });
  if (!LENGTH_TYPES.has(type)) patch.maxLength = '';
  if (!PLACEHOLDER_TYPES.has(type)) Object.assign(patch, { placeholder_es: '', placeholder_en: '' });
  if (!VALIDATION_TYPES.has(type))
    Object.assign(patch, { validation: '', validationMessage_es: '', validationMessage_en: '' });
  return patch;
}

const VALIDATION_KINDS = ['', 'email', 'url', 'regex', 'numeric', 'length'] as const;
type ValidationKind = (typeof VALIDATION_KINDS)[number] | 'custom';

interface ValidationParts {
  kind: ValidationKind;
  pattern: string;
  lo: string;
  hi: string;
}

/** The `validation` cell as the form's parts; what does not parse is kept as `custom` (the linter says why). */
export function splitValidation(cell: string): ValidationParts {
  const text = cell.trim();
  const lower = text.toLowerCase();
  const none = { pattern: '', lo: '', hi: '' };
  if (text === '') return { kind: '', ...none };
  if (lower === 'email' || lower === 'url') return { kind: lower, ...none };
  if (lower.startsWith('regex:')) return { kind: 'regex', pattern: text.slice(6), lo: '', hi: '' };
  const m = /^(numeric|length)(?::(.*?)\.\.(.*))?$/i.exec(text);
  if (m) return { kind: m[1].toLowerCase() as 'numeric' | 'length', pattern: '', lo: m[2] ?? '', hi: m[3] ?? '' };
  return { kind: 'custom', ...none };
}

export function joinValidation(p: ValidationParts, original = ''): string {
  switch (p.kind) {
    case '':
      return '';
    case 'custom':
      return original;
    case 'email':
    case 'url':
      return p.kind;
    case 'regex':
      return `regex:${p.pattern}`;
    default:
      return p.lo.trim() || p.hi.trim() ? `${p.kind}:${p.lo.trim()}..${p.hi.trim()}` : p.kind;
  }
}

interface FieldsProps {
  row: SheetRow;
  /** Linter and sheet messages for a column, or for a property of the element (`labelTrue`…). */
  errorOf(col: SheetColumn): string | null;
  errorOfKey(key: string): string | null;
  onChange(patch: Partial<SheetRow>): void;
}

/** A text input bound to one column. */
function ColumnInput({
  row,
  col,
  label,
  hint,
  error,
  numeric,
  mono,
  onChange,
}: {
  row: SheetRow;
  col: SheetColumn;
  label: string;
  hint?: string;
  error: string | null;
  numeric?: boolean;
  mono?: boolean;
  onChange(patch: Partial<SheetRow>): void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <input
          type="text"
          {...p}
          value={row[col]}
          inputMode={numeric ? 'decimal' : undefined}
          className={mono ? 'mono' : undefined}
          spellCheck={!mono && !numeric}
          autoComplete="off"
          onChange={(e) => onChange({ [col]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** A Spanish/English pair of inputs bound to a localized property inside `extra`. */
function ExtraTextPair({
  row,
  prop,
  extra,
  hint,
  error,
  onChange,
}: {
  row: SheetRow;
  prop: 'minErrorText' | 'maxErrorText' | 'labelTrue' | 'labelFalse' | 'minRateDescription' | 'maxRateDescription';
  extra: Json;
  hint?: string;
  error: string | null;
  onChange(patch: Partial<SheetRow>): void;
}) {
  const { t } = useT();
  const cells = localizedCells(extra[prop]);
  // A text with other locales than es/en stays as it is: editing it here would drop them.
  const locked = extra[prop] !== undefined && cells === null;
  const [es, en] = cells ?? ['', ''];
  const set = (nextEs: string, nextEn: string) => {
    const value = localizedValue(nextEs, nextEn);
    onChange({ extra: withExtra(row.extra, { [prop]: value === '' ? undefined : value }) });
  };
  return (
    <div className="designer-field-pair">
      {(['es', 'en'] as const).map((lang) => (
        <Field
          key={lang}
          label={t(`designer.field.${prop}_${lang}` as MessageKey)}
          hint={lang === 'es' ? hint : undefined}
          error={lang === 'es' ? error : null}
        >
          {(p) => (
            <input
              type="text"
              {...p}
              value={lang === 'es' ? es : en}
              disabled={locked}
              autoComplete="off"
              onChange={(e) => (lang === 'es' ? set(e.target.value, en) : set(es, e.target.value))}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

function ValidationFields({ row, errorOf, onChange, extra }: FieldsProps & { extra: Json }) {
  const { t } = useT();
  const parts = splitValidation(row.validation);
  if (row.validation.trim() === '' && extra.validators !== undefined)
    return <p className="muted">{t('designer.field.validationInExtra')}</p>;
  const set = (patch: Partial<ValidationParts>) => {
    const next = { ...parts, ...patch };
    onChange({
      validation: joinValidation(next, row.validation),
      // No validation, no message: a lone message would be an error on the row.
      ...(next.kind === '' ? { validationMessage_es: '', validationMessage_en: '' } : {}),
    });
  };
  return (
    <>
      <Field label={t('designer.field.validation')} error={errorOf('validation')}>
        {(p) => (
          <select {...p} value={parts.kind} onChange={(e) => set({ kind: e.target.value as ValidationKind })}>
            {VALIDATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`designer.validation.${k === '' ? 'none' : k}`)}
              </option>
            ))}
            {parts.kind === 'custom' && (
              <option value="custom">{t('designer.validation.custom', { cell: row.validation })}</option>
            )}
          </select>
        )}
      </Field>
      {parts.kind === 'regex' && (
        <Field label={t('designer.field.validationPattern')}>
          {(p) => (
            <input
              type="text"
              {...p}
              value={parts.pattern}
              className="mono"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ pattern: e.target.value })}
            />
          )}
        </Field>
      )}
      {(parts.kind === 'numeric' || parts.kind === 'length') && (
        <div className="designer-field-pair">
          {(['lo', 'hi'] as const).map((end) => (
            <Field key={end} label={t(end === 'lo' ? 'designer.field.validationLow' : 'designer.field.validationHigh')}>
              {(p) => (
                <input
                  type="text"
                  {...p}
                  value={parts[end]}
                  inputMode="decimal"
                  autoComplete="off"
                  onChange={(e) => set({ [end]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      )}
      {parts.kind !== '' && <ValidationMessageFields row={row} errorOf={errorOf} onChange={onChange} />}
    </>
  );
}

/** The message shown when the validator fails, in both languages. */
function ValidationMessageFields({ row, errorOf, onChange }: Omit<FieldsProps, 'errorOfKey'>) {
  const { t } = useT();
  return (
    <div className="designer-field-pair">
      <ColumnInput
        row={row}
        col="validationMessage_es"
        label={t('designer.field.validationMessage_es')}
        error={errorOf('validationMessage_es')}
        onChange={onChange}
      />
      <ColumnInput
        row={row}
        col="validationMessage_en"
        label={t('designer.field.validationMessage_en')}
        error={errorOf('validationMessage_en')}
        onChange={onChange}
      />
    </div>
  );
}

/** The answer section of a question's form: shown for the types it concerns, empty otherwise. */
export function AnswerFields(props: FieldsProps) {
  const { row, errorOf, onChange } = props;
  const { t } = useT();
  const headingId = useId();
  const type = row.type;
  const extra = parseExtra(row.extra);
  const concerns = RANGE_TYPES.has(type) || LENGTH_TYPES.has(type) || PLACEHOLDER_TYPES.has(type) || type === 'boolean';
  if (!concerns) return null;
  return (
    <fieldset className="designer-answer" aria-labelledby={headingId}>
      <legend id={headingId}>{t('designer.answer')}</legend>
      <ColumnLimitFields row={row} errorOf={errorOf} onChange={onChange} />
      {extra === null ? (
        <p className="field-error">{t('designer.extraUnreadable')}</p>
      ) : (
        <ExtraAnswerFields {...props} extra={extra} />
      )}
    </fieldset>
  );
}

/** The limits and placeholders stored in their own sheet columns. */
function ColumnLimitFields({ row, errorOf, onChange }: Omit<FieldsProps, 'errorOfKey'>) {
  const { t } = useT();
  const type = row.type;
  const rating = type === 'rating';
  return (
    <>
      {RANGE_TYPES.has(type) && (
        <div className="designer-field-pair">
          <ColumnInput
            row={row}
            col="min"
            label={t(rating ? 'designer.field.rateMin' : 'designer.field.min')}
            error={errorOf('min')}
            numeric
            onChange={onChange}
          />
          <ColumnInput
            row={row}
            col="max"
            label={t(rating ? 'designer.field.rateMax' : 'designer.field.max')}
            error={errorOf('max')}
            numeric
            onChange={onChange}
          />
        </div>
      )}
      {LENGTH_TYPES.has(type) && (
        <ColumnInput
          row={row}
          col="maxLength"
          label={t('designer.field.maxLength')}
          error={errorOf('maxLength')}
          numeric
          onChange={onChange}
        />
      )}
      {PLACEHOLDER_TYPES.has(type) && (
        <div className="designer-field-pair">
          <ColumnInput
            row={row}
            col="placeholder_es"
            label={t('designer.field.placeholder_es')}
            error={errorOf('placeholder_es')}
            onChange={onChange}
          />
          <ColumnInput
            row={row}
            col="placeholder_en"
            label={t('designer.field.placeholder_en')}
            error={null}
            onChange={onChange}
          />
        </div>
      )}
    </>
  );
}

/** The answer's texts and validator kept as keys of `extra` (and the validation columns). */
function ExtraAnswerFields(props: FieldsProps & { extra: Json }) {
  const { row, extra, errorOfKey, onChange } = props;
  const { t } = useT();
  const type = row.type;
  return (
    <>
      {type === 'text' && (
        <>
          <ExtraTextPair
            row={row}
            prop="minErrorText"
            extra={extra}
            hint={t('designer.field.rangeMessageHint')}
            error={errorOfKey('minErrorText')}
            onChange={onChange}
          />
          <ExtraTextPair
            row={row}
            prop="maxErrorText"
            extra={extra}
            error={errorOfKey('maxErrorText')}
            onChange={onChange}
          />
        </>
      )}
      {VALIDATION_TYPES.has(type) && <ValidationFields {...props} extra={extra} />}
      {type === 'boolean' && (
        <>
          <ExtraTextPair row={row} prop="labelTrue" extra={extra} error={errorOfKey('labelTrue')} onChange={onChange} />
          <ExtraTextPair
            row={row}
            prop="labelFalse"
            extra={extra}
            error={errorOfKey('labelFalse')}
            onChange={onChange}
          />
        </>
      )}
      {type === 'rating' && (
        <>
          <ExtraTextPair
            row={row}
            prop="minRateDescription"
            extra={extra}
            error={errorOfKey('minRateDescription')}
            onChange={onChange}
          />
          <ExtraTextPair
            row={row}
            prop="maxRateDescription"
            extra={extra}
            error={errorOfKey('maxRateDescription')}
            onChange={onChange}
          />
        </>
      )}
    </>
  );
}

const CHECK_MODES = ['', 'onValueChanged', 'onComplete'] as const;

/** The survey row's settings that have fields: when SurveyJS checks the answers. */
export function SurveySettings({ row, errorOfKey, onChange }: Omit<FieldsProps, 'errorOf'>) {
  const { t } = useT();
  const extra = parseExtra(row.extra);
  if (extra === null) return <p className="field-error">{t('designer.extraUnreadable')}</p>;
  const mode = typeof extra.checkErrorsMode === 'string' ? extra.checkErrorsMode : '';
  return (
    <Field label={t('designer.field.checkErrorsMode')} error={errorOfKey('checkErrorsMode')}>
      {(p) => (
        <select
          {...p}
          value={mode}
          onChange={(e) => onChange({ extra: withExtra(row.extra, { checkErrorsMode: e.target.value || undefined }) })}
        >
          {CHECK_MODES.map((m) => (
            <option key={m} value={m}>
              {t(m === '' ? 'designer.checkErrors.default' : `designer.checkErrors.${m}`)}
            </option>
          ))}
          {mode !== '' && !(CHECK_MODES as readonly string[]).includes(mode) && <option value={mode}>{mode}</option>}
        </select>
      )}
    </Field>
  );
}
