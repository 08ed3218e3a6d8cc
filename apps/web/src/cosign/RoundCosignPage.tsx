import './cosign.css';
import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../shared/auth';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from '../console/ConsoleNav';
import { cosignApi, ORGANISATION_KINDS, type OrganisationKind, type StaffCosignSummary } from './api';
import { DecisionItem } from './CosignRecord';

/** /consola/rondas/:id/cofirma — quorum, co-signing organisations and their decisions (issue #18). */
export function RoundCosignPage({ roundId }: { roundId: string }) {
  const { t } = useT();
  usePageTitle(t('cosign.consoleTitle'));
  const admin = useSession()?.user.role === 'guarantor_admin';
  const summary = useAsync((signal) => cosignApi.staffSummary(roundId, signal), [roundId]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const s = summary.data;

  function done(message: string | null) {
    setNotice(message);
    setError(null);
    summary.reload();
  }

  return (
    <>
      <ConsoleNav />
      <p className="eyebrow">
        <Link to={`/consola/rondas/${encodeURIComponent(roundId)}`}>← {s?.roundName ?? t('console.rounds')}</Link>
      </p>
      <h1>{t('cosign.consoleTitle')}</h1>
      <p className="muted">{t('cosign.consoleIntro')}</p>
      {summary.loading && <Spinner />}
      <ErrorAlert error={summary.error ?? error} />
      {notice && (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      )}
      {s && (
        <>
          {s.publicationHeld && (
            <Alert kind="warning">
              <p>{t('cosign.held')}</p>
            </Alert>
          )}
          <p data-testid="quorum-status">
            {t('cosign.quorumStatus', { approvals: s.approvals, quorum: s.coSignQuorum })}
          </p>
          {admin && s.status !== 'published' && (
            <QuorumForm summary={s} onSaved={() => done(null)} onError={setError} />
          )}
          {admin && s.status !== 'published' && (
            <InviteForm roundId={roundId} onInvited={(email) => done(t('cosign.invited', { email }))} />
          )}
          <CosignerList
            roundId={roundId}
            summary={s}
            canRemove={admin && s.status !== 'published'}
            onRemoved={() => done(null)}
            onError={setError}
          />
          {s.decisions.length > 0 && (
            <>
              <h2>{t('cosign.decisionsTitle')}</h2>
              <ol className="cosign-decisions">
                {s.decisions.map((d) => (
                  <DecisionItem key={d.id} d={d} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </>
  );
}

function CosignerList({
  roundId,
  summary: s,
  canRemove,
  onRemoved,
  onError,
}: {
  roundId: string;
  summary: StaffCosignSummary;
  /** Pending co-signers can be removed by an admin until the round is published. */
  canRemove: boolean;
  onRemoved(): void;
  onError(e: unknown): void;
}) {
  const { t } = useT();
  return (
    <>
      <h2>{t('cosign.cosigners')}</h2>
      {s.cosigners.length === 0 && <p>{t('cosign.none')}</p>}
      <ul className="cosigners">
        {s.cosigners.map((c) => (
          <li key={c.id} data-testid="cosigner">
            <strong>{c.organisationName}</strong> ({t(`cosign.kind.${c.organisationKind}`)}) · {c.email}
            {!c.activated && <> · {t('cosign.notActivated')}</>} · {t(`cosign.state.${c.state}`)}
            {canRemove && c.state === 'pending' && !c.removedAt && (
              <>
                {' '}
                <ConfirmButton
                  variant="secondary"
                  small
                  title={t('cosign.remove')}
                  message={t('cosign.removeConfirm')}
                  confirmLabel={t('cosign.remove')}
                  onConfirm={async () => {
                    try {
                      await cosignApi.remove(roundId, c.id);
                      onRemoved();
                    } catch (err) {
                      onError(err);
                    }
                  }}
                >
                  {t('cosign.remove')}
                </ConfirmButton>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function QuorumForm({
  summary,
  onSaved,
  onError,
}: {
  summary: StaffCosignSummary;
  onSaved(): void;
  onError(e: unknown): void;
}) {
  const { t } = useT();
  const [quorum, setQuorum] = useState(String(summary.coSignQuorum));
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await cosignApi.setQuorum(summary.roundId, Number(quorum));
      onSaved();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)}>
      <Field label={t('cosign.quorum')} hint={t('cosign.quorumHint')}>
        {(a) => (
          <input {...a} type="number" min={0} max={20} value={quorum} onChange={(e) => setQuorum(e.target.value)} />
        )}
      </Field>
      <Button type="submit" variant="secondary" busy={busy}>
        {t('cosign.quorumSave')}
      </Button>
    </form>
  );
}

function InviteForm({ roundId, onInvited }: { roundId: string; onInvited(email: string): void }) {
  const { t } = useT();
  const headingId = useId();
  const {
    email,
    setEmail,
    organisationName,
    setOrganisationName,
    organisationKind,
    setOrganisationKind,
    displayName,
    setDisplayName,
    busy,
    error,
    submit,
  } = useCosignerInvite(roundId, onInvited);

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cosign.inviteTitle')}</h2>
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('cosign.orgName')} required>
          {(a) => (
            <input
              {...a}
              type="text"
              maxLength={200}
              value={organisationName}
              onChange={(e) => setOrganisationName(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('cosign.orgKind')}>
          {(a) => (
            <select
              {...a}
              value={organisationKind}
              onChange={(e) => setOrganisationKind(e.target.value as OrganisationKind)}
            >
              {ORGANISATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`cosign.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('cosign.email')} required>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="off"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('cosign.contactName')}>
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
        <Button type="submit" busy={busy}>
          {t('cosign.invite')}
        </Button>
      </form>
    </section>
  );
}

/** The invitation being written and its sending; the fields are cleared once it is sent. */
function useCosignerInvite(roundId: string, onInvited: (email: string) => void) {
  const [email, setEmail] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [organisationKind, setOrganisationKind] = useState<OrganisationKind>('civil_society');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await cosignApi.invite(roundId, {
        email: email.trim(),
        organisationName: organisationName.trim(),
        organisationKind,
        displayName: displayName.trim() || undefined,
      });
      onInvited(email.trim());
      setEmail('');
      setOrganisationName('');
      setDisplayName('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return {
    email,
    setEmail,
    organisationName,
    setOrganisationName,
    organisationKind,
    setOrganisationKind,
    displayName,
    setDisplayName,
    busy,
    error,
    submit,
  };
}
