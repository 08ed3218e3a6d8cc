import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { useSession } from '../shared/auth';
import {
  Alert,
  Button,
  ConfirmButton,
  ErrorAlert,
  Field,
  Pagination,
  ProgressBar,
  Spinner,
} from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { useAsync, type AsyncState } from '../shared/useAsync';
import {
  consoleApi,
  isImportJob,
  type PadronStatus,
  type UniverseImportJob,
  type UniverseImportResult,
  type UniverseInstitution,
  type UniverseInvalidDetails,
  type UniverseSummary,
} from './api';
import { ConsoleNav } from './ConsoleNav';

/**
 * Spreadsheets exported on Windows in Mexico are often Windows-1252, not UTF-8: decoding them as UTF-8
 * would turn "Querétaro" into "Quer�taro". Strict UTF-8 first, then Windows-1252.
 */
export function decodeCsv(bytes: ArrayBuffer): { text: string; converted: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), converted: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), converted: true };
  }
}

/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

function isInvalidDetails(d: unknown): d is UniverseInvalidDetails {
  return typeof d === 'object' && d !== null && Array.isArray((d as UniverseInvalidDetails).errors);
}

/** The background import being followed: polled until it ends, and no longer once the page is left. */
function useImportJob() {
  const [job, setJob] = useState<UniverseImportJob | null>(null);
  const polling = useRef<AbortController | null>(null);
  // Leaving the page stops polling (the import itself goes on in the worker).
  useEffect(() => () => polling.current?.abort(), []);

  /** Polls a background import until it ends; its outcome is the synchronous route's answer. */
  async function follow(first: UniverseImportJob): Promise<UniverseImportResult> {
    polling.current?.abort();
    const ctrl = new AbortController();
    polling.current = ctrl;
    let current = first;
    setJob(current);
    while (current.state !== 'done' && current.state !== 'failed') {
      await sleep(POLL_MS, ctrl.signal);
      current = await consoleApi.universeImport(current.id, ctrl.signal);
      setJob(current);
    }
    if (current.state === 'failed' || !current.result) {
      const e = current.error;
      throw new ApiError(
        422,
        e ?? {
          code: 'INTERNAL',
          message: 'Internal error.',
          messages: { es: 'Error interno.', en: 'Internal error.' },
        },
      );
    }
    return current.result;
  }

  return { job, setJob, follow };
}

export function UniverseImportPage() {
  const { t } = useT();
  usePageTitle(t('universe.title'));
  const isAdmin = useSession()?.user.role === 'guarantor_admin';
  const summary = useAsync((signal) => consoleApi.universeSummary(signal), []);
  return (
    <>
      <ConsoleNav />
      <h1>{t('universe.title')}</h1>
      <UniverseSummaryCard summary={summary} />

      <PadronList isAdmin={isAdmin} onChange={summary.reload} />

      {isAdmin ? <ImportSection onImported={summary.reload} /> : <Alert kind="info">{t('universe.adminOnly')}</Alert>}
    </>
  );
}

/**
 * Choosing a file, checking it (dry run) and importing it: the check must pass first, and a large file
 * runs as a background job that is followed until it ends.
 */
