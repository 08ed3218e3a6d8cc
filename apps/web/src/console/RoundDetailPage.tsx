import { useId, useState } from 'react';
import { useSession } from '../shared/auth';
import { Alert, ConfirmButton, ErrorAlert, Pagination, ProgressBar, Spinner, StatusBadge } from '../shared/components';
import { useT } from '../shared/i18n';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { consoleApi, type MunicipalityRecruitment, type ProgressCounts, type RoundDetail, type StateRecruitment } from './api';
import { ConsoleNav } from './ConsoleNav';

export function RoundDetailPage({ id }: { id: string }) {
  const { t, dateTime, number } = useT();
  const round = useAsync((signal) => consoleApi.round(id, signal), [id]);
  usePageTitle(round.data?.name ?? t('console.rounds'));
  const session = useSession();
  const isAdmin = session?.user.role === 'guarantor_admin';

  if (round.loading && !round.data) return <Spinner />;
  if (!round.data) {
    return (
      <>
        <ConsoleNav />
        <ErrorAlert error={round.error} />
      </>
    );
  }
  const r = round.data;
  const started = r.status !== 'draft';

  return (
    <>
      <ConsoleNav />
      {r.synthetic && <SyntheticBanner />}
      <p>
        <Link to="/consola">← {t('console.rounds')}</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">
          <StatusBadge status={r.status} />
        </p>
        <h1>{r.name}</h1>
      </header>
      <dl className="facts grid-3">
        <div>
          <dt>{t('console.window')}</dt>
          <dd>
            {dateTime(r.opensAt)} – {dateTime(r.closesAt)}
          </dd>
        </div>
        <div>
          <dt>{t('console.universeSize')}</dt>
          <dd>
            {number(r.universeSize)} {r.universeFrozen ? t('console.frozen') : t('console.notFrozen')}
          </dd>
        </div>
        <div>
          <dt>{t('console.responses')}</dt>
          <dd>{t('console.responseCounts', { submitted: number(r.counts.submitted), drafts: number(r.counts.drafts), invitations: number(r.counts.invitations) })}</dd>
        </div>
        <div>
          <dt>{t('console.institutionQuestionnaire')}</dt>
          <dd>
            {r.institutionQuestionnaire.title} (v{r.institutionQuestionnaire.version})
          </dd>
        </div>
        <div>
          <dt>{t('console.citizenQuestionnaire')}</dt>
          <dd>
            {r.citizenQuestionnaire.title} (v{r.citizenQuestionnaire.version})
          </dd>
        </div>
        <div>
          <dt>{t('console.validation')}</dt>
          <dd>{r.validationOpen ? t('console.validationOpen') : t('console.validationClosed')}</dd>
        </div>
      </dl>
      {isAdmin && <Lifecycle round={r} onChange={round.reload} />}
      {started && <InvitationsSection round={r} isAdmin={isAdmin} />}
      {started && <RecruitmentSection roundId={r.id} />}
    </>
  );
}

