import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../shared/api';
import { useSession } from '../shared/auth';
import { Alert, Button, ConfirmButton, ErrorAlert, Field, Spinner } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from './ConsoleNav';
import {
  invitationsApi,
  TEMPLATE_KINDS,
  TEMPLATE_LOCALES,
  type MailPreview,
  type MailTemplate,
  type TemplateKind,
  type TemplateLocale,
} from './invitations-api';

/**
 * The guarantor's invitation and reminder texts, es and en. Saving needs a preview of exactly the
 * text being saved (the server renders it as the worker will); the preview HTML is shown in a
 * sandboxed frame with scripts off, though the server already refuses markup and escapes values.
 */
export function MailTemplatesPage() {
  const { t, maybe } = useT();
  usePageTitle(t('tpl.title'));
  const isAdmin = useSession()?.user.role === 'guarantor_admin';
  const list = useAsync((signal) => invitationsApi.templates(signal), []);
  const [kind, setKind] = useState<TemplateKind>('invitation');
  const [locale, setLocale] = useState<TemplateLocale>('es');
  const d = list.data;
  const current = d?.items.find((i) => i.kind === kind && i.locale === locale);
  return (
    <>
      <ConsoleNav />
      <p>
        <Link to="/consola/correo">← {t('mail.title')}</Link>
      </p>
      <h1>{t('tpl.title')}</h1>
      <p className="muted">{t('tpl.intro')}</p>
      {!isAdmin && <Alert kind="info">{t('tpl.readOnly')}</Alert>}
      {list.loading && !d && <Spinner />}
      <ErrorAlert error={list.error} />
      {d && (
        <>
          <section className="section" aria-label={t('tpl.variables')}>
            <h2>{t('tpl.variables')}</h2>
            <ul>
              {d.variables.map((v) => (
                <li key={v}>
                  <code>{`{{${v}}}`}</code> — {maybe(`tpl.var.${v}`, v)}
                </li>
              ))}
            </ul>
          </section>
          <div className="segmented" role="group" aria-label={t('tpl.title')}>
            {TEMPLATE_KINDS.map((k) =>
              TEMPLATE_LOCALES.map((l) => (
                <button
                  key={`${k}-${l}`}
                  type="button"
                  className={`btn btn-small ${kind === k && locale === l ? 'btn-primary' : 'btn-secondary'}`}
                  aria-pressed={kind === k && locale === l}
                  onClick={() => {
                    setKind(k);
                    setLocale(l);
                  }}
                >
                  {t('tpl.editing', { kind: t(`tpl.kind.${k}`), locale: t(`tpl.locale.${l}`) })}
                </button>
              )),
            )}
          </div>
          {current && (
            <TemplateEditor
              key={`${current.kind}-${current.locale}-${current.updatedAt ?? 'default'}`}
              template={current}
              canEdit={isAdmin}
              onChange={list.reload}
            />
          )}
        </>
      )}
    </>
  );
}

