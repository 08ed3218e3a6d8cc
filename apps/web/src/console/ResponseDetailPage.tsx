import { useId, useState } from 'react';
import { downloadFile } from '../shared/api';
import { Button, ErrorAlert, Spinner, StatusBadge } from '../shared/components';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { ConsoleNav } from './ConsoleNav';
import {
  responsesApi,
  type AnswerChange,
  type Claim,
  type LabelledAnswer,
  type StaffEvidence,
  type VersionHistory,
} from './responses-api';
import './responses.css';

/**
 * One institution's self-report for the guarantor's staff: the current answers under their
 * question titles, every version with what changed, the evidence files and the citizens' verdicts
 * per claim (validators under per-round pseudonyms).
 */
export function ResponseDetailPage({ roundId, institutionId }: { roundId: string; institutionId: string }) {
  const { t } = useT();
  const detail = useAsync((signal) => responsesApi.detail(roundId, institutionId, signal), [roundId, institutionId]);
  const d = detail.data;
  usePageTitle(d ? t('responses.detail', { name: d.institution.name }) : t('responses.title'));
  return (
    <>
      <ConsoleNav />
      <p>
        <Link to={`/consola/rondas/${roundId}/respuestas`}>← {t('responses.back')}</Link>
      </p>
      {detail.loading && !d && <Spinner />}
      <ErrorAlert error={detail.error} />
      {d && (
        <>
          <header className="page-header">
            <p className="eyebrow">
              <StatusBadge status={d.status} />
            </p>
            <h1>{t('responses.detail', { name: d.institution.name })}</h1>
            <p className="muted">
              {d.institution.type} · {d.institution.level} · {d.institution.cvegeo}
            </p>
          </header>
          {d.status !== 'submitted' && d.versions.length === 0 ? (
            <p>{t('responses.notSubmitted')}</p>
          ) : (
            <>
              <Answers answers={d.answers} version={d.version} questionnaireVersion={d.questionnaireVersion} />
              <History versions={d.versions} />
            </>
          )}
          <Evidence files={d.evidence} />
          <Claims claims={d.claims} answers={d.answers} />
        </>
      )}
    </>
  );
}

/** An answer as text: the choice labels when there are some, yes/no for booleans, lists joined. */
function useAnswerText(): (value: unknown, label?: { es: string; en: string } | null) => string {
  const { t, pick, number } = useT();
  const text = (value: unknown, label?: { es: string; en: string } | null): string => {
    if (label) return pick(label);
    if (value === null || value === undefined || value === '') return t('responses.unanswered');
    if (typeof value === 'boolean') return value ? t('responses.yes') : t('responses.no');
    if (typeof value === 'number') return number(value);
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map((v) => text(v)).join('; ');
    return JSON.stringify(value);
  };
  return text;
}