function Lifecycle({ round, onChange }: { round: RoundDetail; onChange(): void }) {
  const { t } = useT();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      onChange();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.lifecycle')}</h2>
      <ErrorAlert error={error} />
      {done && <Alert kind="success">{done}</Alert>}
      <div className="actions">
        {round.status === 'draft' && (
          <ConfirmButton
            title={t('console.openTitle')}
            message={<p>{t('console.openConfirm', { count: round.universeSize })}</p>}
            confirmLabel={t('console.open')}
            onConfirm={() => run(() => consoleApi.transition(round.id, 'open'), t('console.opened'))}
          >
            {t('console.open')}
          </ConfirmButton>
        )}
        {round.status === 'open' && (
          <ConfirmButton
            variant="danger"
            title={t('console.closeTitle')}
            message={<p>{t('console.closeConfirm')}</p>}
            confirmLabel={t('console.close')}
            onConfirm={() => run(() => consoleApi.transition(round.id, 'close'), t('console.closed'))}
          >
            {t('console.close')}
          </ConfirmButton>
        )}
        {round.status === 'closed' && (
          <ConfirmButton
            title={t('console.publishTitle')}
            message={<p>{t('console.publishConfirm')}</p>}
            confirmLabel={t('console.publish')}
            onConfirm={() => run(() => consoleApi.transition(round.id, 'publish'), t('console.published'))}
          >
            {t('console.publish')}
          </ConfirmButton>
        )}
        {round.status !== 'draft' && round.status !== 'published' && (
          <ConfirmButton
            variant="secondary"
            title={round.validationOpen ? t('console.closeValidationTitle') : t('console.openValidationTitle')}
            message={<p>{round.validationOpen ? t('console.closeValidationConfirm') : t('console.openValidationConfirm')}</p>}
            confirmLabel={round.validationOpen ? t('console.closeValidation') : t('console.openValidation')}
            onConfirm={() =>
              run(
                () => consoleApi.setValidation(round.id, !round.validationOpen),
                round.validationOpen ? t('console.validationClosedDone') : t('console.validationOpenedDone'),
              )
            }
          >
            {round.validationOpen ? t('console.closeValidation') : t('console.openValidation')}
          </ConfirmButton>
        )}
      </div>
    </section>
  );
}

const STAGES: (keyof ProgressCounts)[] = ['mailed', 'opened', 'draft', 'submitted'];

