import { Field } from '../shared/components';
import { useT } from '../shared/i18n';
import { MIN_PASSWORD } from './new-password';

interface PasswordFieldProps {
  /** A fixed id for the input; a generated one when absent. */
  id?: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function PasswordField({ id, label, hint, value, error, onChange }: PasswordFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(a) => (
        <input
          {...a}
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required
        />
      )}
    </Field>
  );
}

/** The "new password" input with its length hint, alone where no confirmation is asked (registration). */
export function NewPasswordField(props: Omit<PasswordFieldProps, 'hint'>) {
  const { t } = useT();
  return <PasswordField {...props} hint={t('reset.passwordHint', { min: MIN_PASSWORD })} />;
}

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
  return (
    <>
      <NewPasswordField
        id={ids?.password}
        label={labels.password}
        value={password}
        error={errors.password}
        onChange={onPassword}
      />
      <PasswordField id={ids?.repeat} label={labels.repeat} value={repeat} error={errors.repeat} onChange={onRepeat} />
    </>
  );
}