function Answers({
  answers,
  version,
  questionnaireVersion,
}: {
  answers: LabelledAnswer[];
  version: number;
  questionnaireVersion: number | null;
}) {
  const { t, pick } = useT();
  const text = useAnswerText();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.current', { version, qv: questionnaireVersion ?? '?' })}</h2>
      <dl className="answer-list">
        {answers.map((a) => (
          <div key={a.name} className="answer-row">
            <dt>
              {pick(a.title)} <code className="muted">{a.name}</code>
            </dt>
            <dd className={a.value === null ? 'muted pre-wrap break' : 'pre-wrap break'}>
              {text(a.value, a.label)}
              {a.label && typeof a.value !== 'boolean' && (
                <span className="muted"> ({Array.isArray(a.value) ? a.value.join('; ') : String(a.value)})</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function History({ versions }: { versions: VersionHistory[] }) {
  const { t, dateTime } = useT();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.history')}</h2>
      <ol className="version-list" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.version} className="card">
            <h3>
              {t('responses.versionN', { version: v.version })}{' '}
              <span className="muted">· {t('responses.sentOn', { date: dateTime(v.submittedAt) })}</span>
            </h3>
            {v.version === 1 ? (
              <p>{t('responses.firstVersion', { count: v.changes.length })}</p>
            ) : v.changes.length === 0 ? (
              <p>{t('responses.noChanges')}</p>
            ) : (
              <Changes changes={v.changes} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Changes({ changes }: { changes: AnswerChange[] }) {
  const { t, pick } = useT();
  const text = useAnswerText();
  return (
    <div className="table-wrap">
      <table className="table changes">
        <caption>{t('responses.changeCount', { count: changes.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('responses.question')}</th>
            <th scope="col">{t('responses.before')}</th>
            <th scope="col">{t('responses.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.name} className={`change change-${c.change}`}>
              <th scope="row">
                {pick(c.title)}
                <br />
                <span className="badge badge-warning">{t(`responses.change.${c.change}`)}</span>
              </th>
              <td className="pre-wrap break">{c.change === 'added' ? '—' : <del>{text(c.before)}</del>}</td>
              <td className="pre-wrap break">{c.change === 'removed' ? '—' : <ins>{text(c.after)}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Evidence({ files }: { files: StaffEvidence[] }) {
  const { t, number } = useT();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  async function download(f: StaffEvidence) {
    setError(null);
    try {
      await downloadFile(f.href, f.filename);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.evidence')}</h2>
      <ErrorAlert error={error} />
      {files.length === 0 ? (
        <p>{t('responses.noEvidence')}</p>
      ) : (
        <ul className="evidence-list">
          {files.map((f) => (
            <li key={f.id}>
              <Button
                variant="secondary"
                small
                onClick={() => void download(f)}
                aria-label={t('responses.download', { name: f.filename })}
              >
                {f.filename}
              </Button>{' '}
              <span className="muted">
                {f.questionName ?? ''} · {f.mimeType} · {number(Math.ceil(f.size / 1024))} KB
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Claims({ claims, answers }: { claims: Claim[]; answers: LabelledAnswer[] }) {
  const { t, pick } = useT();
  const text = useAnswerText();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  if (claims.length === 0) return null;
  async function download(href: string, who: string) {
    setError(null);
    try {
      await downloadFile(href, `evidencia-${who}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.claims')}</h2>
      <p className="muted">{t('responses.pseudonymNote')}</p>
      <ErrorAlert error={error} />
      {claims.map((c) => (
        <article key={c.questionName} className="card claim" aria-label={pick(c.title)}>
          <h3>{pick(c.title)}</h3>
          <p>
            {t('responses.claimed', { value: text(c.claimed, answers.find((a) => a.name === c.questionName)?.label) })}
          </p>
          {c.verdicts.length === 0 ? (
            <p className="muted">{t('responses.noVerdicts')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{pick(c.title)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('responses.validator')}</th>
                    <th scope="col">{t('responses.verdict')}</th>
                    <th scope="col">{t('responses.standing')}</th>
                    <th scope="col">{t('responses.comment')}</th>
                    <th scope="col">{t('responses.evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.verdicts.map((v) => (
                    <VerdictRow key={`${v.validator}:${v.recordedAt}`} verdict={v} onDownload={download} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

/** One validator's verdict on a claim, with its standing, comment and evidence. */
function VerdictRow({
  verdict: v,
  onDownload,
}: {
  verdict: Claim['verdicts'][number];
  onDownload: (href: string, who: string) => Promise<void>;
}) {
  const { t, dateTime } = useT();
  return (
    <tr>
      <th scope="row">
        <code className="nowrap">{v.validator}</code>
        <br />
        <span className="muted">{dateTime(v.recordedAt)}</span>
      </th>
      <td>
        <StatusBadge status={v.verdict} />
      </td>
      <td>{t(`responses.standing.${v.standing}`)}</td>
      <td className="pre-wrap break">{v.comment ?? '—'}</td>
      <td className="break">
        {v.evidenceUrl && (
          <a href={v.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow">
            {t('responses.link')}
          </a>
        )}
        {v.evidenceHref && (
          <Button variant="secondary" small onClick={() => void onDownload(v.evidenceHref as string, v.validator)}>
            {t('responses.file')}
          </Button>
        )}
        {!v.evidenceUrl && !v.evidenceHref && '—'}
      </td>
    </tr>
  );
}