function InvitationsSection({ round, isAdmin }: { round: RoundDetail; isAdmin: boolean }) {
  const { t, number } = useT();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const progress = useAsync((signal) => consoleApi.progress(round.id, page, signal), [round.id, page]);
  const [error, setError] = useState<unknown>(null);
  const [queued, setQueued] = useState<number | null>(null);
  const p = progress.data;

  async function remind() {
    setError(null);
    setQueued(null);
    try {
      setQueued((await consoleApi.remind(round.id)).count);
    } catch (err) {
      setError(err);
    }
  }

  const stageLabel = (s: keyof ProgressCounts) => t(`console.stage.${s}`);

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.invitations')}</h2>
      {progress.loading && !p && <Spinner />}
      <ErrorAlert error={progress.error} />
      {p && (
        <>
          <div className="card">
            <p>{t('console.invited', { count: number(p.totals.invited) })}</p>
            {STAGES.map((s) => (
              <ProgressBar
                key={s}
                value={p.totals[s]}
                max={p.totals.invited}
                label={stageLabel(s)}
                detail={t('console.ofTotal', { value: number(p.totals[s]), total: number(p.totals.invited) })}
                tone={s === 'submitted' ? 'success' : 'default'}
              />
            ))}
            {isAdmin && round.status === 'open' && (
              <div className="actions">
                <ConfirmButton
                  variant="secondary"
                  title={t('console.remindTitle')}
                  message={<p>{t('console.remindConfirm', { count: number(p.totals.invited - p.totals.submitted) })}</p>}
                  confirmLabel={t('console.remind')}
                  onConfirm={remind}
                >
                  {t('console.remind')}
                </ConfirmButton>
              </div>
            )}
            <ErrorAlert error={error} />
            {queued !== null && <Alert kind="success">{t('console.remindersQueued', { count: number(queued) })}</Alert>}
          </div>
          {p.states.length > 0 && <ProgressTable caption={t('console.byState')} rows={p.states.map((s) => ({ ...s, key: s.cveEnt, name: s.name ?? s.cveEnt }))} />}
          {p.municipalities.items.length > 0 && (
            <>
              <ProgressTable
                caption={t('console.byMunicipality')}
                rows={p.municipalities.items.map((m) => ({ ...m, key: m.cvegeo, name: m.name ?? m.cvegeo }))}
              />
              <Pagination page={p.municipalities.page} pageSize={p.municipalities.pageSize} total={p.municipalities.total} onPage={setPage} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function ProgressTable({ caption, rows }: { caption: string; rows: (ProgressCounts & { key: string; name: string })[] }) {
  const { t, number } = useT();
  const pct = (v: number, of: number) => (of ? number(v / of, { style: 'percent', maximumFractionDigits: 0 }) : '—');
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.area')}</th>
            <th scope="col" className="num">
              {t('console.stage.invited')}
            </th>
            {STAGES.map((s) => (
              <th key={s} scope="col" className="num">
                {t(`console.stage.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num">{number(r.invited)}</td>
              {STAGES.map((s) => (
                <td key={s} className="num">
                  {number(r[s])} <span className="muted">({pct(r[s], r.invited)})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecruitmentSection({ roundId }: { roundId: string }) {
  const { t, pick, number } = useT();
  const headingId = useId();
  const [level, setLevel] = useState<'municipality' | 'state'>('state');
  const [page, setPage] = useState(1);
  const data = useAsync((signal) => consoleApi.recruitment<MunicipalityRecruitment | StateRecruitment>(roundId, level, page, signal), [roundId, level, page]);
  const d = data.data;

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.recruitment')}</h2>
      <div className="segmented" role="group" aria-label={t('console.recruitmentLevel')}>
        {(['state', 'municipality'] as const).map((l) => (
          <button
            key={l}
            type="button"
            className={`btn btn-small ${level === l ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={level === l}
            onClick={() => {
              setLevel(l);
              setPage(1);
            }}
          >
            {t(`console.level.${l}`)}
          </button>
        ))}
      </div>
      {data.loading && !d && <Spinner />}
      <ErrorAlert error={data.error} />
      {d && (
        <>
          <Alert kind="info" live={false}>
            <p>{pick(d.notice)}</p>
          </Alert>
          <dl className="facts grid-3">
            <div>
              <dt>{t('console.rec.subjects')}</dt>
              <dd>
                {number(d.totals.subjectsWithCitizenData)} / {number(d.totals.subjects)}
              </dd>
            </div>
            <div>
              <dt>{t('console.rec.validators')}</dt>
              <dd>{number(d.totals.validatorsRegistered)}</dd>
            </div>
            <div>
              <dt>{t('console.rec.active')}</dt>
              <dd>{number(d.totals.activeAssignments)}</dd>
            </div>
            <div>
              <dt>{t('console.rec.reports')}</dt>
              <dd>{number(d.totals.reportsReceived)}</dd>
            </div>
            <div>
              <dt>{t('console.rec.needed')}</dt>
              <dd>{number(d.totals.needed)}</dd>
            </div>
            <div>
              <dt>{t('console.rec.source')}</dt>
              <dd>{d.source === 'metric' ? t('console.rec.sourceMetric') : t('console.rec.sourceThreshold')}</dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('console.recruitment')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.area')}</th>
                  <th scope="col" className="num">
                    {t('console.rec.subjectsShort')}
                  </th>
                  <th scope="col" className="num">
                    {t('console.rec.validators')}
                  </th>
                  <th scope="col" className="num">
                    {t('console.rec.active')}
                  </th>
                  <th scope="col" className="num">
                    {t('console.rec.reports')}
                  </th>
                  <th scope="col" className="num">
                    {t('console.rec.needed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((row) => {
                  const key = 'cvegeo' in row ? row.cvegeo : row.cveEnt;
                  const name = 'cvegeo' in row ? `${row.name}, ${row.stateName}` : row.name;
                  return (
                    <tr key={key}>
                      <th scope="row">{name}</th>
                      <td className="num">
                        {number(row.subjectsWithCitizenData)} / {number(row.subjects)}
                      </td>
                      <td className="num">{number(row.validatorsRegistered)}</td>
                      <td className="num">{number(row.activeAssignments)}</td>
                      <td className="num">{number(row.reportsReceived)}</td>
                      <td className="num">
                        <strong>{number(row.needed)}</strong>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={d.page} pageSize={d.pageSize} total={d.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
