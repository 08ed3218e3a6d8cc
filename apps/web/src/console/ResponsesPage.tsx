import { useId, useState } from 'react';
import { downloadFile } from '../shared/api';
import { Button, ErrorAlert, Pagination, Spinner, StatusBadge } from '../shared/components';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { RoundSubPage, SegmentedFilter } from './RoundSubPage';
import { responsesApi, type MicrodataFile, type ResponseState } from './responses-api';

/**
 * Responses of a round for the guarantor's staff (issue #15, item 3): every institution with the
 * state of its self-report, a link to read it, and the microdata downloads.
 */
export function ResponsesPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  return (
    <RoundSubPage roundId={roundId} title={t('responses.title')} intro={t('responses.intro')}>
      <Downloads roundId={roundId} />
      <Institutions roundId={roundId} />
    </RoundSubPage>
  );
}

const FILES: Array<
  [
    MicrodataFile,
    (
      | 'responses.download.answers'
      | 'responses.download.verdicts'
      | 'responses.download.reports'
      | 'responses.download.codebook'
      | 'responses.download.xlsx'
    ),
  ]
> = [
  ['microdata.xlsx', 'responses.download.xlsx'],
  ['answers.csv', 'responses.download.answers'],
  ['verdicts.csv', 'responses.download.verdicts'],
  ['citizen_reports.csv', 'responses.download.reports'],
  ['codebook.csv', 'responses.download.codebook'],
];

function Downloads({ roundId }: { roundId: string }) {
  const { t } = useT();
  const headingId = useId();
  const bomId = useId();
  const [bom, setBom] = useState(false);
  const [busy, setBusy] = useState<MicrodataFile | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(file: MicrodataFile) {
    setError(null);
    setBusy(file);
    try {
      await downloadFile(responsesApi.microdataPath(roundId, file, bom), file);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.downloads')}</h2>
      <p className="muted">{t('responses.downloadsHint')}</p>
      <ErrorAlert error={error} />
      <p>
        <label className="checkbox" htmlFor={bomId}>
          <input id={bomId} type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />{' '}
          <span>{t('responses.bom')}</span>
        </label>
      </p>
      <div className="actions">
        {FILES.map(([file, label]) => (
          <Button
            key={file}
            variant={file.endsWith('.xlsx') ? 'primary' : 'secondary'}
            small
            busy={busy === file}
            onClick={() => void download(file)}
          >
            {t(label)}
          </Button>
        ))}
      </div>
    </section>
  );
}

const STATUS_FILTERS = [undefined, 'submitted', 'draft', 'none'] as const;

function Institutions({ roundId }: { roundId: string }) {
  const { t, dateTime, number } = useT();
  const headingId = useId();
  const [status, setStatus] = useState<ResponseState | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useAsync((signal) => responsesApi.list(roundId, status, page, signal), [roundId, status, page]);
  const d = list.data;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.institutions')}</h2>
      <SegmentedFilter
        label={t('responses.filter')}
        options={STATUS_FILTERS}
        value={status}
        onChange={(s) => {
          setStatus(s);
          setPage(1);
        }}
      >
        {(s) => (s ? <StatusBadge status={s} /> : t('responses.all'))}
      </SegmentedFilter>
      {list.loading && !d && <Spinner />}
      <ErrorAlert error={list.error} />
      {d && d.items.length === 0 && <p>{t('responses.none')}</p>}
      {d && d.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('responses.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('responses.institution')}</th>
                <th scope="col">{t('responses.state')}</th>
                <th scope="col" className="num">
                  {t('responses.versions')}
                </th>
                <th scope="col">{t('responses.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((item) => (
                <tr key={item.institution.id}>
                  <th scope="row">
                    <Link
                      to={`/consola/rondas/${roundId}/respuestas/${item.institution.id}`}
                      aria-label={t('responses.viewNamed', { name: item.institution.name })}
                    >
                      {item.institution.name}
                    </Link>
                    <br />
                    <span className="muted">
                      {item.institution.type} · {item.institution.cvegeo}
                    </span>
                  </th>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td className="num">{number(item.version)}</td>
                  <td>{item.submittedAt ? dateTime(item.submittedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d && <Pagination page={d.page} pageSize={d.pageSize} total={d.total} onPage={setPage} />}
    </section>
  );
}
