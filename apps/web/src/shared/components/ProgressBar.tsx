import { useT } from '../i18n';

export interface ProgressBarProps {
  /** 0..max */
  value: number;
  max?: number;
  label: string;
  /** Extra text after the percentage, e.g. "12 de 40". */
  detail?: string;
  tone?: 'default' | 'success' | 'warning' | 'muted';
}

export function ProgressBar({ value, max = 1, label, detail, tone = 'default' }: ProgressBarProps) {
  const { number } = useT();
  const fraction = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const pct = number(fraction, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="progress-value">
          {pct}
          {detail ? ` · ${detail}` : ''}
        </span>
      </div>
      <div
        className={`progress-track progress-${tone}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={detail ? `${pct} (${detail})` : pct}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}
