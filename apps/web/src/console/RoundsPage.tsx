import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { useSession } from '../shared/auth';
import { Alert, Button, ErrorAlert, Pagination, Spinner, StatusBadge } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link, navigate } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { consoleApi } from './api';
import { ConsoleNav } from './ConsoleNav';
import { dashboardLinks } from './RoundAdmin';
import { roundFormProblems } from './round-draft';
import { NameAndWindowFields, QuestionnaireFields } from './RoundFormFields';

export function RoundsPage() {
  const { t, date } = useT();
  usePageTitle(t('console.rounds'));
  const session = useSession();
  const isAdmin = session?.user.role === 'guarantor_admin';
  const [page, setPage] = useState(1);
  const rounds = useAsync((signal) => consoleApi.rounds(page, signal), [page]);

  return (
    <>
      <ConsoleNav />
      <h1>{t('console.rounds')}</h1>
      {rounds.loading && !rounds.data && <Spinner />}
      <ErrorAlert error={rounds.error} />
      {rounds.data && rounds.data.items.length === 0 && <p>{t('console.noRounds')}</p>}
      {rounds.data && rounds.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('console.rounds')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.roundName')}</th>
                <th scope="col">{t('console.status')}</th>
                <th scope="col">{t('console.window')}</th>
                <th scope="col">{t('console.validation')}</th>
                <th scope="col">{t('roundAdmin.dashboards')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/consola/rondas/${r.id}`}>{r.name}</Link>
                    {r.synthetic && <span className="badge badge-warning tag">{t('console.synthetic')}</span>}
                  </th>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>
                    {date(r.opensAt)} – {date(r.closesAt)}
                  </td>
                  <td>{r.validationOpen ? t('console.validationOpen') : t('console.validationClosed')}</td>
                  <td>
                    <nav className="round-links" aria-label={t('roundAdmin.dashboardsOf', { name: r.name })}>
                      {dashboardLinks(r.id).map((l) => (
                        <Link key={l.key} to={l.to}>
                          {t(`roundAdmin.${l.key}`)}
                        </Link>
                      ))}
                    </nav>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rounds.data && (
        <Pagination
          page={rounds.data.page}
          pageSize={rounds.data.pageSize}
          total={rounds.data.total}
          onPage={setPage}
        />
      )}
      {isAdmin && <CreateRound />}
    </>
  );
}

/** `datetime-local` value (local wall time) → ISO instant. */
function toIso(local: string): string {
  return new Date(local).toISOString();
}

const LEVELS = ['federal', 'estatal', 'municipal', 'autonomo'] as const;

function CreateRound() {
  const { t, pick } = useT();
  const headingId = useId();
  const institutionQs = useAsync((signal) => consoleApi.questionnaires('institution', signal), []);
  const citizenQs = useAsync((signal) => consoleApi.questionnaires('citizen', signal), []);
  const [name, setName] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [institutionQ, setInstitutionQ] = useState('');
  const [citizenQ, setCitizenQ] = useState('');
  const [levels, setLevels] = useState<Level[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const iq = institutionQs.data?.items ?? [];
  const cq = citizenQs.data?.items ?? [];
  const selectedI = institutionQ || iq[0]?.id || '';
  const selectedC = citizenQ || cq[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const [k, key] of Object.entries(roundFormProblems(name, opensAt, closesAt))) errs[k] = t(key);
    if (!selectedI) errs.institutionQuestionnaireId = t('console.questionnaireRequired');
    if (!selectedC) errs.citizenQuestionnaireId = t('console.questionnaireRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      const round = await consoleApi.createRound({
        name: name.trim(),
        opensAt: toIso(opensAt),
        closesAt: toIso(closesAt),
        institutionQuestionnaireId: selectedI,
        citizenQuestionnaireId: selectedC,
        universeSelection: levels.length ? { levels } : undefined,
      });
      navigate(`/consola/rondas/${round.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.field) setErrors({ [err.field]: pick(err.messages) });
      else setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.createRound')}</h2>
      <InstallDefaults
        missing={(!!institutionQs.data && iq.length === 0) || (!!citizenQs.data && cq.length === 0)}
        onError={setError}
        onInstalled={() => {
          institutionQs.reload();
          citizenQs.reload();
        }}
      />
      <ErrorAlert error={institutionQs.error || citizenQs.error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <NameAndWindowFields
          name={name}
          opensAt={opensAt}
          closesAt={closesAt}
          errors={errors}
          onName={setName}
          onOpensAt={setOpensAt}
          onClosesAt={setClosesAt}
        />
        <QuestionnaireFields
          errors={errors}
          institution={{ value: selectedI, items: iq, onChange: setInstitutionQ }}
          citizen={{ value: selectedC, items: cq, onChange: setCitizenQ }}
        />
        <LevelsFieldset levels={levels} onChange={setLevels} />
        <ErrorAlert error={error} />
        <Button type="submit" busy={busy}>
          {t('console.create')}
        </Button>
      </form>
    </section>
  );
}

type Level = (typeof LEVELS)[number];

/** Which government levels the round's universe takes (none ticked: all). */
function LevelsFieldset({ levels, onChange }: { levels: Level[]; onChange(levels: Level[]): void }) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('console.levels')}</legend>
      <p className="field-hint">{t('console.levelsHint')}</p>
      <div className="checkbox-row">
        {LEVELS.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              checked={levels.includes(l)}
              onChange={(e) => onChange(e.target.checked ? [...levels, l] : levels.filter((x) => x !== l))}
            />
            {t(`level.${l}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Installs the bundled questionnaires (idempotent) and says how many were new. */
function InstallDefaults({
  missing,
  onError,
  onInstalled,
}: {
  missing: boolean;
  onError(err: unknown): void;
  onInstalled(): void;
}) {
  const { t } = useT();
  const [installing, setInstalling] = useState(false);
  const [installed, setInstalled] = useState<string | null>(null);

  async function install() {
    setInstalling(true);
    onError(null);
    setInstalled(null);
    try {
      const r = await consoleApi.installDefaults();
      const created = r.items.filter((i) => i.created).length;
      setInstalled(created ? t('console.defaultsInstalled', { count: created }) : t('console.defaultsPresent'));
      onInstalled();
    } catch (err) {
      onError(err);
    } finally {
      setInstalling(false);
    }
  }

  return (
    <>
      {missing ? (
        <Alert kind="info">
          <p>{t('console.noQuestionnaires')}</p>
        </Alert>
      ) : null}
      <div className="actions">
        <Button variant="secondary" busy={installing} onClick={() => void install()}>
          {t('console.installDefaults')}
        </Button>
      </div>
      {installed && <Alert kind="success">{installed}</Alert>}
    </>
  );
}
