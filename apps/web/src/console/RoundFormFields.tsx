import { Field } from '../shared/components';
import { useT } from '../shared/i18n';

/** Form pieces shared by "create a round" (RoundsPage) and "edit the draft" (RoundAdmin). */

/** The round's name, and when it opens and closes in the browser's local time. */
export function NameAndWindowFields({
  name,
  opensAt,
  closesAt,
  errors,
  onName,
  onOpensAt,
  onClosesAt,
}: {
  name: string;
  opensAt: string;
  closesAt: string;
  errors: Record<string, string>;
  onName(value: string): void;
  onOpensAt(value: string): void;
  onClosesAt(value: string): void;
}) {
  const { t } = useT();
  return (
    <>
      <Field label={t('console.roundName')} error={errors.name} required>
        {(a) => (
          <input {...a} type="text" maxLength={200} value={name} onChange={(e) => onName(e.target.value)} required />
        )}
      </Field>
      <div className="grid-2">
        <Field label={t('console.opensAt')} hint={t('console.localTime')} error={errors.opensAt} required>
          {(a) => (
            <input {...a} type="datetime-local" value={opensAt} onChange={(e) => onOpensAt(e.target.value)} required />
          )}
        </Field>
        <Field label={t('console.closesAt')} hint={t('console.localTime')} error={errors.closesAt} required>
          {(a) => (
            <input
              {...a}
              type="datetime-local"
              value={closesAt}
              onChange={(e) => onClosesAt(e.target.value)}
              required
            />
          )}
        </Field>
      </div>
    </>
  );
}

interface QuestionnaireOption {
  id: string;
  title: string;
  version: number;
}

/** A required questionnaire choice, each option named with its version. */
function QuestionnaireField({
  label,
  error,
  value,
  items,
  onChange,
}: {
  label: string;
  error: string | undefined;
  value: string;
  items: QuestionnaireOption[];
  onChange(id: string): void;
}) {
  return (
    <Field label={label} error={error} required>
      {(a) => (
        <select {...a} value={value} onChange={(e) => onChange(e.target.value)}>
          {items.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title} (v{q.version})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The pair of questionnaires a round needs: one for institutions, one for citizen validators. */
export function QuestionnaireFields({
  errors,
  institution,
  citizen,
}: {
  errors: Record<string, string>;
  institution: { value: string; items: QuestionnaireOption[]; onChange(id: string): void };
  citizen: { value: string; items: QuestionnaireOption[]; onChange(id: string): void };
}) {
  const { t } = useT();
  return (
    <>
      <QuestionnaireField
        label={t('console.institutionQuestionnaire')}
        error={errors.institutionQuestionnaireId}
        {...institution}
      />
      <QuestionnaireField
        label={t('console.citizenQuestionnaire')}
        error={errors.citizenQuestionnaireId}
        {...citizen}
      />
    </>
  );
}
