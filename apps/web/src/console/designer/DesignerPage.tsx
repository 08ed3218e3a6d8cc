import { lazy, Suspense, useDeferredValue, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  choiceDraftsFromCell,
  choiceDraftsToCell,
  COMPONENTS,
  csvToRows,
  definitionToRows,
  emptyRow,
  jsonToRows,
  lintSheet,
  rowsToCsv,
  rowsToJson,
  rowsToXlsx,
  xlsxToRows,
  type ChoiceDraft,
  type ParsedSheet,
  type SheetColumn,
  type SheetIssue,
  type SheetRow,
} from '@apertura/questionnaire-designer';
import { ApiError } from '../../shared/api';
import { Alert, Button, ErrorAlert, Field, Spinner } from '../../shared/components';
import { useT, type MessageKey } from '../../shared/i18n';
import { usePageTitle } from '../../shared/layout';
import { useAsync } from '../../shared/useAsync';
import { ConsoleNav } from '../ConsoleNav';
import { AnswerFields, columnsClearedFor, SurveySettings } from './AnswerFields';
import { designerApi, type QuestionnaireKind, type ServerSheetIssue } from './designer-api';
import './designer.css';

// survey-core + survey-react-ui (~1 MB): loaded only once the preview is shown.
const DesignerPreview = lazy(() => import('./DesignerPreview'));

const QUESTION_TYPES = [
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'boolean',
  'rating',
  'text',
  'comment',
  'html',
] as const;
const CONTAINER_TYPES = new Set(['survey', 'page', 'panel']);
const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox']);
const INPUT_TYPES = ['', 'number', 'url', 'email', 'date', 'tel'] as const;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

interface Draft {
  kind: QuestionnaireKind;
  slug: string;
  rows: SheetRow[];
}

/** A message kept as its key and values, so it follows a language switch made after it appeared. */
interface Notice {
  key: MessageKey;
  vars: Record<string, string | number>;
}

const isDefinition = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as Record<string, unknown>).pages);

