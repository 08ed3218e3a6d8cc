import { useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Schema } from '../shared/api';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { Link, navigate } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { consoleApi, type QuestionnaireRef, type RoundDetail } from './api';
import './round-admin.css';

/**
 * Round editing, deletion, dashboard links and the publish dialog (issue #15 item 4). Kept apart from
 * RoundDetailPage so the page only places these sections.
 */

/** GET /api/rounds/{id}/publish-preview (apps/api/src/rounds/dto/publish.dto.ts). */
export type PublishPreview = Schema<'PublishPreviewDto'>;
type PreviewStatus = keyof PublishPreview['statuses'];
const STATUSES: PreviewStatus[] = ['conclusive', 'caution', 'inconclusive', 'not_validated'];

type RoundPatch = Schema<'UpdateRoundDto'>;

const r = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;
export const roundAdminApi = {
  update: (id: string, body: RoundPatch) => api<RoundDetail>(r(id), { method: 'PATCH', body }),
  remove: (id: string) => api<void>(r(id), { method: 'DELETE' }),
  publishPreview: (id: string, signal?: AbortSignal) => api<PublishPreview>(`${r(id)}/publish-preview`, { signal }),
  publish: (id: string, acknowledgeInconclusive: boolean) =>
    api<RoundDetail>(`${r(id)}/publish`, {
      method: 'POST',
      body: (acknowledgeInconclusive ? { acknowledgeInconclusive: true } : {}) satisfies Schema<'PublishRoundDto'>,
    }),
};

/** The result dashboards of a round (apps/web/src/results, routes /resultados/:roundId/…). */
export function dashboardLinks(
  roundId: string,
): { key: 'overview' | 'institutions' | 'municipalities' | 'states'; to: string }[] {
  const base = `/resultados/${encodeURIComponent(roundId)}`;
  return [
    { key: 'overview', to: base },
    { key: 'institutions', to: `${base}/instituciones` },
    { key: 'municipalities', to: `${base}/municipios` },
    { key: 'states', to: `${base}/estados` },
  ];
}

