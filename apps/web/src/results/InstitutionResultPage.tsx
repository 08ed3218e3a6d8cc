import { CommitmentsSection } from '../commitments/CommitmentsPage';
import { useT } from '../shared/i18n';
import { Link } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import { resultsApi, type InstitutionDetail, type RankingGroup, type ResultStatus, type ResultValue } from './api';
import { fmtValue, IntervalChart, SubIndexBars, type IntervalRow } from './charts';
import { CodeLegend, NoHeadlineReason, RoundNav, useStatusText, ValueCell } from './common';
import { useLiveResults } from './live';
import { trendHref } from './trends';
import {
  codeLabel,
  institutionBadges,
  institutionStatusText,
  markOf,
  neededText,
  plural,
  type InstitutionBadges,
} from './present';

const SUB_INDICES = ['TG', 'TC', 'PG', 'PC'] as const;
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function row(
  key: string,
  label: string,
  v: ResultValue | undefined,
  raw?: number | null,
  group?: RankingGroup | null,
): IntervalRow {
  return {
    key,
    label,
    estimate: v?.estimate ?? null,
    lo: v?.lo ?? null,
    hi: v?.hi ?? null,
    status: v?.status ?? 'not_validated',
    raw,
    mark: v ? markOf(v, group) : 'none',
  };
}

/** The badges of one institution, derived from the numbers on the same page (present.ts). */
function badgesOf(d: InstitutionDetail): InstitutionBadges {
  const verdicts = d.inputs ? d.inputs.verdicts.confirmed + d.inputs.verdicts.refuted : 0;
  return institutionBadges({
    values: d.values,
    citizenReports: d.inputs?.citizenReports ?? d.summary?.citizenReports ?? 0,
    validators: d.inputs?.validators ?? d.summary?.validators ?? 0,
    // The stored flag counts only final verdicts; without it, every verdict counts at once (METHOD.md §3.1 seam).
    countedVerdicts: d.summary?.verified === undefined ? verdicts : d.summary.verified ? Math.max(1, verdicts) : 0,
    selfReported: d.summary?.selfReported ?? d.inputs?.selfReport !== null,
  });
}

/** Citizen validation, verification and citizen reports: words that agree with the numbers below. */
function Badges({ b }: { b: InstitutionBadges }) {
  const { t, lang } = useT();
  const reports = plural(
    lang,
    b.citizenReports,
    lang === 'es'
      ? { one: '{n} reporte ciudadano', other: '{n} reportes ciudadanos' }
      : { one: '{n} citizen report', other: '{n} citizen reports' },
  );
  const validators = plural(
    lang,
    b.validators,
    lang === 'es'
      ? { one: '{n} validador con reporte o veredicto', other: '{n} validadores con reporte o veredicto' }
      : { one: '{n} validator with a report or verdict', other: '{n} validators with a report or verdict' },
  );
  return (
    <ul className="institution-badges" aria-label={t('results.validationState')}>
      <li>
        <span
          className={`badge badge-${b.citizenValidated ? 'success' : 'neutral'}`}
          data-testid="badge-citizen"
          data-validated={String(b.citizenValidated)}
        >
          {b.citizenValidated
            ? t('results.badgeCitizenValidated')
            : b.partialCitizen
              ? t('results.badgeCitizenPartial', { code: b.partialCitizen === 'TC' ? 'PC' : 'TC' })
              : t('results.badgeNoCitizen')}
        </span>
      </li>
      <li>
        <span
          className={`badge badge-${b.verified ? 'success' : 'neutral'}`}
          data-testid="badge-verified"
          data-verified={String(b.verified)}
        >
          {b.selfReported
            ? b.verified
              ? t('results.badgeVerified')
              : t('results.badgeUnverified')
            : t('results.noSelfReport')}
        </span>
      </li>
      <li data-testid="badge-reports" data-count={b.citizenReports}>
        {reports} · {validators}
      </li>
    </ul>
  );
}