const nextName = (rows: readonly SheetRow[], prefix: string): string => {
  const taken = new Set(rows.map((r) => r.name.toLowerCase()));
  let n = rows.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

/**
 * /consola/cuestionarios (guarantor admins): the questionnaire designer (issue #16, item 1). The
 * questionnaire is edited as sheet rows — one per question, the same columns as the spreadsheet
 * export — and converted, linted and previewed in the browser with the server's own code
 * (libs/questionnaire); saving sends the rows to the sheet import, which stores a NEW version.
 */
export default function DesignerPage() {
  const { t } = useT();
  usePageTitle(t('designer.title'));
  const [draft, setDraft] = useState<Draft | null>(null);
  // Every start (new, opened, copied, imported) is a fresh editor, even with the same slug.
  const [loads, setLoads] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <>
      <ConsoleNav />
      <header className="page-header">
        <h1>{t('designer.title')}</h1>
      </header>
      <p className="muted">{t('designer.intro')}</p>
      {notice && (
        <Alert kind="success">
          <p>{t(notice.key, notice.vars)}</p>
        </Alert>
      )}
      <StartPanel
        onStart={(d, message) => {
          setDraft(d);
          setLoads((n) => n + 1);
          setNotice(message ?? null);
        }}
      />
      {draft && <Editor key={loads} initial={draft} />}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Where a draft comes from: new, a stored version, a round's instrument, or a file
// ---------------------------------------------------------------------------------------------

function StartPanel({ onStart }: { onStart(d: Draft, message?: Notice): void }) {
  const { t, lang } = useT();
  const versions = useAsync((signal) => designerApi.versions(signal), []);
  const rounds = useAsync((signal) => designerApi.rounds(signal), []);
  const [kind, setKind] = useState<QuestionnaireKind>('institution');
  const [versionId, setVersionId] = useState('');
  const [roundId, setRoundId] = useState('');
  // A copy starts a new slug (next year's); the guarantor may change it before copying.
  const [copySlug, setCopySlug] = useState(() => `autodiagnostico-${new Date().getFullYear() + 1}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileIssues, setFileIssues] = useState<SheetIssue[]>([]);
  const headingId = useId();

  async function load(id: string, k: QuestionnaireKind, slug: string) {
    setBusy(true);
    setError(null);
    try {
      const v = await designerApi.version(id);
      onStart({ kind: k, slug, rows: definitionToRows(v.definition) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function openVersion(e: FormEvent) {
    e.preventDefault();
    const v = versions.data?.items.find((i) => i.id === versionId);
    if (v) void load(v.id, v.kind, v.slug);
  }

  /**
   * Copies through the API's copy route: the round's instrument is stored (linted again) as a
   * version of the new slug — the server keeps the provenance and refuses another guarantor's
   * round — and that stored version is opened for editing; saving the edits makes the next one.
   */
  async function copyRound(e: FormEvent) {
    e.preventDefault();
    const r = rounds.data?.items.find((i) => i.id === roundId);
    if (!r || !SLUG.test(copySlug)) return;
    setBusy(true);
    setError(null);
    try {
      const v = await designerApi.copy({ roundId: r.id, kind, slug: copySlug });
      onStart(
        { kind: v.kind, slug: v.slug, rows: definitionToRows(v.definition) },
        { key: 'designer.copied', vars: { round: r.name, version: v.version, slug: v.slug } },
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setFileIssues([]);
    let parsed: ParsedSheet;
    const name = file.name.toLowerCase();
    if (name.endsWith('.xlsx')) parsed = xlsxToRows(new Uint8Array(await file.arrayBuffer()));
    else if (name.endsWith('.json')) {
      try {
        const json: unknown = JSON.parse(await file.text());
        // A SurveyJS definition (an object with pages) or the designer's rows (an array).
        parsed = Array.isArray(json)
          ? jsonToRows(json)
          : isDefinition(json)
            ? { rows: definitionToRows(json), issues: [] }
            : jsonToRows(json);
      } catch {
        parsed = {
          rows: [],
          issues: [
            {
              code: 'SHEET_UNREADABLE_FILE',
              message: { es: 'El archivo no es JSON válido.', en: 'The file is not valid JSON.' },
            },
          ],
        };
      }
    } else parsed = csvToRows(await file.text());
    if (parsed.issues.length) {
      setFileIssues(parsed.issues);
      return;
    }
    onStart(
      {
        kind,
        slug:
          file.name
            .replace(/\.[^.]+$/, '')
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, '-')
            .replace(/^-+|-+$/g, '') || 'cuestionario',
        rows: parsed.rows,
      },
      { key: 'designer.imported', vars: { n: parsed.rows.length, file: file.name } },
    );
  }

  return (
    <section className="card designer-start" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('designer.start')}</h2>
      <div className="designer-start-grid">
        <Field label={t('designer.kind')}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => {
                const next = e.target.value as QuestionnaireKind;
                setKind(next);
                setCopySlug((s) =>
                  s.replace(
                    /^(autodiagnostico|ciudadano)-/,
                    `${next === 'institution' ? 'autodiagnostico' : 'ciudadano'}-`,
                  ),
                );
              }}
            >
              <option value="institution">{t('designer.kind.institution')}</option>
              <option value="citizen">{t('designer.kind.citizen')}</option>
            </select>
          )}
        </Field>
        <div className="designer-start-action">
          <Button
            variant="secondary"
            onClick={() =>
              onStart({
                kind,
                slug: kind === 'institution' ? 'autodiagnostico' : 'ciudadano',
                rows: [emptyRow({ type: 'page', name: 'page1' })],
              })
            }
          >
            {t('designer.new')}
          </Button>
        </div>
        <form onSubmit={openVersion} className="designer-start-form">
          <Field label={t('designer.edit')}>
            {(p) => (
              <select {...p} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
                <option value="" />
                {versions.data?.items.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.title} — {v.slug} v{v.version}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" variant="secondary" busy={busy} disabled={!versionId}>
            {t('designer.editSubmit')}
          </Button>
        </form>
        <form onSubmit={(e) => void copyRound(e)} className="designer-start-form designer-start-copy">
          <Field label={t('designer.copy')}>
            {(p) => (
              <select {...p} value={roundId} onChange={(e) => setRoundId(e.target.value)}>
                <option value="" />
                {rounds.data?.items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('designer.copySlug')} error={SLUG.test(copySlug) ? null : t('designer.slugHint')}>
            {(p) => (
              <input
                type="text"
                {...p}
                value={copySlug}
                onChange={(e) => setCopySlug(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Button type="submit" variant="secondary" busy={busy} disabled={!roundId || !SLUG.test(copySlug)}>
            {t('designer.copySubmit')}
          </Button>
        </form>
        <Field label={t('designer.import')} hint={t('designer.importHint')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.xlsx,.json,text/csv,application/json"
              onChange={(e) => void importFile(e)}
            />
          )}
        </Field>
      </div>
      <ErrorAlert error={error ?? versions.error ?? rounds.error} />
      {fileIssues.length > 0 && (
        <Alert kind="error">
          <ul>
            {fileIssues.map((i, n) => (
              <li key={n}>{lang === 'es' ? i.message.es : i.message.en}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Editor({ initial }: { initial: Draft }) {
  const { t } = useT();
  const [kind, setKind] = useState<QuestionnaireKind>(initial.kind);
  const [slug, setSlug] = useState(initial.slug);
  const [rows, setRows] = useState<SheetRow[]>(initial.rows);
  const [selected, setSelected] = useState<number | null>(() => {
    const first = initial.rows.findIndex((r) => !CONTAINER_TYPES.has(r.type));
    return first >= 0 ? first : initial.rows.length ? 0 : null;
  });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [serverIssues, setServerIssues] = useState<ServerSheetIssue[]>([]);
  const [saved, setSaved] = useState<Notice | null>(null);

  // Lint as the guarantor types, a step behind the keystrokes (the linter loads a survey Model).
  const deferredRows = useDeferredValue(rows);
  const deferredKind = useDeferredValue(kind);
  const lint = useMemo(() => lintSheet(deferredRows, deferredKind), [deferredRows, deferredKind]);
  const issuesByRow = useMemo(() => {
    const m = new Map<number, SheetIssue[]>();
    for (const i of lint.issues) if (i.row !== undefined) m.set(i.row, [...(m.get(i.row) ?? []), i]);
    return m;
  }, [lint]);
  const general = lint.issues.filter((i) => i.row === undefined);
  const sheetReadable = lint.issues.every((i) => !i.code.startsWith('SHEET_'));
  const surveyRow = rows.findIndex((r) => r.type === 'survey');
  const docTitle = surveyRow >= 0 ? rows[surveyRow].title_es : '';

  function update(i: number, patch: Partial<SheetRow>) {
    setSaved(null);
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  }

  function setDocTitle(title: string) {
    setSaved(null);
    setRows((rs) =>
      surveyRow >= 0
        ? rs.map((r, k) => (k === surveyRow ? { ...r, title_es: title } : r))
        : [emptyRow({ type: 'survey', title_es: title }), ...rs],
    );
    if (surveyRow < 0 && selected !== null) setSelected(selected + 1);
  }

  function add(type: 'question' | 'page' | 'panel') {
    setSaved(null);
    const at = selected !== null ? selected + 1 : rows.length;
    const current = selected !== null ? rows[selected] : rows[rows.length - 1];
    const page = current ? (current.type === 'page' ? current.name : current.page) : '';
    let row: SheetRow;
    if (type === 'page') row = emptyRow({ type: 'page', name: nextName(rows, 'page') });
    else if (type === 'panel') row = emptyRow({ type: 'panel', name: nextName(rows, 'panel'), page });
    else
      row = emptyRow({
        type: 'radiogroup',
        name: nextName(rows, 'q'),
        page,
        panel: current?.type === 'panel' ? current.name : (current?.panel ?? ''),
      });
    setRows((rs) => [...rs.slice(0, at), row, ...rs.slice(at)]);
    setSelected(at);
  }

  function move(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    setSaved(null);
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });
    if (selected === i) setSelected(j);
  }

  function remove(i: number) {
    setSaved(null);
    setRows((rs) => rs.filter((_, k) => k !== i));
    setSelected((s) =>
      s === null ? null : s === i ? (rows.length > 1 ? Math.max(0, i - 1) : null) : s > i ? s - 1 : s,
    );
  }

  async function save() {
    setSaving(true);
    setSaveError(null);
    setServerIssues([]);
    setSaved(null);
    try {
      const content = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
      const v = await designerApi.save({ kind, slug, format: 'json', content });
      setSaved({ key: 'designer.saved', vars: { version: v.version, slug: v.slug } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'QUESTIONNAIRE_SHEET_INVALID') {
        const details = e.details as { issues?: ServerSheetIssue[] } | undefined;
        setServerIssues(details?.issues ?? []);
      }
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }

  const exportName = `${slug || 'cuestionario'}`;
  const sel = selected !== null && selected < rows.length ? rows[selected] : null;

  return (
    <div className="designer">
      <section className="card designer-meta" aria-label={t('designer.general')}>
        <div className="designer-meta-grid">
          <Field label={t('designer.kind')}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as QuestionnaireKind)}>
                <option value="institution">{t('designer.kind.institution')}</option>
                <option value="citizen">{t('designer.kind.citizen')}</option>
              </select>
            )}
          </Field>
          <Field
            label={t('designer.slug')}
            hint={t('designer.slugHint')}
            error={SLUG.test(slug) ? null : t('designer.slugHint')}
          >
            {(p) => (
              <input
                type="text"
                {...p}
                value={slug}
                onChange={(e) => setSlug(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label={t('designer.docTitle')}>
            {(p) => <input type="text" {...p} value={docTitle} onChange={(e) => setDocTitle(e.target.value)} />}
          </Field>
        </div>
        <div className="designer-actions">
          <Button
            onClick={() => void save()}
            busy={saving}
            disabled={!lint.ok || !SLUG.test(slug)}
            aria-describedby={!lint.ok ? 'designer-save-blocked' : undefined}
          >
            {t('designer.save')}
          </Button>
          <ExportButtons name={exportName} rows={rows} definition={lint.definition} />
        </div>
        <SaveAndLintStatus
          lintOk={lint.ok}
          issueCount={lint.issues.length}
          general={general}
          serverIssues={serverIssues}
          saved={saved}
          saveError={saveError}
        />
      </section>

      <div className="designer-grid">
        <section className="card designer-list" aria-labelledby="designer-rows-title">
          <h2 id="designer-rows-title">{t('designer.rows')}</h2>
          {rows.length === 0 && <p className="muted">{t('designer.empty')}</p>}
          <RowList
            rows={rows}
            selected={selected}
            issuesByRow={issuesByRow}
            onSelect={setSelected}
            onMove={move}
            onRemove={remove}
          />
          <div className="designer-add" role="group" aria-label={t('designer.add')}>
            <span aria-hidden="true">{t('designer.add')}:</span>
            <Button variant="secondary" small onClick={() => add('question')}>
              + {t('designer.addQuestion')}
            </Button>
            <Button variant="secondary" small onClick={() => add('page')}>
              + {t('designer.addPage')}
            </Button>
            <Button variant="secondary" small onClick={() => add('panel')}>
              + {t('designer.addPanel')}
            </Button>
          </div>
        </section>

        <section className="card designer-form" aria-labelledby="designer-form-title">
          <h2 id="designer-form-title">{sel ? `${sel.type} ${sel.name}` : t('designer.selectHint')}</h2>
          {sel && selected !== null && (
            <RowForm
              key={selected}
              row={sel}
              kind={kind}
              rows={rows}
              issues={issuesByRow.get(selected) ?? []}
              onChange={(patch) => update(selected, patch)}
            />
          )}
        </section>

        <section className="card designer-preview" aria-labelledby="designer-preview-title">
          <h2 id="designer-preview-title">{t('designer.preview')}</h2>
          {sheetReadable ? (
            <Suspense fallback={<Spinner label={t('designer.previewLoading')} />}>
              <DesignerPreview definition={lint.definition} />
            </Suspense>
          ) : (
            <p className="muted">{t('designer.previewUnavailable')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// One row's form
// ---------------------------------------------------------------------------------------------

function RowForm({
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
  const joined = (found: SheetIssue[]): string | null =>
    found.length ? found.map((i) => (lang === 'es' ? i.message.es : i.message.en)).join(' ') : null;
  const errorOf = (col: SheetColumn): string | null =>
    joined(issues.filter((i) => i.column === col || (i.path !== undefined && pathColumn(i.path) === col)));
  const errorOfKey = (key: string): string | null =>
    joined(issues.filter((i) => i.path !== undefined && pathKey(i.path) === key));
  const text = (col: SheetColumn, opts: { multiline?: boolean; hint?: string; mono?: boolean } = {}) => (
    <Field key={col} label={t(`designer.field.${col}` as 'designer.field.name')} hint={opts.hint} error={errorOf(col)}>
      {(p) =>
        opts.multiline ? (
          <textarea
            {...p}
            rows={3}
            value={row[col]}
            onChange={(e) => onChange({ [col]: e.target.value })}
            className={opts.mono ? 'mono' : undefined}
            spellCheck={!opts.mono}
          />
        ) : (
          <input
            type="text"
            {...p}
            value={row[col]}
            onChange={(e) => onChange({ [col]: e.target.value })}
            className={opts.mono ? 'mono' : undefined}
            spellCheck={!opts.mono}
            autoComplete="off"
          />
        )
      }
    </Field>
  );
  const check = (col: 'verifiable' | 'required') => (
    <div className="field field-check" key={col}>
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
  const container = CONTAINER_TYPES.has(row.type);
  const pages = rows.filter((r) => r.type === 'page').map((r) => r.name);
  const panels = rows
    .filter((r) => r.type === 'panel' && r.page === row.page && r.name !== row.name)
    .map((r) => r.name);
  const verifiables = rows.filter((r) => r.verifiable === 'true').map((r) => r.name);

  return (
    <div className="designer-fields">
      {row.type !== 'survey' && (
        <div className="designer-field-pair">
          {!container || row.type === 'panel' ? (
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
          ) : null}
          {text('name', { mono: true })}
        </div>
      )}
      {row.type !== 'survey' && row.type !== 'page' && (
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
      )}
      <div className="designer-field-pair">
        {text('title_es', { multiline: true })}
        {text('title_en', { multiline: true })}
      </div>
      <div className="designer-field-pair">
        {text('description_es', { multiline: true })}
        {text('description_en', { multiline: true })}
      </div>
      {row.type !== 'survey' && text('visibleIf', { mono: true, hint: t('designer.field.visibleIfHint') })}
      {row.type === 'survey' && <SurveySettings row={row} errorOfKey={errorOfKey} onChange={onChange} />}
      {!container && (
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
            {text('weight')}
          </div>
          <div className="designer-field-pair">
            {text('scoreIfHidden')}
            {text('scoreRange', { mono: true })}
          </div>
          <div className="designer-field-pair">
            {check('verifiable')}
            {check('required')}
          </div>
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
          <AnswerFields row={row} errorOf={errorOf} errorOfKey={errorOfKey} onChange={onChange} />
        </>
      )}
      {text('extra', { multiline: true, mono: true, hint: t('designer.field.extraHint') })}
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

function ChoicesEditor({
  legend,
  cell,
  error,
  onChange,
}: {
  legend: string;
  cell: string;
  error: string | null;
  onChange(cell: string): void;
}) {
  const { t } = useT();
  // Drafts keep what is being typed (a choice without a value yet) that the cell cannot hold.
  const [drafts, setDrafts] = useState<ChoiceDraft[]>(() => choiceDraftsFromCell(cell));
  const headingId = useId();
  function set(next: ChoiceDraft[]) {
    setDrafts(next);
    onChange(choiceDraftsToCell(next));
  }
  const patch = (i: number, p: Partial<ChoiceDraft>) => set(drafts.map((d, k) => (k === i ? { ...d, ...p } : d)));
  return (
    <fieldset className="designer-choices" aria-labelledby={headingId}>
      <legend id={headingId}>{legend}</legend>
      {error && <p className="field-error">{error}</p>}
      <ol>
        {drafts.map((d, i) => (
          <li key={i} className="designer-choice" aria-label={t('designer.choice.n', { n: i + 1 })}>
            <label>
              {t('designer.choice.value')}
              <input
                type="text"
                value={d.value}
                onChange={(e) => patch(i, { value: e.target.value })}
                className="mono"
                autoComplete="off"
              />
            </label>
            <label>
              {t('designer.choice.es')}
              <input type="text" value={d.es} onChange={(e) => patch(i, { es: e.target.value })} />
            </label>
            <label>
              {t('designer.choice.en')}
              <input type="text" value={d.en} onChange={(e) => patch(i, { en: e.target.value })} />
            </label>
            <label>
              {t('designer.choice.score')}
              <input
                type="text"
                value={d.score}
                inputMode="decimal"
                disabled={d.notApplicable}
                onChange={(e) => patch(i, { score: e.target.value })}
              />
            </label>
            <label className="designer-choice-flag">
              <input
                type="checkbox"
                checked={d.notApplicable}
                onChange={(e) => patch(i, { notApplicable: e.target.checked, score: e.target.checked ? '' : d.score })}
              />{' '}
              {t('designer.choice.na')}
            </label>
            <label className="designer-choice-flag">
              <input
                type="checkbox"
                checked={d.exclusive}
                onChange={(e) => patch(i, { exclusive: e.target.checked })}
              />{' '}
              {t('designer.choice.exclusive')}
            </label>
            <Button
              variant="quiet"
              small
              onClick={() => set(drafts.filter((_, k) => k !== i))}
              aria-label={t('designer.choice.remove', { n: i + 1 })}
            >
              ✕
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        small
        onClick={() =>
          set([...drafts, { value: '', es: '', en: '', score: '', notApplicable: false, exclusive: false }])
        }
      >
        + {t('designer.choice.add')}
      </Button>
    </fieldset>
  );
}

/** The sheet as downloads: CSV, XLSX and JSON rows, and the SurveyJS definition it compiles to. */
function ExportButtons({ name, rows, definition }: { name: string; rows: SheetRow[]; definition: unknown }) {
  const { t } = useT();
  return (
    <span className="designer-export" role="group" aria-label={t('designer.export')}>
      <span aria-hidden="true">{t('designer.export')}:</span>
      <Button variant="quiet" small onClick={() => download(`${name}.csv`, rowsToCsv(rows), 'text/csv;charset=utf-8')}>
        CSV
      </Button>
      <Button
        variant="quiet"
        small
        onClick={() =>
          download(
            `${name}.xlsx`,
            new Uint8Array(rowsToXlsx(rows)),
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
        }
      >
        XLSX
      </Button>
      <Button variant="quiet" small onClick={() => download(`${name}.json`, rowsToJson(rows), 'application/json')}>
        JSON
      </Button>
      <Button
        variant="quiet"
        small
        onClick={() => download(`${name}.surveyjs.json`, JSON.stringify(definition, null, 2), 'application/json')}
      >
        SurveyJS
      </Button>
    </span>
  );
}

/** The sheet's rows in order, each selectable, movable and removable, with its lint issues under it. */
function RowList({
  rows,
  selected,
  issuesByRow,
  onSelect,
  onMove,
  onRemove,
}: {
  rows: SheetRow[];
  selected: number | null;
  issuesByRow: ReadonlyMap<number, SheetIssue[]>;
  onSelect(i: number): void;
  onMove(i: number, by: -1 | 1): void;
  onRemove(i: number): void;
}) {
  const { t, lang } = useT();
  const msg = (m: { es: string; en: string }) => (lang === 'es' ? m.es : m.en);
  return (
    <ol className="designer-rows">
      {rows.map((r, i) => {
        const issues = issuesByRow.get(i) ?? [];
        const label = r.name || t('designer.unnamed');
        const isContainer = CONTAINER_TYPES.has(r.type);
        return (
          <li
            key={i}
            className={`designer-row${isContainer ? ' designer-row-container' : ''}${selected === i ? ' designer-row-selected' : ''}${issues.length ? ' designer-row-invalid' : ''}`}
          >
            <div className="designer-row-head">
              <button
                type="button"
                className="designer-row-select"
                onClick={() => onSelect(i)}
                aria-current={selected === i ? 'true' : undefined}
              >
                <span className="visually-hidden">{t('designer.selectPrefix')} </span>
                <strong>{label}</strong> <span className="designer-row-type">{r.type}</span>
                {r.title_es && <span className="designer-row-title">{r.title_es}</span>}
              </button>
              <span className="designer-row-tools">
                <Button
                  variant="quiet"
                  small
                  onClick={() => onMove(i, -1)}
                  disabled={i === 0}
                  aria-label={t('designer.moveUp', { name: label })}
                >
                  ↑
                </Button>
                <Button
                  variant="quiet"
                  small
                  onClick={() => onMove(i, 1)}
                  disabled={i === rows.length - 1}
                  aria-label={t('designer.moveDown', { name: label })}
                >
                  ↓
                </Button>
                <Button
                  variant="quiet"
                  small
                  onClick={() => onRemove(i)}
                  aria-label={t('designer.remove', { name: label })}
                >
                  ✕
                </Button>
              </span>
            </div>
            {issues.length > 0 && (
              <ul className="designer-row-issues" aria-label={t('designer.issueCount', { n: issues.length })}>
                {issues.map((is, n) => (
                  <li key={n}>
                    <code>{is.code}</code> {msg(is.message)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Under the save button: why saving is blocked, the outcome of the last save (with the server's issues,
 * by line), and the live count of lint issues with those that belong to no row.
 */
function SaveAndLintStatus({
  lintOk,
  issueCount,
  general,
  serverIssues,
  saved,
  saveError,
}: {
  lintOk: boolean;
  issueCount: number;
  general: SheetIssue[];
  serverIssues: ServerSheetIssue[];
  saved: Notice | null;
  saveError: unknown;
}) {
  const { t, lang } = useT();
  const msg = (m: { es: string; en: string }) => (lang === 'es' ? m.es : m.en);
  return (
    <>
      {!lintOk && (
        <p className="muted" id="designer-save-blocked">
          {t('designer.saveBlocked')}
        </p>
      )}
      {saved && (
        <Alert kind="success">
          <p>{t(saved.key, saved.vars)}</p>
        </Alert>
      )}
      <ErrorAlert error={saveError} />
      {serverIssues.length > 0 && (
        <ul className="designer-issues">
          {serverIssues.map((i, n) => (
            <li key={n}>
              {i.line !== undefined && `${i.line}${i.question ? ` (${i.question})` : ''}: `}
              {msg(i.message)}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite" className="designer-lint-summary">
        {lintOk ? (
          <p className="designer-ok">{t('designer.noIssues')}</p>
        ) : (
          <p>{t('designer.issueCount', { n: issueCount })}</p>
        )}
        {general.length > 0 && (
          <ul className="designer-issues">
            {general.map((i, n) => (
              <li key={n}>{msg(i.message)}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
