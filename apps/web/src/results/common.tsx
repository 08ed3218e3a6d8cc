import { useT } from '../shared/i18n';
import { Link, useLocation } from '../shared/router';
import type { AreaValue, ResultStatus, ResultValue } from './api';
import { fmtValue } from './charts';

const TONE: Record<ResultStatus, string> = { conclusive: 'success', caution: 'warning', inconclusive: 'danger', not_validated: 'neutral' };
export { STATUS_ORDER } from './api';

export function useStatusText(): (s: ResultStatus | null) => string {
  const { t, maybe } = useT();
  return (s) => (s === null ? t('results.noData') : maybe(`results.status.${s}`, s));
}

/** Conclusiveness in words and colour (never colour alone). */
export function ResultStatusBadge({ status }: { status: ResultStatus }) {
  const text = useStatusText();
  return (
    <span className={`badge badge-${TONE[status] ?? 'neutral'}`} data-status={status}>
      {text(status)}
    </span>
  );
}

/** Estimate, interval, status badge and, when weak, how many more observations would make it conclusive. */
export function ValueCell({ v, area = false }: { v: ResultValue | AreaValue | null | undefined; area?: boolean }) {
  const { t } = useT();
  if (!v) return <>—</>;
  const neededReports = 'coverage' in v ? (v.coverage?.neededReports ?? 0) : 0;
  return (
    <span className="value-cell">
      <strong>{fmtValue(v.estimate)}</strong>{' '}
      {v.lo !== null && v.hi !== null && (
        <span className="muted">
          [{fmtValue(v.lo)}, {fmtValue(v.hi)}]
        </span>
      )}{' '}
      <ResultStatusBadge status={v.status} />
      {v.needed > 0 && v.status !== 'conclusive' && (
        <span className="needed"> {t(area ? 'results.neededSubjects' : 'results.needed', { n: v.needed })}</span>
      )}
      {neededReports > 0 && v.status !== 'conclusive' && <span className="needed"> {t('results.needed', { n: neededReports })}</span>}
    </span>
  );
}

export function RoundNav({ roundId }: { roundId: string }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const base = `/resultados/${roundId}`;
  const items = [
    { to: base, label: t('results.overview'), active: pathname === base },
    { to: `${base}/instituciones`, label: t('results.institutions'), active: pathname.startsWith(`${base}/instituciones`) },
    { to: `${base}/municipios`, label: t('results.municipalities'), active: pathname.startsWith(`${base}/municipios`) },
    { to: `${base}/estados`, label: t('results.states'), active: pathname.startsWith(`${base}/estados`) },
  ];
  return (
    <nav className="subnav" aria-label={t('results.roundViews')}>
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} aria-current={i.active ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A labelled native select (every control has a visible label). */
export function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange(v: string): void; options: Array<{ value: string; label: string }> }) {
  return (
    <div className="field filter">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