export function DashboardLinks({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const headingId = useId();
  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('roundAdmin.dashboards')}</h2>
      {round.status !== 'published' && <p className="muted">{t('roundAdmin.dashboardsIntro')}</p>}
      <ul className="link-list">
        {dashboardLinks(round.id).map((l) => (
          <li key={l.key}>
            <Link to={l.to}>{t(`roundAdmin.${l.key}`)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `datetime-local` value (local wall time) of an instant, and back. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (local: string): string => new Date(local).toISOString();

/** Name, window, questionnaires and method settings of a draft; delete at the bottom. */
export function DraftEditSection({ round, onSaved }: { round: RoundDetail; onSaved(): void }) {
  const { t, pick } = useT();
  const headingId = useId();
  const institutionQs = useAsync((signal) => consoleApi.questionnaires('institution', signal), []);
  const citizenQs = useAsync((signal) => consoleApi.questionnaires('citizen', signal), []);
  const [name, setName] = useState(round.name);
  const [opensAt, setOpensAt] = useState(toLocalInput(round.opensAt));
  const [closesAt, setClosesAt] = useState(toLocalInput(round.closesAt));
  const [institutionQ, setInstitutionQ] = useState(round.institutionQuestionnaireId);
  const [citizenQ, setCitizenQ] = useState(round.citizenQuestionnaireId);
  const [settings, setSettings] = useState(() => JSON.stringify(round.settings, null, 2));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('console.nameRequired');
    if (!opensAt) errs.opensAt = t('console.dateRequired');
    if (!closesAt) errs.closesAt = t('console.dateRequired');
    if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt)) errs.closesAt = t('console.closesAfterOpens');
    let parsed: Record<string, unknown> | undefined;
    try {
      const value: unknown = JSON.parse(settings);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
      parsed = value as Record<string, unknown>;
    } catch {
      errs.settings = t('roundAdmin.settingsInvalidJson');
    }
    setErrors(errs);
    if (Object.keys(errs).length || !parsed) return;
    setBusy(true);
    try {
      await roundAdminApi.update(round.id, {
        name: name.trim(),
        opensAt: fromLocalInput(opensAt),
        closesAt: fromLocalInput(closesAt),
        institutionQuestionnaireId: institutionQ,
        citizenQuestionnaireId: citizenQ,
        settings: parsed,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      // Settings problems name a path inside the settings (settings.thresholds.x): shown under the JSON.
      const field =
        err instanceof ApiError && err.field ? (err.field.startsWith('settings') ? 'settings' : err.field) : null;
      if (field && err instanceof ApiError) setErrors({ [field]: pick(err.messages) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  // The round's current version stays selectable even when the list shows only others.
  const withCurrent = (items: QuestionnaireRef[] | undefined, current: QuestionnaireRef) =>
    items?.some((q) => q.id === current.id) ? items : [current, ...(items ?? [])];
  const option = (q: QuestionnaireRef) => (
    <option key={q.id} value={q.id}>
      {q.title} (v{q.version})
    </option>
  );

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('roundAdmin.edit')}</h2>
      <p className="muted">{t('roundAdmin.editIntro')}</p>
      {saved && <Alert kind="success">{t('roundAdmin.saved')}</Alert>}
      <ErrorAlert error={error || institutionQs.error || citizenQs.error} />
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <Field label={t('console.roundName')} error={errors.name} required>
          {(a) => (
            <input {...a} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} required />
          )}
        </Field>
        <div className="grid-2">
          <Field label={t('console.opensAt')} hint={t('console.localTime')} error={errors.opensAt} required>
            {(a) => (
              <input
                {...a}
                type="datetime-local"
                value={opensAt}
                onChange={(e) => setOpensAt(e.target.value)}
                required
              />
            )}
          </Field>
          <Field label={t('console.closesAt')} hint={t('console.localTime')} error={errors.closesAt} required>
            {(a) => (
              <input
                {...a}
                type="datetime-local"
                value={closesAt}
                onChange={(e) => setClosesAt(e.target.value)}
                required
              />
            )}
          </Field>
        </div>
        <Field label={t('console.institutionQuestionnaire')} error={errors.institutionQuestionnaireId} required>
          {(a) => (
            <select {...a} value={institutionQ} onChange={(e) => setInstitutionQ(e.target.value)}>
              {withCurrent(institutionQs.data?.items, round.institutionQuestionnaire).map(option)}
            </select>
          )}
        </Field>
        <Field label={t('console.citizenQuestionnaire')} error={errors.citizenQuestionnaireId} required>
          {(a) => (
            <select {...a} value={citizenQ} onChange={(e) => setCitizenQ(e.target.value)}>
              {withCurrent(citizenQs.data?.items, round.citizenQuestionnaire).map(option)}
            </select>
          )}
        </Field>
        <Field label={t('roundAdmin.settings')} hint={t('roundAdmin.settingsHint')} error={errors.settings}>
          {(a) => (
            <textarea
              {...a}
              rows={8}
              spellCheck={false}
              className="mono"
              value={settings}
              onChange={(e) => setSettings(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <Button type="submit" busy={busy}>
            {t('roundAdmin.save')}
          </Button>
          <DeleteDraftButton round={round} />
        </div>
      </form>
    </section>
  );
}

function DeleteDraftButton({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <ConfirmButton
        variant="danger"
        title={t('roundAdmin.deleteTitle')}
        message={<p>{t('roundAdmin.deleteConfirm', { name: round.name })}</p>}
        confirmLabel={t('roundAdmin.delete')}
        onConfirm={async () => {
          setError(null);
          try {
            await roundAdminApi.remove(round.id);
            navigate('/consola');
          } catch (err) {
            setError(err);
          }
        }}
      >
        {t('roundAdmin.delete')}
      </ConfirmButton>
      <ErrorAlert error={error} />
    </>
  );
}

/**
 * Replaces the plain publish button: a dialog that loads the coverage first and, when most values are
 * not conclusive or most institutions never answered, keeps «Publicar» disabled until the box is
 * ticked (the API enforces the same rule).
 */
export function PublishDialogButton({ round, onPublished }: { round: RoundDetail; onPublished(): void }) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('roundAdmin.publishOpen')}
      </Button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <h2 className="dialog-title" id={titleId}>
          {t('roundAdmin.publishTitle')}
        </h2>
        {/* Mounted while open, so each opening loads fresh numbers and starts unacknowledged. */}
        {open && (
          <PublishDialogBody
            round={round}
            onCancel={() => dialog.current?.close()}
            onPublished={() => {
              dialog.current?.close();
              onPublished();
            }}
          />
        )}
      </dialog>
    </>
  );
}

function PublishDialogBody({
  round,
  onCancel,
  onPublished,
}: {
  round: RoundDetail;
  onCancel(): void;
  onPublished(): void;
}) {
  const { t, number, dateTime } = useT();
  const preview = useAsync((signal) => roundAdminApi.publishPreview(round.id, signal), [round.id]);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ackId = useId();
  const p = preview.data;
  const canPublish = !!p && (!p.needsAcknowledgement || acknowledged) && !busy;

  async function publish() {
    if (!p) return;
    setBusy(true);
    setError(null);
    try {
      await roundAdminApi.publish(round.id, p.needsAcknowledgement && acknowledged);
      onPublished();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="dialog-body">
        {preview.loading && !p && <Spinner />}
        <ErrorAlert error={preview.error || error} />
        {p && (
          <>
            <h3>{t('roundAdmin.coverage')}</h3>
            <dl className="facts grid-2">
              <div>
                <dt>{t('roundAdmin.universe')}</dt>
                <dd>{number(p.universe)}</dd>
              </div>
              <div>
                <dt>{t('roundAdmin.submitted')}</dt>
                <dd>{number(p.submitted)}</dd>
              </div>
              <div>
                <dt>{t('roundAdmin.validated')}</dt>
                <dd>{number(p.validated)}</dd>
              </div>
              <div>
                <dt>{t('roundAdmin.neverAnswered')}</dt>
                <dd>{number(p.neverAnswered)}</dd>
              </div>
            </dl>
            <div className="table-wrap">
              <table className="table">
                <caption>{t('roundAdmin.statusCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('roundAdmin.status')}</th>
                    <th scope="col" className="num">
                      {t('roundAdmin.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {STATUSES.map((s) => (
                    <tr key={s}>
                      <th scope="row">{t(`roundAdmin.status.${s}`)}</th>
                      <td className="num">{number(p.statuses[s])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">
              {p.computedAt
                ? t('roundAdmin.computedAt', { when: dateTime(p.computedAt) })
                : t('roundAdmin.neverComputed')}
            </p>
            {p.needsAcknowledgement && (
              <Alert kind="warning" title={t('roundAdmin.warnTitle')} live={false}>
                <ul>
                  {p.reasons.map((reason) => (
                    <li key={reason}>
                      {reason === 'most_not_conclusive'
                        ? t('roundAdmin.reason.most_not_conclusive', {
                            count: number(p.values - p.statuses.conclusive),
                            total: number(p.values),
                          })
                        : t('roundAdmin.reason.most_never_answered', {
                            count: number(p.neverAnswered),
                            total: number(p.universe),
                          })}
                    </li>
                  ))}
                </ul>
                <label className="checkbox" htmlFor={ackId}>
                  <input
                    id={ackId}
                    type="checkbox"
                    checked={acknowledged}
                    onChange={(e) => setAcknowledged(e.target.checked)}
                    aria-describedby={`${ackId}-hint`}
                  />
                  {t('roundAdmin.acknowledge')}
                </label>
                <p className="field-hint" id={`${ackId}-hint`}>
                  {t('roundAdmin.acknowledgeHint')}
                </p>
              </Alert>
            )}
            <p>{t('roundAdmin.publishFinal')}</p>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button busy={busy} disabled={!canPublish} onClick={() => void publish()}>
          {t('roundAdmin.publishConfirm')}
        </Button>
      </div>
    </>
  );
}
