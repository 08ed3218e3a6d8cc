import { useEffect, useId, useState, type FormEvent } from 'react';
import { AssignmentProgress } from './AssignmentProgress';
import { ApiError } from '../shared/api';
import { Alert, Button, ErrorAlert, Field, Pagination, Spinner, StatusBadge } from '../shared/components';
import { useT } from '../shared/i18n';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { MunicipalityPicker } from '../shared/MunicipalityPicker';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { citizenApi, type Assignment, type CitizenProfile, type InstitutionRef, type ValidationRound } from './api';
import { ResendVerification } from './ResendVerification';
import { MailPreference } from './MailPreference';
import { DemographicsForm } from './DemographicsForm';

export function ValidatorHomePage() {
  const { t } = useT();
  usePageTitle(t('validator.title'));
  const profile = useAsync((signal) => citizenApi.me(signal), []);
  const [assignmentsVersion, setAssignmentsVersion] = useState(0);

  if (profile.loading && !profile.data) return <Spinner />;
  if (!profile.data) return <ErrorAlert error={profile.error} />;
  const me = profile.data;

  return (
    <>
      <header className="page-header">
        <h1>{t('validator.title')}</h1>
        <p className="muted">{t('validator.pseudonym', { pseudonym: me.pseudonym })}</p>
        <p>
          <Link to="/validador/historial">{t('vwork.historyLink')}</Link>
        </p>
      </header>
      {!me.emailVerified ? (
        <>
          <Alert kind="warning" title={t('validator.unverifiedTitle')}>
            {/* The contract allows a null address (an erased account): then there is nothing to show or prefill. */}
            <p>{t('validator.unverifiedBody', { email: me.email ?? '' })}</p>
          </Alert>
          <ResendVerification initialEmail={me.email ?? undefined} />
        </>
      ) : (
        <>
          <RoundsSection onAssigned={() => setAssignmentsVersion((v) => v + 1)} />
          <AssignmentsSection version={assignmentsVersion} />
        </>
      )}
      <ProfileSection profile={me} onChange={profile.setData} />
    </>
  );
}

function RoundsSection({ onAssigned }: { onAssigned(): void }) {
  const { t, date } = useT();
  const headingId = useId();
  const rounds = useAsync((signal) => citizenApi.rounds(signal), []);
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('validator.roundsTitle')}</h2>
      <p className="muted">{t('validator.roundsIntro')}</p>
      {rounds.loading && !rounds.data && <Spinner />}
      <ErrorAlert error={rounds.error} />
      {rounds.data && rounds.data.items.length === 0 && <p>{t('validator.noRounds')}</p>}
      <div className="card-list">
        {rounds.data?.items.map((r) => (
          <RoundCard key={r.id} round={r} date={date} onAssigned={() => (rounds.reload(), onAssigned())} />
        ))}
      </div>
    </section>
  );
}

function RoundCard({
  round,
  date,
  onAssigned,
}: {
  round: ValidationRound;
  date(v: string): string;
  onAssigned(): void;
}) {
  const { t } = useT();
  const [max, setMax] = useState(3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<number | null>(null);

  async function request(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await citizenApi.requestAssignments(round.id, max);
      setResult(r.created);
      onAssigned();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card">
      {round.synthetic && <SyntheticBanner />}
      <h3>{round.name}</h3>
      <p className="muted">
        {round.guarantorName} · {t('validator.closes', { date: date(round.closesAt) })}
      </p>
      <p>
        {t('validator.myCounts', {
          active: round.myAssignments.active,
          completed: round.myAssignments.completed,
          expired: round.myAssignments.expired,
        })}
      </p>
      {round.acceptingSubmissions ? (
        <form className="inline-form" onSubmit={(e) => void request(e)}>
          <Field label={t('validator.howMany')} hint={t('validator.howManyHint')}>
            {(a) => (
              <select {...a} value={max} onChange={(e) => setMax(Number(e.target.value))}>
                {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" busy={busy}>
            {t('validator.request')}
          </Button>
        </form>
      ) : (
        <p>{t('validator.notAccepting')}</p>
      )}
      <ErrorAlert error={error} />
      {result !== null && (
        <Alert kind={result > 0 ? 'success' : 'info'}>
          {result > 0 ? t('validator.assigned', { count: result }) : t('validator.noneAssigned')}
        </Alert>
      )}
    </article>
  );
}

function AssignmentsSection({ version }: { version: number }) {
  const { t, date } = useT();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const list = useAsync((signal) => citizenApi.assignments(page, status || undefined, signal), [page, status, version]);
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('validator.assignmentsTitle')}</h2>
      <div className="toolbar">
        <Field label={t('validator.filterStatus')}>
          {(a) => (
            <select
              {...a}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setPage(1);
              }}
            >
              <option value="">{t('validator.statusCurrent')}</option>
              <option value="active">{t('status.active')}</option>
              <option value="completed">{t('status.completed')}</option>
              <option value="expired">{t('status.expired')}</option>
            </select>
          )}
        </Field>
      </div>
      {list.loading && !list.data && <Spinner />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <p>{t('validator.noAssignments')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="card-list plain">
          {list.data.items.map((a) => (
            <AssignmentRow key={a.id} a={a} date={date} />
          ))}
        </ul>
      )}
      {list.data && (
        <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
      )}
    </section>
  );
}

function AssignmentRow({ a, date }: { a: Assignment; date(v: string): string }) {
  const { t } = useT();
  return (
    <li className="card">
      <h3>
        <Link to={`/validador/asignaciones/${a.id}`}>{a.institution.name}</Link>
      </h3>
      <p className="muted">
        {a.institution.municipality.name}, {a.institution.state.name} · {a.roundName}
      </p>
      <p>
        <StatusBadge status={a.status} /> <span className="badge badge-info">{t(`vwork.kind.${a.kind}`)}</span>{' '}
        {a.status === 'active' && t('validator.expires', { date: date(a.expiresAt) })}
      </p>
      <AssignmentProgress assignment={a} />
    </li>
  );
}