/** Name, type, level and place of the institution, with the round's navigation and its own pages. */
function InstitutionHeader({
  d,
  roundId,
  institutionId,
}: {
  d: InstitutionDetail;
  roundId: string;
  institutionId: string;
}) {
  const { t, maybe } = useT();
  return (
    <>
      <p className="eyebrow">
        <Link to={`/resultados/${roundId}`}>{d.round.name}</Link>
      </p>
      <h1>{d.institution.name}</h1>
      <p className="muted">
        {d.institution.type} · {maybe(`results.level.${d.institution.level}`, d.institution.level)} ·{' '}
        {d.institution.municipality},{' '}
        <Link to={`/resultados/${roundId}/estados/${d.institution.cveEnt}`}>{d.institution.state}</Link>
      </p>
      <RoundNav roundId={roundId} />
      <p className="page-links" data-testid="institution-links">
        <Link to={trendHref(roundId, 'institution', institutionId)}>{t('trends.link')}</Link> ·{' '}
        <Link to={`/resultados/${roundId}/instituciones/${institutionId}/boleta`}>{t('reportCard.link')}</Link>
        {d.round.status === 'published' && (
          <>
            {' · '}
            <Link
              to={`/resultados/${roundId}/reportar?institucion=${encodeURIComponent(institutionId)}`}
              data-testid="report-link"
            >
              {t('report.link')}
            </Link>
          </>
        )}
      </p>
    </>
  );
}

