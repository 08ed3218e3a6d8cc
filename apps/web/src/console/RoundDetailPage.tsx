import { useId, useState, type FormEvent, type ReactNode } from 'react';
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
  StatusBadge,
} from '../shared/components';
import { useT } from '../shared/i18n';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import {
  consoleApi,
  type MunicipalityRecruitment,
  type ProgressCounts,
  type Recruitment,
  type RoundDetail,
  type StateRecruitment,
} from './api';
import { ConsoleNav } from './ConsoleNav';
import { SegmentedFilter } from './RoundSubPage';
import { ValidatorsProfileSection } from '../results/ValidatorsProfile';
import { DueProcessSection, PublicationStatus } from './DueProcessSection';
import { DashboardLinks, DraftEditSection, PublishDialogButton } from './RoundAdmin';
import { RoundMailTrouble } from './MailPage';
import {
  apiMessages,
  buildDesign,
  designFormValues,
  type DesignFormValues,
  type FormMessage,
  type Slot,
  type SlotMessage,
  type UniverseState,
} from './design-form';

export function RoundDetailPage({ id }: { id: string }) {
  const { t } = useT();
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
      <RoundFacts round={r} />
      <DashboardLinks round={r} />
      {isAdmin && r.status === 'draft' && <DraftEditSection key={r.updatedAt} round={r} onSaved={round.reload} />}
      <DesignSection round={r} canEdit={isAdmin} onSaved={round.reload} />
      <DueProcessSection round={r} isAdmin={isAdmin} />
      <PublicationStatus round={r} onRefresh={round.reload} />
      {isAdmin && <Lifecycle round={r} onChange={round.reload} />}
      {started && <InvitationsSection round={r} isAdmin={isAdmin} />}
      {started && <RecruitmentSection roundId={r.id} />}
      {/* Issue #18: who validated (aggregate, suppressed), beside the recruitment plan. */}
      {started && <ValidatorsProfileSection roundId={r.id} />}
    </>
  );
}

