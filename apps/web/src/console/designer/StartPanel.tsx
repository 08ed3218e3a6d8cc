import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  csvToRows,
  definitionToRows,
  emptyRow,
  jsonToRows,
  xlsxToRows,
  type ParsedSheet,
  type SheetIssue,
} from '@apertura/questionnaire-designer';
import type { Schema } from '../../shared/api';
import { Alert, Button, ErrorAlert, Field } from '../../shared/components';
import { useT } from '../../shared/i18n';
import { useAsync } from '../../shared/useAsync';
import { designerApi, type QuestionnaireKind } from './designer-api';
import { SLUG, type Draft, type Notice } from './designer-model';

type VersionItem = Schema<'QuestionnairePageDto'>['items'][number];
type RoundItem = Schema<'RoundPageDto'>['items'][number];
type StartHandler = (d: Draft, message?: Notice) => void;

const isDefinition = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as Record<string, unknown>).pages);

/** A chosen file as sheet rows: XLSX, JSON (a SurveyJS definition or the designer's rows) or CSV. */
async function parseSheetFile(file: File): Promise<ParsedSheet> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return xlsxToRows(new Uint8Array(await file.arrayBuffer()));
  if (!name.endsWith('.json')) return csvToRows(await file.text());
  try {
    const json: unknown = JSON.parse(await file.text());
    // A SurveyJS definition (an object with pages) or the designer's rows (an array).
    return Array.isArray(json)
      ? jsonToRows(json)
      : isDefinition(json)
        ? { rows: definitionToRows(json), issues: [] }
        : jsonToRows(json);
  } catch {
    return {
      rows: [],
      issues: [
        {
          code: 'SHEET_UNREADABLE_FILE',
          message: { es: 'El archivo no es JSON válido.', en: 'The file is not valid JSON.' },
        },
      ],
    };
  }
}

/** The slug an imported file starts with: its name without extension, lower-case, hyphenated. */
const slugFromFileName = (fileName: string): string =>
  fileName
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'cuestionario';

// ---------------------------------------------------------------------------------------------
// Where a draft comes from: new, a stored version, a round's instrument, or a file
// ---------------------------------------------------------------------------------------------

export function StartPanel({ onStart }: { onStart: StartHandler }) {
  const { t } = useT();
  const versions = useAsync((signal) => designerApi.versions(signal), []);
  const rounds = useAsync((signal) => designerApi.rounds(signal), []);
  const [kind, setKind] = useState<QuestionnaireKind>('institution');
  // A copy starts a new slug (next year's); the guarantor may change it before copying.
  const [copySlug, setCopySlug] = useState(() => `autodiagnostico-${new Date().getFullYear() + 1}`);
  const start = useStartActions(onStart);
  const headingId = useId();

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
        <OpenVersionForm
          versions={versions.data?.items}
          busy={start.busy}
          onOpen={(v) => void start.load(v.id, v.kind, v.slug)}
        />
        <CopyRoundForm
          rounds={rounds.data?.items}
          copySlug={copySlug}
          onCopySlug={setCopySlug}
          busy={start.busy}
          onCopy={(r) => void start.copyRound(r, kind, copySlug)}
        />
        <Field label={t('designer.import')} hint={t('designer.importHint')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.xlsx,.json,text/csv,application/json"
              onChange={(e) => void start.importFile(e, kind)}
            />
          )}
        </Field>
      </div>
      <ErrorAlert error={start.error ?? versions.error ?? rounds.error} />
      <FileIssues issues={start.fileIssues} />
    </section>
  );
}

/** Opening a stored version, copying a round's instrument, importing a file; what went wrong with them. */
function useStartActions(onStart: StartHandler) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileIssues, setFileIssues] = useState<SheetIssue[]>([]);

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

  /**
   * Copies through the API's copy route: the round's instrument is stored (linted again) as a
   * version of the new slug — the server keeps the provenance and refuses another guarantor's
   * round — and that stored version is opened for editing; saving the edits makes the next one.
   */
  async function copyRound(r: RoundItem, kind: QuestionnaireKind, copySlug: string) {
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

  async function importFile(e: ChangeEvent<HTMLInputElement>, kind: QuestionnaireKind) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setFileIssues([]);
    const parsed = await parseSheetFile(file);
    if (parsed.issues.length) {
      setFileIssues(parsed.issues);
      return;
    }
    onStart(
      { kind, slug: slugFromFileName(file.name), rows: parsed.rows },
      { key: 'designer.imported', vars: { n: parsed.rows.length, file: file.name } },
    );
  }

  return { busy, error, fileIssues, load, copyRound, importFile };
}

function OpenVersionForm({
  versions,
  busy,
  onOpen,
}: {
  versions: VersionItem[] | undefined;
  busy: boolean;
  onOpen(v: VersionItem): void;
}) {
  const { t } = useT();
  const [versionId, setVersionId] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const v = versions?.find((i) => i.id === versionId);
    if (v) onOpen(v);
  }
  return (
    <form onSubmit={submit} className="designer-start-form">
      <Field label={t('designer.edit')}>
        {(p) => (
          <select {...p} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            <option value="" />
            {versions?.map((v) => (
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
  );
}

function CopyRoundForm(props: {
  rounds: RoundItem[] | undefined;
  copySlug: string;
  onCopySlug(slug: string): void;
  busy: boolean;
  onCopy(r: RoundItem): void;
}) {
  const { rounds, copySlug, onCopySlug, busy, onCopy } = props;
  const { t } = useT();
  const [roundId, setRoundId] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const r = rounds?.find((i) => i.id === roundId);
    if (!r || !SLUG.test(copySlug)) return;
    onCopy(r);
  }
  return (
    <form onSubmit={submit} className="designer-start-form designer-start-copy">
      <Field label={t('designer.copy')}>
        {(p) => (
          <select {...p} value={roundId} onChange={(e) => setRoundId(e.target.value)}>
            <option value="" />
            {rounds?.map((r) => (
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
            onChange={(e) => onCopySlug(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" busy={busy} disabled={!roundId || !SLUG.test(copySlug)}>
        {t('designer.copySubmit')}
      </Button>
    </form>
  );
}

function FileIssues({ issues }: { issues: SheetIssue[] }) {
  const { lang } = useT();
  if (issues.length === 0) return null;
  return (
    <Alert kind="error">
      <ul>
        {issues.map((i, n) => (
          <li key={n}>{lang === 'es' ? i.message.es : i.message.en}</li>
        ))}
      </ul>
    </Alert>
  );
}