/** The four sub-indices as bars with whiskers, then each in words with its interval and status. */
function SubIndexSection({
  value,
  statusText,
  citizenValidated,
}: {
  value(indicator: string): ResultValue | undefined;
  statusText(st: ResultStatus | null): string;
  citizenValidated: boolean;
}) {
  const { t, lang } = useT();
  return (
    <>
      <h2>{t('results.subIndices')}</h2>
      <SubIndexBars
        rows={SUB_INDICES.map((k) => row(k, k, value(k)))}
        label={t('results.subLabel')}
        statusText={statusText}
      />
      <CodeLegend codes={SUB_INDICES} />
      <ul className="value-list">
        {SUB_INDICES.map((k) => (
          <li key={k} data-testid={`value-${k}`}>
            {codeLabel(k, lang)}: <ValueCell v={value(k)} citizenValidated={citizenValidated} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every component's interval, with the self-reported score beside the government ones. */
function ComponentsSection({
  components,
  statusText,
}: {
  components: InstitutionDetail['components'];
  statusText(st: ResultStatus | null): string;
}) {
  const { t, lang } = useT();
  return (
    <>
      <h2>{t('results.components')}</h2>
      {components.length > 0 && (
        <IntervalChart
          rows={components.map((c) =>
            row(c.code, codeLabel(c.code, lang), c.value, c.kind === 'government' ? c.raw : null),
          )}
          testId="mark-component"
          label={t('results.componentsLabel')}
          statusText={statusText}
        />
      )}
      <p className="muted small">
        {t('results.componentsLabel')}. {t('results.hatchLegend')}
      </p>
    </>
  );
}

/** One institution: sub-indices, component breakdown, self-report vs validated (ΔG), items with evidence, provenance. */
export function InstitutionResultPage({ roundId, institutionId }: { roundId: string; institutionId: string }) {
  const { t, pick, lang } = useT();
  const baseStatusText = useStatusText();
  const data = useAsync((signal) => resultsApi.institution(roundId, institutionId, signal), [roundId, institutionId]);
  // Its own job, or an area job that re-finalised it under a new pool (or a rebuild).
  useLiveResults(roundId, data.refresh, (c) => c.scope !== 'institution' || c.institutionId === institutionId);
  const d = data.data;
  usePageTitle(d?.institution.name);
  const value = (ind: string) => d?.values.find((v) => v.indicator === ind);
  const raw = value('I_G_raw');
  const validated = value('I_G');
  const delta = value('DELTA_G');
  const evidence = d?.inputs?.evidenceUrls ?? [];
  const badges = d ? badgesOf(d) : null;
  const validatedInst = badges?.citizenValidated ?? false;
  // Item names are question ids ("act_sectores"): the reader sees the title of the version answered.
  const itemTitle = new Map(
    (d?.components ?? []).flatMap((c) => c.items.map((it) => [it.name, it.title ? pick(it.title) : it.name] as const)),
  );
  const pending = d?.summary?.pendingRefutations ?? 0;
  const indexI = value('I');
  const neededForI = indexI ? neededText(indexI, lang) : null;
  // I_G adjusted by verdicts is still an unverified self-report when no verdict was counted.
  const selfGroup: RankingGroup | null = badges && !badges.verified ? 'unverified_self_report' : null;
  // Charts of a validated institution: a stored not_validated there is a government-perspective value (present.ts).
  const statusText = (st: ResultStatus | null) =>
    st !== null && validatedInst
      ? institutionStatusText({ status: st, indicator: 'I_G' }, true, lang)
      : baseStatusText(st);

  return (
    <section className="results">
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      {d && (
        <>
          {d.round.synthetic && <SyntheticBanner />}
          <InstitutionHeader d={d} roundId={roundId} institutionId={institutionId} />
          {!d.computed && <p className="alert alert-info">{t('results.notComputed')}</p>}
          {badges && <Badges b={badges} />}
          {pending > 0 && <p className="alert alert-info">{t('results.pendingRefutations', { n: pending })}</p>}
          <HeadlineFacts
            headline={d.headline}
            neededForI={neededForI}
            raw={raw}
            validated={validated}
            delta={delta}
            selfGroup={selfGroup}
            citizenValidated={validatedInst}
            selfReported={d.summary?.selfReported ?? d.inputs?.selfReport != null}
          />

          <h2>{t('results.selfVsValidated')}</h2>
          <IntervalChart
            rows={[
              row('I_G_raw', t('results.selfReport'), raw),
              row('I_G', t('results.validated'), validated, undefined, selfGroup),
            ]}
            testId="mark-delta"
            label={t('results.deltaLabel', {
              raw: fmtValue(raw?.estimate),
              validated: fmtValue(validated?.estimate),
              delta: delta?.estimate == null ? '—' : fmtValue(delta.estimate),
            })}
            statusText={statusText}
          />

          <SubIndexSection value={value} statusText={statusText} citizenValidated={validatedInst} />

          <ComponentsSection components={d.components} statusText={statusText} />

          <h2>{t('results.items')}</h2>
          <ItemTables components={d.components} evidence={evidence} />
          <h2>{t('results.evidence')}</h2>
          <EvidenceList evidence={evidence} itemTitle={itemTitle} />

          <CommitmentsSection roundId={roundId} institutionId={institutionId} />

          <h2>{t('results.provenance')}</h2>
          <Provenance d={d} />
          <p className="notice" role="note">
            {pick(d.notice)}
          </p>
        </>
      )}
    </section>
  );
}

type Evidence = NonNullable<InstitutionDetail['inputs']>['evidenceUrls'];

/** An evidence URL: a link that opens apart (and says so) when it is a web address, plain text otherwise. */
function EvidenceLink({ url, testId }: { url: string; testId?: string }) {
  const { t } = useT();
  if (!isWebUrl(url)) return <span className="evidence-link">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="evidence-link" data-testid={testId}>
      {url}
      <span className="visually-hidden"> {t('results.newWindow')}</span>
    </a>
  );
}

/** One table per component with items: self-reported and validated score, verdicts, evidence. */
function ItemTables({ components, evidence }: { components: InstitutionDetail['components']; evidence: Evidence }) {
  const { t, pick, maybe, lang } = useT();
  return (
    <>
      {components
        .filter((c) => c.items.length > 0)
        .map((c) => (
          <div className="table-wrap" key={c.code}>
            <table className="table table-stack">
              <caption>
                {codeLabel(c.code, lang)} · {fmtValue(c.value.estimate)} ({t('results.selfScore')}: {fmtValue(c.raw)})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.item')}</th>
                  <th scope="col" className="num">
                    {t('results.selfScore')}
                  </th>
                  <th scope="col" className="num">
                    {t('results.validatedScore')}
                  </th>
                  <th scope="col">{t('results.verification')}</th>
                  <th scope="col">{t('results.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {c.items.map((it) => (
                  <tr key={it.name} data-testid="item-row">
                    <th scope="row">
                      {it.title ? pick(it.title) : it.name}
                      {it.title && <div className="muted small">{it.name}</div>}
                    </th>
                    <td className="num" data-label={t('results.selfScore')}>
                      {fmtValue(it.s)}
                    </td>
                    <td className="num" data-label={t('results.validatedScore')}>
                      {fmtValue(it.sValidated)}
                    </td>
                    <td data-label={t('results.verification')}>
                      {maybe(`results.verification.${it.verification}`, it.verification)}
                      {it.verifiable && (
                        <span className="muted small">
                          {' '}
                          ({it.confirmed} / {it.refuted})
                        </span>
                      )}
                    </td>
                    <td data-label={t('results.evidence')}>
                      {evidence
                        .filter((e) => e.item === it.name)
                        .map((e) => (
                          <EvidenceLink key={e.url} url={e.url} />
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

/** Every evidence URL of the self-report, under the title of the item it backs. */
function EvidenceList({ evidence, itemTitle }: { evidence: Evidence; itemTitle: ReadonlyMap<string, string> }) {
  const { t } = useT();
  if (evidence.length === 0) return <p className="muted">{t('results.evidenceNone')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => (
        <li key={`${e.item}-${i}`}>
          <strong>{itemTitle.get(e.item) ?? e.item}</strong>: <EvidenceLink url={e.url} testId="evidence-link" />
        </li>
      ))}
    </ul>
  );
}

/** Method, watermark and time of the computation, and the inputs it rests on (§7). */
function Provenance({ d }: { d: InstitutionDetail }) {
  const { t, dateTime } = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t('results.method')}</dt>
        <dd>
          {d.provenance.methodId ?? '—'} v{d.provenance.methodVersion ?? '—'} · {t('results.watermark')}{' '}
          {d.provenance.watermark ?? '—'} · {t('results.computedAt')} {dateTime(d.provenance.computedAt)}
        </dd>
      </div>
      {d.inputs && (
        <div>
          <dt>{t('results.evidence')}</dt>
          <dd>
            {d.inputs.selfReport
              ? t('results.selfReportVersion', {
                  version: d.inputs.selfReport.version,
                  date: dateTime(d.inputs.selfReport.submittedAt),
                })
              : t('results.noSelfReport')}
            <br />
            {t('results.citizenInputs', {
              reports: d.inputs.citizenReports,
              validators: d.inputs.validators,
              confirmed: d.inputs.verdicts.confirmed,
              refuted: d.inputs.verdicts.refuted,
              unverifiable: d.inputs.verdicts.unverifiable,
            })}
            {d.inputs.evidenceFiles.length > 0 && (
              <>
                <br />
                {t('results.files')}:{' '}
                {d.inputs.evidenceFiles.map((f) => `${f.filename} (sha256 ${f.sha256.slice(0, 12)}…)`).join(', ')}
              </>
            )}
          </dd>
        </div>
      )}
      {d.provenance.questionnaires.length > 0 && (
        <div>
          <dt>{t('results.questionnaires')}</dt>
          <dd>{d.provenance.questionnaires.map((q) => `${q.slug} v${q.version}`).join(' · ')}</dd>
        </div>
      )}
      {d.summary && d.summary.warnings.length > 0 && (
        <div>
          <dt>{t('results.warnings')}</dt>
          <dd>{d.summary.warnings.join(' · ')}</dd>
        </div>
      )}
    </dl>
  );
}

/** The headline value, and the self-reported, validated and ΔG values beside it. */
function HeadlineFacts({
  headline,
  neededForI,
  raw,
  validated,
  delta,
  selfGroup,
  citizenValidated,
  selfReported,
}: {
  headline: InstitutionDetail['headline'];
  neededForI: string | null;
  raw: ResultValue | undefined;
  validated: ResultValue | undefined;
  delta: ResultValue | undefined;
  selfGroup: RankingGroup | null;
  citizenValidated: boolean;
  selfReported: boolean;
}) {
  const { t, lang } = useT();
  return (
    <dl className="facts facts-grid">
      <div>
        <dt>
          {t('results.headline')}
          {headline && `: ${codeLabel(headline.indicator, lang)}`}
        </dt>
        <dd data-testid="headline">
          {headline ? (
            <ValueCell v={headline} citizenValidated={citizenValidated} />
          ) : (
            <NoHeadlineReason selfReported={selfReported} />
          )}
          {/* Without an I, what matters is how many citizen reports a validated index needs. */}
          {headline?.indicator !== 'I' && neededForI && (
            <span className="needed" data-testid="needed-for-i">
              {t('results.neededForI', { text: neededForI })}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('results.selfReport')}</dt>
        <dd data-testid="self-report">
          <ValueCell v={raw} citizenValidated={citizenValidated} reasons={false} />
        </dd>
      </div>
      <div>
        <dt>{t('results.validated')}</dt>
        <dd data-testid="validated">
          <ValueCell v={validated} group={selfGroup} citizenValidated={citizenValidated} />
        </dd>
      </div>
      <div>
        <dt>{t('results.deltaG')}</dt>
        <dd data-testid="delta-g">
          <ValueCell v={delta} citizenValidated={citizenValidated} />
        </dd>
      </div>
    </dl>
  );
}