/** The round at a glance: window, universe, responses, co-signing, questionnaires and validation. */
function RoundFacts({ round }: { round: RoundDetail }) {
  const { t, dateTime, number } = useT();
  return (
    <dl className="facts grid-3">
      <div>
        <dt>{t('console.window')}</dt>
        <dd>
          {dateTime(round.opensAt)} – {dateTime(round.closesAt)}
        </dd>
      </div>
      <div>
        <dt>{t('console.universeSize')}</dt>
        <dd>
          {number(round.universeSize)} {round.universeFrozen ? t('console.frozen') : t('console.notFrozen')}
        </dd>
      </div>
      <div>
        <dt>{t('console.responses')}</dt>
        <dd>
          {t('console.responseCounts', {
            submitted: number(round.counts.submitted),
            drafts: number(round.counts.drafts),
            invitations: number(round.counts.invitations),
          })}{' '}
          <Link to={`/consola/rondas/${round.id}/respuestas`}>{t('responses.open')}</Link>
          {round.status === 'published' && (
            <>
              {' · '}
              <Link to={`/consola/rondas/${round.id}/compromisos`}>{t('commit.linkConsole')}</Link>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('cosign.open')}</dt>
        <dd>
          <Link to={`/consola/rondas/${round.id}/cofirma`}>{t('cosign.consoleTitle')}</Link>
        </dd>
      </div>
      <div>
        <dt>{t('console.institutionQuestionnaire')}</dt>
        <dd>
          {round.institutionQuestionnaire.title} (v{round.institutionQuestionnaire.version})
        </dd>
      </div>
      <div>
        <dt>{t('console.citizenQuestionnaire')}</dt>
        <dd>
          {round.citizenQuestionnaire.title} (v{round.citizenQuestionnaire.version})
        </dd>
      </div>
      <div>
        <dt>{t('console.validation')}</dt>
        <dd>{round.validationOpen ? t('console.validationOpen') : t('console.validationClosed')}</dd>
      </div>
    </dl>
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
          // Shows coverage first and asks for an acknowledgement when most values are not conclusive (issue #15).
          <PublishDialogButton
            round={round}
            onPublished={() => {
              setError(null);
              setDone(t('publication.requested'));
              onChange();
            }}
          />
        )}
        {round.status !== 'draft' && round.status !== 'published' && (
          <ConfirmButton
            variant="secondary"
            title={round.validationOpen ? t('console.closeValidationTitle') : t('console.openValidationTitle')}
            message={
              <p>{round.validationOpen ? t('console.closeValidationConfirm') : t('console.openValidationConfirm')}</p>
            }
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

function DesignSection({ round, canEdit, onSaved }: { round: RoundDetail; canEdit: boolean; onSaved(): void }) {
  const { t, pick } = useT();
  const headingId = useId();
  const [saved, setSaved] = useState(false);
  const editable = canEdit && round.status === 'draft';
  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.title')}</h2>
      <p className="muted">{t('design.intro')}</p>
      {round.status === 'draft' && round.designProblems.length > 0 && (
        <Alert kind="warning" title={t('design.problemsTitle')}>
          <ul>
            {round.designProblems.map((p) => (
              <li key={`${p.path}:${p.en}`}>{pick(p)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {saved && <Alert kind="success">{t('design.saved')}</Alert>}
      {editable ? (
        // Remounted after each save so the inputs show what was stored (sorted, normalised).
        <DesignForm
          key={round.updatedAt}
          round={round}
          onSaving={() => setSaved(false)}
          onSaved={() => {
            setSaved(true);
            onSaved();
          }}
        />
      ) : (
        <DesignView round={round} />
      )}
    </section>
  );
}

function DesignView({ round }: { round: RoundDetail }) {
  const { t, number } = useT();
  const d = round.design;
  const population = new Map(d.kind === 'sample' ? d.states.map((s) => [s.cveEnt, s.population]) : []);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('design.kind')}</dt>
          <dd>{d.kind === 'sample' ? t('design.sample') : t('design.census')}</dd>
        </div>
        {d.kind === 'sample' && (d.municipalities?.length ?? 0) > 0 && (
          <div>
            <dt>{t('design.municipalitiesDeclared')}</dt>
            <dd>{number(d.municipalities?.length ?? 0)}</dd>
          </div>
        )}
      </dl>
      {round.status !== 'draft' && <p className="muted">{t('design.frozen')}</p>}
      {d.kind === 'sample' && (
        <StatesTable
          states={round.universeStates}
          population={(s) =>
            population.has(s.cveEnt) ? number(population.get(s.cveEnt) ?? 0) : t('design.notDeclared')
          }
        />
      )}
    </>
  );
}

function DesignForm({ round, onSaving, onSaved }: { round: RoundDetail; onSaving(): void; onSaved(): void }) {
  const { t, pick } = useT();
  const uid = useId();
  const states = round.universeStates;
  const [values, setValues] = useState<DesignFormValues>(() => designFormValues(round.design, states));
  const [errors, setErrors] = useState<SlotMessage[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const text = (m: FormMessage) => ('text' in m ? pick(m.text) : t(m.key, m.vars));
  const errorsAt = (slot: Slot) =>
    errors
      .filter((e) => e.slot === slot)
      .map((e) => (e.line ? t('design.line', { line: e.line, message: text(e.message) }) : text(e.message)));

  async function save(e: FormEvent) {
    e.preventDefault();
    onSaving();
    setError(null);
    const built = buildDesign(values, states);
    setErrors(built.errors);
    if (!built.design) return;
    setBusy(true);
    try {
      await consoleApi.updateDesign(round.id, built.design);
      onSaved();
    } catch (err) {
      const placed = err instanceof ApiError ? apiMessages(err, states, built.lines) : null;
      if (placed) setErrors(placed);
      else setError(err);
      setBusy(false);
    }
  }

  const kindErrors = errorsAt('kind');
  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      {errors.length > 0 && (
        <Alert kind="error">
          <p>{t('design.fixErrors')}</p>
        </Alert>
      )}
      <ErrorAlert error={error} />
      <KindFieldset
        uid={uid}
        kind={values.kind}
        errors={kindErrors}
        onKind={(k) => setValues({ ...values, kind: k })}
      />
      {values.kind === 'sample' && (
        <SampleFields uid={uid} states={states} values={values} onChange={setValues} errorsAt={errorsAt} />
      )}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('design.save')}
        </Button>
      </div>
    </form>
  );
}

/** A sample design: the population of each state in the universe and the municipalities drawn. */
function SampleFields({
  uid,
  states,
  values,
  onChange,
  errorsAt,
}: {
  uid: string;
  states: UniverseState[];
  values: DesignFormValues;
  onChange(values: DesignFormValues): void;
  errorsAt(slot: Slot): string[];
}) {
  const { t } = useT();
  return (
    <>
      <FieldErrors id={`${uid}-states-error`} messages={errorsAt('states')} />
      {states.length > 0 && (
        <StatesTable
          states={states}
          inputs
          population={(s) => (
            <PopulationInput
              uid={uid}
              state={s}
              errors={errorsAt(`state:${s.cveEnt}`)}
              value={values.populations[s.cveEnt] ?? ''}
              onChange={(v) => onChange({ ...values, populations: { ...values.populations, [s.cveEnt]: v } })}
            />
          )}
        />
      )}
      <Field
        label={t('design.municipalities')}
        hint={t('design.municipalitiesHint')}
        error={errorsAt('municipalities').join(' · ') || null}
      >
        {(a) => (
          <textarea
            {...a}
            rows={4}
            spellCheck={false}
            value={values.municipalities}
            onChange={(e) => onChange({ ...values, municipalities: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/** Census or sample: the first choice of the design. */
function KindFieldset({
  uid,
  kind,
  errors,
  onKind,
}: {
  uid: string;
  kind: DesignFormValues['kind'];
  errors: string[];
  onKind(kind: 'census' | 'sample'): void;
}) {
  const { t } = useT();
  return (
    <fieldset className="fieldset" aria-describedby={errors.length ? `${uid}-kind-error` : undefined}>
      <legend>{t('design.kind')}</legend>
      <div className="radio-group">
        {(['census', 'sample'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name={`${uid}-kind`} value={k} checked={kind === k} onChange={() => onKind(k)} />
            <span>
              <strong>{t(`design.${k}`)}</strong>
              <span className="muted"> — {t(`design.${k}Hint`)}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id={`${uid}-kind-error`} messages={errors} />
    </fieldset>
  );
}

/** A state's population cell in the sample design, with its own error text. */
function PopulationInput({
  uid,
  state: s,
  errors,
  value,
  onChange,
}: {
  uid: string;
  state: UniverseState;
  errors: string[];
  value: string;
  onChange(value: string): void;
}) {
  const { t } = useT();
  const errorId = `${uid}-state-${s.cveEnt}-error`;
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        aria-label={t('design.populationOf', { name: s.name })}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? errorId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldErrors id={errorId} messages={errors} />
    </>
  );
}

/** States of the universe with the institutions the round has there, and a population cell (text or input). */
function StatesTable({
  states,
  population,
  inputs = false,
}: {
  states: UniverseState[];
  population(s: UniverseState): ReactNode;
  inputs?: boolean;
}) {
  const { t, number } = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('design.statesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('design.state')}</th>
            <th scope="col" className="num">
              {t('design.inRound')}
            </th>
            {/* Inputs and their error text wrap; a number column does not. */}
            <th scope="col" className={inputs ? undefined : 'num'}>
              {t('design.population')}
            </th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.cveEnt}>
              <th scope="row">{s.name}</th>
              <td className="num">{number(s.institutions)}</td>
              <td className={inputs ? undefined : 'num'}>{population(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id}>
      {messages.map((m) => (
        <p key={m} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}

const STAGES: (keyof ProgressCounts)[] = ['mailed', 'opened', 'draft', 'submitted'];

function InvitationsSection({ round, isAdmin }: { round: RoundDetail; isAdmin: boolean }) {
  const { t } = useT();
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

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.invitations')}</h2>
      <p>
        <Link to={`/consola/rondas/${encodeURIComponent(round.id)}/invitaciones`}>{t('inv.open')}</Link>
      </p>
      <RoundMailTrouble roundId={round.id} />
      {progress.loading && !p && <Spinner />}
      <ErrorAlert error={progress.error} />
      {p && (
        <>
          <InvitationTotals
            totals={p.totals}
            canRemind={isAdmin && round.status === 'open'}
            onRemind={remind}
            error={error}
            queued={queued}
          />
          {p.states.length > 0 && (
            <ProgressTable
              caption={t('console.byState')}
              rows={p.states.map((s) => ({ ...s, key: s.cveEnt, name: s.name ?? s.cveEnt }))}
            />
          )}
          {p.municipalities.items.length > 0 && (
            <>
              <ProgressTable
                caption={t('console.byMunicipality')}
                rows={p.municipalities.items.map((m) => ({ ...m, key: m.cvegeo, name: m.name ?? m.cvegeo }))}
              />
              <Pagination
                page={p.municipalities.page}
                pageSize={p.municipalities.pageSize}
                total={p.municipalities.total}
                onPage={setPage}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** How far the invited institutions got, stage by stage, and the reminder for those who have not submitted. */
function InvitationTotals({
  totals,
  canRemind,
  onRemind,
  error,
  queued,
}: {
  totals: ProgressCounts;
  canRemind: boolean;
  onRemind(): Promise<void>;
  error: unknown;
  queued: number | null;
}) {
  const { t, number } = useT();
  const stageLabel = (s: keyof ProgressCounts) => t(`console.stage.${s}`);
  return (
    <div className="card">
      <p>{t('console.invited', { count: number(totals.invited) })}</p>
      {STAGES.map((s) => (
        <ProgressBar
          key={s}
          value={totals[s]}
          max={totals.invited}
          label={stageLabel(s)}
          detail={t('console.ofTotal', { value: number(totals[s]), total: number(totals.invited) })}
          tone={s === 'submitted' ? 'success' : 'default'}
        />
      ))}
      {canRemind && (
        <div className="actions">
          <ConfirmButton
            variant="secondary"
            title={t('console.remindTitle')}
            message={<p>{t('console.remindConfirm', { count: number(totals.invited - totals.submitted) })}</p>}
            confirmLabel={t('console.remind')}
            onConfirm={onRemind}
          >
            {t('console.remind')}
          </ConfirmButton>
        </div>
      )}
      <ErrorAlert error={error} />
      {queued !== null && <Alert kind="success">{t('console.remindersQueued', { count: number(queued) })}</Alert>}
    </div>
  );
}

function ProgressTable({
  caption,
  rows,
}: {
  caption: string;
  rows: (ProgressCounts & { key: string; name: string })[];
}) {
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
  const { t, pick } = useT();
  const headingId = useId();
  const [level, setLevel] = useState<'municipality' | 'state'>('state');
  const [page, setPage] = useState(1);
  const data = useAsync(
    (signal) => consoleApi.recruitment<MunicipalityRecruitment | StateRecruitment>(roundId, level, page, signal),
    [roundId, level, page],
  );
  const d = data.data;

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.recruitment')}</h2>
      <SegmentedFilter
        label={t('console.recruitmentLevel')}
        options={['state', 'municipality'] as const}
        value={level}
        onChange={(l) => {
          setLevel(l);
          setPage(1);
        }}
      >
        {(l) => t(`console.level.${l}`)}
      </SegmentedFilter>
      {data.loading && !d && <Spinner />}
      <ErrorAlert error={data.error} />
      {d && (
        <>
          <Alert kind="info" live={false}>
            <p>{pick(d.notice)}</p>
          </Alert>
          <RecruitmentFacts recruitment={d} />
          <RecruitmentTable items={d.items} />
          <Pagination page={d.page} pageSize={d.pageSize} total={d.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

type RecruitmentPage = Recruitment<MunicipalityRecruitment | StateRecruitment>;

/** Totals of the recruitment plan, and where the «needed» figure comes from. */
function RecruitmentFacts({ recruitment: d }: { recruitment: RecruitmentPage }) {
  const { t, number } = useT();
  return (
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
  );
}

/** One row per state or municipality: coverage, validators, assignments, reports and how many more are needed. */
function RecruitmentTable({ items }: { items: RecruitmentPage['items'] }) {
  const { t, number } = useT();
  return (
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
          {items.map((row) => {
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
  );
}
