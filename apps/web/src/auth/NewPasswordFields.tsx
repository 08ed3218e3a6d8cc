import { Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { MIN_PASSWORD } from './new-password';

interface NewPasswordFieldsProps {
  /** Fixed ids for the two inputs; generated ones when absent. */
  ids?: { password: string; repeat: string };
  labels: { password: string; repeat: string };
  password: string;
  repeat: string;
  errors: { password?: string; repeat?: string };
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
}

/** The "new password" and "confirm it" pair shared by account activation and password reset. */
export function NewPasswordFields({
  ids,
  labels,
  password,
  repeat,
  errors,
  onPassword,
  onRepeat,
}: NewPasswordFieldsProps) {
  const { t } = useT();
  return (
    <>
      <Field
        id={ids?.password}
        label={labels.password}
        hint={t('reset.passwordHint', { min: MIN_PASSWORD })}
        error={errors.password}
        required
      >
        {(a) => (
          <input
            {...a}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => onPassword(e.target.value)}
            required
          />
        )}
      </Field>
      <Field id={ids?.repeat} label={labels.repeat} error={errors.repeat} required>
        {(a) => (
          <input
            {...a}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => onRepeat(e.target.value)}
            required
          />
        )}
      </Field>
    </>
  );
}