function ProfileSection({ profile, onChange }: { profile: CitizenProfile; onChange(p: CitizenProfile): void }) {
  const { t, pick } = useT();
  const headingId = useId();
  const [displayName, setDisplayName] = useState(profile.displayName ?? '');
  const [cvegeo, setCvegeo] = useState(profile.cvegeo ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [cvegeoError, setCvegeoError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    setCvegeoError(null);
    try {
      onChange(await citizenApi.updateMe({ displayName: displayName.trim() || null, cvegeo: cvegeo || null }));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.field === 'cvegeo') setCvegeoError(pick(err.messages));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('validator.profileTitle')}</h2>
      <form className="form card" onSubmit={(e) => void save(e)} noValidate>
        <p>
          {t('register.email')}: <strong>{profile.email}</strong>
        </p>
        <Field label={t('register.displayName')} hint={t('register.displayNameHint')}>
          {(a) => (
            <input
              {...a}
              type="text"
              maxLength={200}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <MunicipalityPicker
          value={cvegeo}
          onChange={setCvegeo}
          error={cvegeoError}
          hint={t('register.residenceHint')}
        />
        <ErrorAlert error={error} />
        {saved && <Alert kind="success">{t('validator.profileSaved')}</Alert>}
        <Button type="submit" variant="secondary" busy={busy}>
          {t('common.save')}
        </Button>
      </form>
      <MailPreference profile={profile} onChange={onChange} />
      <DemographicsForm />
      <ConflictsEditor profile={profile} onChange={onChange} />
    </section>
  );
}

function ConflictsEditor({ profile, onChange }: { profile: CitizenProfile; onChange(p: CitizenProfile): void }) {
  const { t } = useT();
  const headingId = useId();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const results = useAsync(
    (signal) => (query.length >= 2 ? citizenApi.searchInstitutions(query, signal) : Promise.resolve(null)),
    [query],
  );

  // Search as the person types, but not on every keystroke.
  useEffect(() => {
    const id = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(id);
  }, [q]);

  async function save(ids: string[], text: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      // Every conflict needs a reason (issue #13): kept ones keep theirs, a new one takes the field's.
      const reasons = profile.conflictReasons ?? {};
      onChange(
        await citizenApi.setConflicts(ids.map((id) => ({ institutionId: id, reason: reasons[id] ?? reason.trim() }))),
      );
      setMessage(text);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const current = profile.conflicts.map((c) => c.id);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('validator.conflictsTitle')}</h3>
      <p className="muted">{t('validator.conflictsIntro')}</p>
      <ErrorAlert error={error} />
      {message && <Alert kind="success">{message}</Alert>}
      {profile.conflicts.length === 0 ? (
        <p>{t('validator.noConflicts')}</p>
      ) : (
        <DeclaredConflicts
          conflicts={profile.conflicts}
          busy={busy}
          onRemove={(c) =>
            void save(
              current.filter((id) => id !== c.id),
              t('validator.conflictRemoved', { name: c.name }),
            )
          }
        />
      )}
      <Field label={t('dueProcess.conflictReason')} hint={t('dueProcess.conflictReasonHint')}>
        {(a) => <input {...a} type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Field label={t('validator.searchInstitution')} hint={t('validator.searchHint')}>
        {(a) => <input {...a} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      {results.loading && query.length >= 2 && <Spinner />}
      <ErrorAlert error={results.error} />
      {results.data && (
        <div aria-live="polite">
          {results.data.items.length === 0 ? (
            <p>{t('validator.noResults')}</p>
          ) : (
            <SearchResults
              items={results.data.items}
              declared={current}
              canDeclare={!busy && reason.trim().length >= 3}
              onDeclare={(i) => void save([...current, i.id], t('validator.conflictAdded', { name: i.name }))}
            />
          )}
        </div>
      )}
    </section>
  );
}

const institutionLabel = (i: InstitutionRef) => `${i.name} (${i.municipality.name}, ${i.state.name})`;

interface DeclaredConflictsProps {
  conflicts: CitizenProfile['conflicts'];
  busy: boolean;
  onRemove(c: CitizenProfile['conflicts'][number]): void;
}

function DeclaredConflicts({ conflicts, busy, onRemove }: DeclaredConflictsProps) {
  const { t } = useT();
  return (
    <ul className="file-list">
      {conflicts.map((c) => (
        <li key={c.id}>
          <span>{institutionLabel(c)}</span>
          <Button variant="secondary" small disabled={busy} onClick={() => onRemove(c)}>
            {t('validator.remove')}
            <span className="visually-hidden"> {c.name}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

interface SearchResultsProps {
  items: InstitutionRef[];
  /** Ids of the institutions already declared. */
  declared: string[];
  canDeclare: boolean;
  onDeclare(i: InstitutionRef): void;
}

function SearchResults({ items, declared, canDeclare, onDeclare }: SearchResultsProps) {
  const { t } = useT();
  return (
    <ul className="file-list">
      {items.map((i) => (
        <li key={i.id}>
          <span>{institutionLabel(i)}</span>
          {declared.includes(i.id) ? (
            <span className="muted">{t('validator.alreadyDeclared')}</span>
          ) : (
            <Button variant="secondary" small disabled={!canDeclare} onClick={() => onDeclare(i)}>
              {t('validator.declare')}
              <span className="visually-hidden"> {i.name}</span>
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