function useUniverseImport(onImported: () => void) {
  const { t } = useT();
  const [csv, setCsv] = useState<{ name: string; text: string; converted: boolean } | null>(null);
  const [checked, setChecked] = useState<UniverseImportResult | null>(null);
  const [imported, setImported] = useState<UniverseImportResult | null>(null);
  const [invalid, setInvalid] = useState<UniverseInvalidDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { job, setJob, follow } = useImportJob();

  async function choose(file: File | undefined) {
    setChecked(null);
    setImported(null);
    setInvalid(null);
    setError(null);
    setFileError(null);
    if (!file) {
      setCsv(null);
      return;
    }
    const decoded = decodeCsv(await file.arrayBuffer());
    setCsv({ name: file.name, ...decoded });
  }

  async function run(dryRun: boolean) {
    if (!csv) {
      setFileError(t('universe.chooseFile'));
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    setInvalid(null);
    setImported(null);
    setJob(null);
    try {
      const answer = await consoleApi.importUniverse(csv.text, dryRun);
      const result = isImportJob(answer) ? await follow(answer) : answer;
      if (dryRun) setChecked(result);
      else {
        setImported(result);
        setChecked(null);
        onImported();
      }
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setChecked(null);
      if (err instanceof ApiError && err.code === 'UNIVERSE_INVALID' && isInvalidDetails(err.details))
        setInvalid(err.details);
      else setError(err);
    } finally {
      setBusy(null);
    }
  }

  return { csv, checked, imported, invalid, error, busy, fileError, job, choose, run };
}

/** The import form (admins only) and what the check or import found. */
function ImportSection({ onImported }: { onImported(): void }) {
  const { t } = useT();
  const headingId = useId();
  const { csv, checked, imported, invalid, error, busy, fileError, job, choose, run } = useUniverseImport(onImported);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(true);
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('universe.importTitle')}</h2>
      <FormatHelp />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label={t('universe.file')} hint={t('universe.fileHint')} error={fileError}>
          {(a) => (
            <input
              {...a}
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          )}
        </Field>
        {csv?.converted && <Alert kind="info">{t('universe.converted')}</Alert>}
        <div className="actions">
          <Button type="submit" variant="secondary" busy={busy === 'check'} disabled={busy !== null}>
            {t('universe.check')}
          </Button>
          <Button onClick={() => void run(false)} busy={busy === 'import'} disabled={busy !== null || !checked}>
            {t('universe.import')}
          </Button>
        </div>
        {!checked && !imported && csv && <p className="muted">{t('universe.checkFirst')}</p>}
      </form>
      {job && busy !== null && <ImportProgress job={job} />}
      <ErrorAlert error={error} />
      {checked && (
        <Alert kind="success" title={t('universe.checkedTitle')}>
          <ImportCounts result={checked} />
        </Alert>
      )}
      {imported && (
        <Alert kind="success" title={t('universe.importedTitle')}>
          <ImportCounts result={imported} />
        </Alert>
      )}
      {invalid && <InvalidRows invalid={invalid} />}
    </section>
  );
}

/** The expected columns, with an example row. */
function FormatHelp() {
  const { t } = useT();
  return (
    <>
      <p>{t('universe.format')}</p>
      <pre className="code-sample">
        name,type,level,cve_ent,cvegeo,email,key{'\n'}Ayuntamiento de
        Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.gob.mx,toluca-ayto
      </pre>
      <p className="muted">{t('universe.formatNotes')}</p>
    </>
  );
}

/** How far the background check or import has got. */
function ImportProgress({ job }: { job: UniverseImportJob }) {
  const { t, number } = useT();
  return (
    <div className="section" aria-live="polite">
      <ProgressBar
        value={job.progress.percent}
        max={100}
        label={t(job.dryRun ? 'universe.jobChecking' : 'universe.jobImporting')}
        detail={t(`universe.jobState.${job.state}`, {
          rows: number(job.progress.rowsProcessed),
          errors: number(job.progress.errorCount),
        })}
      />
      <p className="muted">{t('universe.jobNote')}</p>
    </div>
  );
}

function ImportCounts({ result }: { result: UniverseImportResult }) {
  const { t, number } = useT();
  return (
    <ul className="plain">
      <li>{t('universe.rows', { count: number(result.total) })}</li>
      <li>{t('universe.inserted', { count: number(result.inserted) })}</li>
      <li>{t('universe.updated', { count: number(result.updated) })}</li>
      <li>{t('universe.unchanged', { count: number(result.unchanged) })}</li>
      <li>{t('universe.notInFile', { count: number(result.notInFile) })}</li>
    </ul>
  );
}

