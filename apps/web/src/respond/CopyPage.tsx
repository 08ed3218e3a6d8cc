import { useMemo } from 'react';
import { ApiError } from '../shared/api';
import { Alert, Button, ErrorAlert, Spinner } from '../shared/components';
import { useT, type Lang } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { createSurvey } from '../shared/survey';
import { useAsync } from '../shared/useAsync';
import { respondApi, type SubmittedCopy } from './api';
import './copy.css';

interface CopyItem {
  name: string;
  title: string;
  answer: string;
  url: boolean;
}

interface CopySection {
  title: string;
  items: CopyItem[];
}

/** Questions of the questionnaire with the submitted answers as display texts, page by page. */
function sections(copy: SubmittedCopy, lang: Lang, noAnswer: string): CopySection[] {
  const model = createSurvey({ definition: copy.definition, lang, readOnly: true, data: copy.data });
  try {
    return model.visiblePages.map((page) => ({
      title: page.title || page.name,
      items: page.questions
        .filter((q) => q.isVisible && !['html', 'image', 'expression'].includes(q.getType()))
        .map((q) => {
          const value: unknown = q.value;
          const empty =
            value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
          const display: unknown = empty ? noAnswer : q.displayValue;
          const answer =
            typeof display === 'string' ? display : Array.isArray(display) ? display.join(', ') : String(display);
          const isUrl =
            !empty &&
            q.getPropertyValue('inputType') === 'url' &&
            typeof value === 'string' &&
            /^https?:\/\//i.test(value);
          return { name: q.name, title: q.title || q.name, answer: isUrl ? String(value) : answer, url: isUrl };
        }),
    }));
  } finally {
    model.dispose();
  }
}

/**
 * Printable copy of a submitted version (issue #16 item 2): folio, answers with their question
 * titles, evidence links and files. Reached from the confirmation screen and the receipt mail; the
 * print stylesheet leaves only the copy, so "Save as PDF" gives the institution its own record.
 */
export default function CopyPage({ token, version }: { token: string; version: number | null }) {
  const { t, lang, dateTime } = useT();
  const copy = useAsync((signal) => respondApi.copy(token, version, signal), [token, version]);
  usePageTitle(copy.data ? `${t('copy.title')} — ${copy.data.folio}` : t('copy.title'));
  const content = useMemo(() => (copy.data ? sections(copy.data, lang, t('copy.noAnswer')) : []), [copy.data, lang, t]);

  if (copy.loading && !copy.data) return <Spinner label={t('copy.loading')} />;
  if (copy.error || !copy.data) {
    const missing = copy.error instanceof ApiError && copy.error.code === 'NOT_FOUND';
    return (
      <>
        <h1>{t('copy.title')}</h1>
        {missing ? <Alert kind="info">{<p>{t('copy.notFound')}</p>}</Alert> : <ErrorAlert error={copy.error} />}
        <p>
          <Link to={`/responder/${token}`}>{t('copy.back')}</Link>
        </p>
      </>
    );
  }
  const c = copy.data;
  return (
    <article className="copy" aria-labelledby="copy-title">
      <header className="page-header">
        <p className="eyebrow">{c.roundName}</p>
        <h1 id="copy-title">{t('copy.title')}</h1>
        <p className="copy-meta">{c.institutionName}</p>
        <p className="copy-meta copy-folio">
          {t('respond.folio')}: <span data-testid="copy-folio">{c.folio}</span>
        </p>
        <p className="copy-meta">{t('copy.meta', { version: c.version, date: dateTime(c.submittedAt) })}</p>
      </header>
      <div className="actions no-print">
        <Button onClick={() => window.print()}>{t('copy.print')}</Button>
        <Link to={`/responder/${token}`}>{t('copy.back')}</Link>
      </div>
      {content.map((s) => (
        <section key={s.title} aria-label={s.title}>
          <h2 className="copy-page-title">{s.title}</h2>
          <ul className="copy-answers">
            {s.items.map((item) => (
              <li key={item.name}>
                <p className="copy-question">{item.title}</p>
                <p className="copy-answer">
                  {item.url ? (
                    <a href={item.answer} rel="noopener noreferrer">
                      {item.answer}
                    </a>
                  ) : (
                    item.answer
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="copy-evidence" aria-labelledby="copy-evidence-title">
        <h2 id="copy-evidence-title">{t('copy.evidence')}</h2>
        {c.evidence.length === 0 ? (
          <p>{t('copy.noEvidence')}</p>
        ) : (
          <ul>
            {c.evidence.map((f) => (
              <li key={f.sha256 + f.filename}>
                {f.filename} ({Math.max(1, Math.round(f.size / 1024))} KB) — {t('copy.checksum')}{' '}
                <code>{f.sha256}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
