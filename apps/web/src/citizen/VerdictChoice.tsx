import { useT } from '../shared/i18n';
import { VERDICTS, type VerdictValue } from './api';

/**
 * The verdict radios of the verdict engine, one component for every claim kind (self-report claims
 * and commitment milestones, issue #18): the same three verdicts, words and error wiring.
 */
export function VerdictChoice({
  uid,
  value,
  onChange,
  disabled,
  error,
}: {
  uid: string;
  value: VerdictValue | '' | null | undefined;
  onChange(v: VerdictValue): void;
  disabled: boolean;
  error?: string | null;
}) {
  const { t } = useT();
  return (
    <fieldset className="fieldset" disabled={disabled} aria-describedby={error ? `${uid}-verdict-error` : undefined}>
      <legend>{t('assignment.verdict')}</legend>
      <div className="radio-group">
        {VERDICTS.map((v) => (
          <label key={v} className="radio">
            <input type="radio" name={`${uid}-verdict`} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>
              <strong>{t(`status.${v}`)}</strong>
              <span className="muted"> — {t(`assignment.verdict.${v}`)}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${uid}-verdict-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
