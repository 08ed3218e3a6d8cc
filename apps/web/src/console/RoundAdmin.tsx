import { useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Schema } from '../shared/api';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { Link, navigate } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { consoleApi, type RoundDetail } from './api';
import {
  draftErrorField,
  draftFormOf,
  draftPatch,
  parseSettingsJson,
  roundFormProblems,
  withCurrent,
  type DraftForm,
} from './round-draft';
import { NameAndWindowFields, QuestionnaireFields } from './RoundFormFields';
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

/** Name, window, questionnaires and method settings of a draft; delete at the bottom. */
export function DraftEditSection({ round, onSaved }: { round: RoundDetail; onSaved(): void }) {
  const { t, pick } = useT();
  const headingId = useId();
  const institutionQs = useAsync((signal) => consoleApi.questionnaires('institution', signal), []);
  const citizenQs = useAsync((signal) => consoleApi.questionnaires('citizen', signal), []);
  const [form, setForm] = useState<DraftForm>(() => draftFormOf(round));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof DraftForm, value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const errs: Record<string, string> = {};
    for (const [k, key] of Object.entries(roundFormProblems(form.name, form.opensAt, form.closesAt))) errs[k] = t(key);
    const parsed = parseSettingsJson(form.settings);
    if (!parsed) errs.settings = t('roundAdmin.settingsInvalidJson');
    setErrors(errs);
    if (Object.keys(errs).length || !parsed) return;
    setBusy(true);
    try {
      await roundAdminApi.update(round.id, draftPatch(form, parsed));
      setSaved(true);
      onSaved();
    } catch (err) {
      // Settings problems name a path inside the settings (settings.thresholds.x): shown under the JSON.
      const field = err instanceof ApiError ? draftErrorField(err.field) : null;
      if (field && err instanceof ApiError) setErrors({ [field]: pick(err.messages) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('roundAdmin.edit')}</h2>
      <p className="muted">{t('roundAdmin.editIntro')}</p>
      {saved && <Alert kind="success">{t('roundAdmin.saved')}</Alert>}
      <ErrorAlert error={error || institutionQs.error || citizenQs.error} />
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <NameAndWindowFields
          name={form.name}
          opensAt={form.opensAt}
          closesAt={form.closesAt}
          errors={errors}
          onName={(v) => set('name', v)}
          onOpensAt={(v) => set('opensAt', v)}
          onClosesAt={(v) => set('closesAt', v)}
        />
        <QuestionnaireFields
          errors={errors}
          institution={{
            value: form.institutionQuestionnaireId,
            items: withCurrent(institutionQs.data?.items, round.institutionQuestionnaire),
            onChange: (v) => set('institutionQuestionnaireId', v),
          }}
          citizen={{
            value: form.citizenQuestionnaireId,
            items: withCurrent(citizenQs.data?.items, round.citizenQuestionnaire),
            onChange: (v) => set('citizenQuestionnaireId', v),
          }}
        />
        <SettingsJsonField value={form.settings} error={errors.settings} onChange={(v) => set('settings', v)} />
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

/** The method settings as JSON text (thresholds and the like); the API validates each path. */
function SettingsJsonField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useT();
  return (
    <Field label={t('roundAdmin.settings')} hint={t('roundAdmin.settingsHint')} error={error}>
      {(a) => (
        <textarea
          {...a}
          rows={8}
          spellCheck={false}
          className="mono"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
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
  const { t, dateTime } = useT();
  const preview = useAsync((signal) => roundAdminApi.publishPreview(round.id, signal), [round.id]);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
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
            <CoverageFacts preview={p} />
            <p className="muted">
              {p.computedAt
                ? t('roundAdmin.computedAt', { when: dateTime(p.computedAt) })
                : t('roundAdmin.neverComputed')}
            </p>
            {p.needsAcknowledgement && (
              <AcknowledgeWarning preview={p} acknowledged={acknowledged} onAcknowledged={setAcknowledged} />
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

/** How much of the universe answered and was validated, and the statuses of the values to publish. */
function CoverageFacts({ preview: p }: { preview: PublishPreview }) {
  const { t, number } = useT();
  return (
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
    </>
  );
}

/** Most values inconclusive or most institutions silent: say why, and ask for the explicit tick. */
function AcknowledgeWarning({
  preview: p,
  acknowledged,
  onAcknowledged,
}: {
  preview: PublishPreview;
  acknowledged: boolean;
  onAcknowledged(value: boolean): void;
}) {
  const { t, number } = useT();
  const ackId = useId();
  return (
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
          onChange={(e) => onAcknowledged(e.target.checked)}
          aria-describedby={`${ackId}-hint`}
        />
        {t('roundAdmin.acknowledge')}
      </label>
      <p className="field-hint" id={`${ackId}-hint`}>
        {t('roundAdmin.acknowledgeHint')}
      </p>
    </Alert>
  );
}
