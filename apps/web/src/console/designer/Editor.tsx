import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { emptyRow, lintSheet, type SheetIssue, type SheetRow } from '@apertura/questionnaire-designer';
import { ApiError } from '../../shared/api';
import { Button, Field, Spinner } from '../../shared/components';
import { useT } from '../../shared/i18n';
import { designerApi, type QuestionnaireKind, type ServerSheetIssue } from './designer-api';
import { CONTAINER_TYPES, nextName, SLUG, type Draft, type Notice } from './designer-model';
import { ExportButtons, RowList, SaveAndLintStatus } from './RowList';
import { RowForm } from './RowForm';

// survey-core + survey-react-ui (~1 MB): loaded only once the preview is shown.
const DesignerPreview = lazy(() => import('./DesignerPreview'));

// ---------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------

export function Editor({ initial }: { initial: Draft }) {
  const { t } = useT();
  const [kind, setKind] = useState<QuestionnaireKind>(initial.kind);
  const [slug, setSlug] = useState(initial.slug);
  const [saved, setSaved] = useState<Notice | null>(null);
  const sheet = useSheetRows(initial, () => setSaved(null));
  const { rows, selected } = sheet;
  const lint = useSheetLint(rows, kind);
  const saving = useSheetSave(kind, slug, rows, setSaved);
  const sel = selected !== null && selected < rows.length ? rows[selected] : null;

  return (
    <div className="designer">
      <section className="card designer-meta" aria-label={t('designer.general')}>
        <MetaFields
          kind={kind}
          onKind={setKind}
          slug={slug}
          onSlug={setSlug}
          docTitle={sheet.docTitle}
          onDocTitle={sheet.setDocTitle}
        />
        <div className="designer-actions">
          <Button
            onClick={() => void saving.save()}
            busy={saving.saving}
            disabled={!lint.ok || !SLUG.test(slug)}
            aria-describedby={!lint.ok ? 'designer-save-blocked' : undefined}
          >
            {t('designer.save')}
          </Button>
          <ExportButtons name={`${slug || 'cuestionario'}`} rows={rows} definition={lint.definition} />
        </div>
        <SaveAndLintStatus
          lintOk={lint.ok}
          issueCount={lint.issues.length}
          general={lint.general}
          serverIssues={saving.serverIssues}
          saved={saved}
          saveError={saving.saveError}
        />
      </section>

      <div className="designer-grid">
        <RowsPanel sheet={sheet} issuesByRow={lint.issuesByRow} />

        <section className="card designer-form" aria-labelledby="designer-form-title">
          <h2 id="designer-form-title">{sel ? `${sel.type} ${sel.name}` : t('designer.selectHint')}</h2>
          {sel && selected !== null && (
            <RowForm
              key={selected}
              row={sel}
              kind={kind}
              rows={rows}
              issues={lint.issuesByRow.get(selected) ?? []}
              onChange={(patch) => sheet.update(selected, patch)}
            />
          )}
        </section>

        <section className="card designer-preview" aria-labelledby="designer-preview-title">
          <h2 id="designer-preview-title">{t('designer.preview')}</h2>
          {lint.sheetReadable ? (
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

/** Lint as the guarantor types, a step behind the keystrokes (the linter loads a survey Model). */
function useSheetLint(rows: SheetRow[], kind: QuestionnaireKind) {
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
  return { ...lint, issuesByRow, general, sheetReadable };
}

type SheetRows = ReturnType<typeof useSheetRows>;

/** The rows being edited and the selected one; every edit calls `edited` (it clears the last save's notice). */
function useSheetRows(initial: Draft, edited: () => void) {
  const [rows, setRows] = useState<SheetRow[]>(initial.rows);
  const [selected, setSelected] = useState<number | null>(() => {
    const first = initial.rows.findIndex((r) => !CONTAINER_TYPES.has(r.type));
    return first >= 0 ? first : initial.rows.length ? 0 : null;
  });
  const surveyRow = rows.findIndex((r) => r.type === 'survey');
  const docTitle = surveyRow >= 0 ? rows[surveyRow].title_es : '';

  function update(i: number, patch: Partial<SheetRow>) {
    edited();
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  }

  function setDocTitle(title: string) {
    edited();
    setRows((rs) =>
      surveyRow >= 0
        ? rs.map((r, k) => (k === surveyRow ? { ...r, title_es: title } : r))
        : [emptyRow({ type: 'survey', title_es: title }), ...rs],
    );
    if (surveyRow < 0 && selected !== null) setSelected(selected + 1);
  }

  function add(type: 'question' | 'page' | 'panel') {
    edited();
    const at = selected !== null ? selected + 1 : rows.length;
    const row = newRow(type, rows, selected !== null ? rows[selected] : rows[rows.length - 1]);
    setRows((rs) => [...rs.slice(0, at), row, ...rs.slice(at)]);
    setSelected(at);
  }

  function move(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    edited();
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });
    if (selected === i) setSelected(j);
  }

  function remove(i: number) {
    edited();
    setRows((rs) => rs.filter((_, k) => k !== i));
    setSelected((s) =>
      s === null ? null : s === i ? (rows.length > 1 ? Math.max(0, i - 1) : null) : s > i ? s - 1 : s,
    );
  }

  return { rows, selected, setSelected, docTitle, setDocTitle, update, add, move, remove };
}

/** A new row of `type`, named after the next free number, on the page (and panel) of the `current` row. */
function newRow(type: 'question' | 'page' | 'panel', rows: SheetRow[], current: SheetRow | undefined): SheetRow {
  const page = current ? (current.type === 'page' ? current.name : current.page) : '';
  if (type === 'page') return emptyRow({ type: 'page', name: nextName(rows, 'page') });
  if (type === 'panel') return emptyRow({ type: 'panel', name: nextName(rows, 'panel'), page });
  return emptyRow({
    type: 'radiogroup',
    name: nextName(rows, 'q'),
    page,
    panel: current?.type === 'panel' ? current.name : (current?.panel ?? ''),
  });
}

/** Saving the rows through the sheet import; the server's issues come back by line. */
function useSheetSave(
  kind: QuestionnaireKind,
  slug: string,
  rows: SheetRow[],
  setSaved: (notice: Notice | null) => void,
) {
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [serverIssues, setServerIssues] = useState<ServerSheetIssue[]>([]);

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

  return { saving, saveError, serverIssues, save };
}

function MetaFields(props: {
  kind: QuestionnaireKind;
  onKind(kind: QuestionnaireKind): void;
  slug: string;
  onSlug(slug: string): void;
  docTitle: string;
  onDocTitle(title: string): void;
}) {
  const { kind, onKind, slug, onSlug, docTitle, onDocTitle } = props;
  const { t } = useT();
  return (
    <div className="designer-meta-grid">
      <Field label={t('designer.kind')}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => onKind(e.target.value as QuestionnaireKind)}>
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
            onChange={(e) => onSlug(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={t('designer.docTitle')}>
        {(p) => <input type="text" {...p} value={docTitle} onChange={(e) => onDocTitle(e.target.value)} />}
      </Field>
    </div>
  );
}

function RowsPanel({ sheet, issuesByRow }: { sheet: SheetRows; issuesByRow: ReadonlyMap<number, SheetIssue[]> }) {
  const { t } = useT();
  return (
    <section className="card designer-list" aria-labelledby="designer-rows-title">
      <h2 id="designer-rows-title">{t('designer.rows')}</h2>
      {sheet.rows.length === 0 && <p className="muted">{t('designer.empty')}</p>}
      <RowList
        rows={sheet.rows}
        selected={sheet.selected}
        issuesByRow={issuesByRow}
        onSelect={sheet.setSelected}
        onMove={sheet.move}
        onRemove={sheet.remove}
      />
      <div className="designer-add" role="group" aria-label={t('designer.add')}>
        <span aria-hidden="true">{t('designer.add')}:</span>
        <Button variant="secondary" small onClick={() => sheet.add('question')}>
          + {t('designer.addQuestion')}
        </Button>
        <Button variant="secondary" small onClick={() => sheet.add('page')}>
          + {t('designer.addPage')}
        </Button>
        <Button variant="secondary" small onClick={() => sheet.add('panel')}>
          + {t('designer.addPanel')}
        </Button>
      </div>
    </section>
  );
}