function TemplateEditor({
  template,
  canEdit,
  onChange,
}: {
  template: MailTemplate;
  canEdit: boolean;
  onChange(): void;
}) {
  const { t, pick } = useT();
  const uid = useId();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<(MailPreview & { of: string }) | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const kindLabel = t(`tpl.kind.${template.kind}`);
  const localeLabel = t(`tpl.locale.${template.locale}`);
  const draft = { kind: template.kind, locale: template.locale, subject, body };
  const fingerprint = JSON.stringify([subject, body]);
  const previewed = preview?.of === fingerprint;

  async function run(what: 'preview' | 'save') {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      if (what === 'preview') setPreview({ ...(await invitationsApi.preview(draft)), of: fingerprint });
      else {
        await invitationsApi.saveTemplate(draft);
        setDone(t('tpl.saved'));
        onChange();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(previewed ? 'save' : 'preview');
  }

  const fieldError = (f: string) => (error instanceof ApiError && error.field === f ? pick(error.messages) : null);
  return (
    <section className="section card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>
        {t('tpl.editing', { kind: kindLabel, locale: localeLabel })}{' '}
        <span className={`badge badge-${template.custom ? 'info' : 'neutral'}`}>
          {template.custom ? t('tpl.custom') : t('tpl.default')}
        </span>
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TemplateFields
          subject={subject}
          body={body}
          readOnly={!canEdit}
          errors={{ subject: fieldError('subject'), body: fieldError('body') }}
          onSubject={setSubject}
          onBody={setBody}
        />
        {!fieldError('subject') && !fieldError('body') && <ErrorAlert error={error} />}
        {done && <Alert kind="success">{done}</Alert>}
        {canEdit && (
          <EditorActions
            uid={uid}
            template={template}
            busy={busy}
            previewed={previewed}
            onPreview={() => void run('preview')}
            onReset={onChange}
            onError={setError}
          />
        )}
      </form>
      {preview && previewed && <PreviewPane uid={uid} preview={preview} />}
    </section>
  );
}

/** The template's subject and body, read-only for staff who cannot edit. */
function TemplateFields({
  subject,
  body,
  readOnly,
  errors,
  onSubject,
  onBody,
}: {
  subject: string;
  body: string;
  readOnly: boolean;
  errors: { subject: string | null; body: string | null };
  onSubject(value: string): void;
  onBody(value: string): void;
}) {
  const { t } = useT();
  return (
    <>
      <Field label={t('tpl.subject')} error={errors.subject}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={200}
            readOnly={readOnly}
            value={subject}
            onChange={(e) => onSubject(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('tpl.body')} error={errors.body}>
        {(p) => (
          <textarea
            {...p}
            rows={14}
            maxLength={5000}
            readOnly={readOnly}
            value={body}
            onChange={(e) => onBody(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** Preview (required before saving the text previewed), save, and back to the default when customised. */
function EditorActions({
  uid,
  template,
  busy,
  previewed,
  onPreview,
  onReset,
  onError,
}: {
  uid: string;
  template: MailTemplate;
  busy: 'preview' | 'save' | null;
  previewed: boolean;
  onPreview(): void;
  onReset(): void;
  onError(err: unknown): void;
}) {
  const { t } = useT();
  const kindLabel = t(`tpl.kind.${template.kind}`);
  const localeLabel = t(`tpl.locale.${template.locale}`);
  return (
    <div className="actions">
      <Button variant="secondary" busy={busy === 'preview'} onClick={onPreview}>
        {t('tpl.preview')}
      </Button>
      <Button
        type="submit"
        busy={busy === 'save'}
        disabled={!previewed}
        aria-describedby={previewed ? undefined : `${uid}-needs`}
      >
        {t('tpl.save')}
      </Button>
      {!previewed && (
        <span id={`${uid}-needs`} className="muted">
          {t('tpl.saveNeedsPreview')}
        </span>
      )}
      {template.custom && (
        <ConfirmButton
          variant="danger"
          title={t('tpl.resetTitle')}
          message={<p>{t('tpl.resetConfirm', { kind: kindLabel, locale: localeLabel })}</p>}
          confirmLabel={t('tpl.reset')}
          onConfirm={async () => {
            try {
              await invitationsApi.resetTemplate(template.kind, template.locale);
              onReset();
            } catch (err) {
              onError(err);
            }
          }}
        >
          {t('tpl.reset')}
        </ConfirmButton>
      )}
    </div>
  );
}

/** The rendered mail in a sandboxed frame, and its plain-text part. */
function PreviewPane({ uid, preview }: { uid: string; preview: MailPreview }) {
  const { t } = useT();
  return (
    <section aria-labelledby={`${uid}-p`}>
      <h3 id={`${uid}-p`}>{t('tpl.previewTitle')}</h3>
      <p className="muted">{t('tpl.previewHint')}</p>
      <p>
        <strong>{t('tpl.previewSubject', { subject: preview.subject })}</strong>
      </p>
      <iframe className="mail-preview" title={t('tpl.previewTitle')} sandbox="" srcDoc={preview.html} />
      <details>
        <summary>{t('mail.body')}</summary>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{preview.text}</pre>
      </details>
    </section>
  );
}
