import { rowsToCsv, rowsToJson, rowsToXlsx, type SheetIssue, type SheetRow } from '@apertura/questionnaire-designer';
import { Alert, Button, ErrorAlert } from '../../shared/components';
import { useT } from '../../shared/i18n';
import type { ServerSheetIssue } from './designer-api';
import { CONTAINER_TYPES, type Notice } from './designer-model';

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

export /** The sheet as downloads: CSV, XLSX and JSON rows, and the SurveyJS definition it compiles to. */
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
export function RowList({
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
  return (
    <ol className="designer-rows">
      {rows.map((r, i) => (
        <RowItem
          key={i}
          row={r}
          index={i}
          last={i === rows.length - 1}
          selected={selected === i}
          issues={issuesByRow.get(i) ?? []}
          onSelect={() => onSelect(i)}
          onMove={(by) => onMove(i, by)}
          onRemove={() => onRemove(i)}
        />
      ))}
    </ol>
  );
}

function RowItem(props: {
  row: SheetRow;
  index: number;
  last: boolean;
  selected: boolean;
  issues: SheetIssue[];
  onSelect(): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { row: r, index: i, last, selected, issues, onSelect, onMove, onRemove } = props;
  const { t, lang } = useT();
  const msg = (m: { es: string; en: string }) => (lang === 'es' ? m.es : m.en);
  const label = r.name || t('designer.unnamed');
  const isContainer = CONTAINER_TYPES.has(r.type);
  return (
    <li
      className={`designer-row${isContainer ? ' designer-row-container' : ''}${selected ? ' designer-row-selected' : ''}${issues.length ? ' designer-row-invalid' : ''}`}
    >
      <div className="designer-row-head">
        <button
          type="button"
          className="designer-row-select"
          onClick={onSelect}
          aria-current={selected ? 'true' : undefined}
        >
          <span className="visually-hidden">{t('designer.selectPrefix')} </span>
          <strong>{label}</strong> <span className="designer-row-type">{r.type}</span>
          {r.title_es && <span className="designer-row-title">{r.title_es}</span>}
        </button>
        <span className="designer-row-tools">
          <Button
            variant="quiet"
            small
            onClick={() => onMove(-1)}
            disabled={i === 0}
            aria-label={t('designer.moveUp', { name: label })}
          >
            ↑
          </Button>
          <Button
            variant="quiet"
            small
            onClick={() => onMove(1)}
            disabled={last}
            aria-label={t('designer.moveDown', { name: label })}
          >
            ↓
          </Button>
          <Button variant="quiet" small onClick={onRemove} aria-label={t('designer.remove', { name: label })}>
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
}

/**
 * Under the save button: why saving is blocked, the outcome of the last save (with the server's issues,
 * by line), and the live count of lint issues with those that belong to no row.
 */
export function SaveAndLintStatus({
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