/** The padrón, filtered by status and name; admins retire or reactivate an institution from its row. */
function PadronList({ isAdmin, onChange }: { isAdmin: boolean; onChange(): void }) {
  const { t } = useT();
  const headingId = useId();
  const [status, setStatus] = useState<PadronStatus>('active');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useAsync(
    (signal) => consoleApi.institutions({ page, status, q: q.trim() || undefined }, signal),
    [page, status, q],
  );

  async function toggle(i: UniverseInstitution, retire: boolean) {
    setError(null);
    setNotice(null);
    try {
      await consoleApi.setRetired(i.id, retire);
      setNotice(t(retire ? 'universe.retiredDone' : 'universe.reactivated', { name: i.name }));
      list.reload();
      onChange();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('universe.listTitle')}</h2>
      <p className="muted">{t('universe.listHint')}</p>
      <PadronFilters
        status={status}
        q={q}
        onStatus={(v) => {
          setStatus(v);
          setPage(1);
        }}
        onQ={(v) => {
          setQ(v);
          setPage(1);
        }}
      />
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorAlert error={error ?? list.error} />
      {list.loading && !list.data && <Spinner />}
      {list.data && list.data.items.length === 0 && <p>{t('universe.noInstitutions')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="padron-table">
            <caption className="visually-hidden">{t('universe.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('universe.colName')}</th>
                <th scope="col">{t('universe.colPlace')}</th>
                <th scope="col">{t('universe.colStatus')}</th>
                {isAdmin && <th scope="col">{t('universe.colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <PadronRow key={i.id} institution={i} isAdmin={isAdmin} onToggle={toggle} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

/** Filter the padrón by status (active, retired, all) and by name. */
function PadronFilters({
  status,
  q,
  onStatus,
  onQ,
}: {
  status: PadronStatus;
  q: string;
  onStatus(status: PadronStatus): void;
  onQ(q: string): void;
}) {
  const { t } = useT();
  return (
    <div className="filters">
      <Field label={t('universe.filterStatus')}>
        {(a) => (
          <select {...a} value={status} onChange={(e) => onStatus(e.target.value as PadronStatus)}>
            <option value="active">{t('universe.statusActive')}</option>
            <option value="retired">{t('universe.statusRetired')}</option>
            <option value="all">{t('universe.statusAll')}</option>
          </select>
        )}
      </Field>
      <Field label={t('universe.search')}>
        {(a) => <input {...a} type="search" value={q} maxLength={200} onChange={(e) => onQ(e.target.value)} />}
      </Field>
    </div>
  );
}

/** One institution of the padrón; for admins, retire (confirmed) or reactivate it. */
function PadronRow({
  institution: i,
  isAdmin,
  onToggle,
}: {
  institution: UniverseInstitution;
  isAdmin: boolean;
  onToggle(i: UniverseInstitution, retire: boolean): Promise<void>;
}) {
  const { t, date } = useT();
  return (
    <tr data-testid="padron-row" data-retired={i.retiredAt ? 'true' : 'false'}>
      <th scope="row">{i.name}</th>
      <td>
        {i.municipalityName}, {i.stateName}
      </td>
      <td>{i.retiredAt ? t('universe.retiredOn', { date: date(i.retiredAt) }) : t('universe.active')}</td>
      {isAdmin && (
        <td>
          {i.retiredAt ? (
            <Button small variant="secondary" onClick={() => void onToggle(i, false)}>
              {t('universe.reactivate')}
            </Button>
          ) : (
            <ConfirmButton
              small
              variant="secondary"
              title={t('universe.retireTitle')}
              message={t('universe.retireMessage', { name: i.name })}
              confirmLabel={t('universe.retire')}
              onConfirm={() => onToggle(i, true)}
            >
              {t('universe.retire')}
            </ConfirmButton>
          )}
        </td>
      )}
    </tr>
  );
}

/** The universe as it stands: how many obliged subjects, municipalities and states, by level; retired ones. */
function UniverseSummaryCard({ summary }: { summary: AsyncState<UniverseSummary> }) {
  const { t, number, maybe } = useT();
  const s = summary.data;
  return (
    <section className="card">
      <h2>{t('universe.current')}</h2>
      {summary.loading && !s && <Spinner />}
      <ErrorAlert error={summary.error} />
      {s && (
        <>
          <p>
            {t('universe.summary', {
              total: number(s.total),
              municipalities: number(s.municipalities),
              states: number(s.byState.length),
            })}
          </p>
          {s.byLevel.length > 0 && (
            <p className="muted">
              {s.byLevel.map((l) => `${maybe(`level.${l.level}`, l.level)}: ${number(l.count)}`).join(' · ')}
            </p>
          )}
          {s.retired > 0 && <p className="muted">{t('universe.retiredCount', { count: number(s.retired) })}</p>}
        </>
      )}
    </section>
  );
}

/** Why a file was refused: counts, then the first errors by line and column. */
function InvalidRows({ invalid }: { invalid: UniverseInvalidDetails }) {
  const { t, number, pick } = useT();
  return (
    <>
      <Alert kind="error" title={t('universe.invalidTitle', { count: number(invalid.errorCount) })}>
        <p>{t('universe.invalidBody', { rows: number(invalid.rowsRead) })}</p>
        {invalid.errorCount > invalid.errors.length && (
          <p>{t('universe.firstErrors', { shown: number(invalid.errors.length) })}</p>
        )}
      </Alert>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('universe.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('universe.line')}
              </th>
              <th scope="col">{t('universe.column')}</th>
              <th scope="col">{t('universe.problem')}</th>
              <th scope="col">{t('universe.code')}</th>
            </tr>
          </thead>
          <tbody>
            {invalid.errors.map((e, i) => (
              <tr key={`${e.line}-${e.column}-${i}`}>
                <td className="num">{e.line}</td>
                <td>{e.column ?? '—'}</td>
                <td>{pick(e.message)}</td>
                <td>
                  <code>{e.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
