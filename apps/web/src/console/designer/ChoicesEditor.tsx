import { useId, useState } from 'react';
import { choiceDraftsFromCell, choiceDraftsToCell, type ChoiceDraft } from '@apertura/questionnaire-designer';
import { Button } from '../../shared/components';
import { useT } from '../../shared/i18n';

export function ChoicesEditor({
  legend,
  cell,
  error,
  onChange,
}: {
  legend: string;
  cell: string;
  error: string | null;
  onChange(cell: string): void;
}) {
  const { t } = useT();
  // Drafts keep what is being typed (a choice without a value yet) that the cell cannot hold.
  const [drafts, setDrafts] = useState<ChoiceDraft[]>(() => choiceDraftsFromCell(cell));
  const headingId = useId();
  function set(next: ChoiceDraft[]) {
    setDrafts(next);
    onChange(choiceDraftsToCell(next));
  }
  const patch = (i: number, p: Partial<ChoiceDraft>) => set(drafts.map((d, k) => (k === i ? { ...d, ...p } : d)));
  return (
    <fieldset className="designer-choices" aria-labelledby={headingId}>
      <legend id={headingId}>{legend}</legend>
      {error && <p className="field-error">{error}</p>}
      <ol>
        {drafts.map((d, i) => (
          <ChoiceItem
            key={i}
            n={i + 1}
            choice={d}
            onPatch={(p) => patch(i, p)}
            onRemove={() => set(drafts.filter((_, k) => k !== i))}
          />
        ))}
      </ol>
      <Button
        variant="secondary"
        small
        onClick={() =>
          set([...drafts, { value: '', es: '', en: '', score: '', notApplicable: false, exclusive: false }])
        }
      >
        + {t('designer.choice.add')}
      </Button>
    </fieldset>
  );
}

/** One choice: its value, Spanish and English texts, score, and the not-applicable and exclusive flags. */
function ChoiceItem(props: {
  n: number;
  choice: ChoiceDraft;
  onPatch(p: Partial<ChoiceDraft>): void;
  onRemove(): void;
}) {
  const { n, choice: d, onPatch, onRemove } = props;
  const { t } = useT();
  return (
    <li className="designer-choice" aria-label={t('designer.choice.n', { n })}>
      <label>
        {t('designer.choice.value')}
        <input
          type="text"
          value={d.value}
          onChange={(e) => onPatch({ value: e.target.value })}
          className="mono"
          autoComplete="off"
        />
      </label>
      <label>
        {t('designer.choice.es')}
        <input type="text" value={d.es} onChange={(e) => onPatch({ es: e.target.value })} />
      </label>
      <label>
        {t('designer.choice.en')}
        <input type="text" value={d.en} onChange={(e) => onPatch({ en: e.target.value })} />
      </label>
      <label>
        {t('designer.choice.score')}
        <input
          type="text"
          value={d.score}
          inputMode="decimal"
          disabled={d.notApplicable}
          onChange={(e) => onPatch({ score: e.target.value })}
        />
      </label>
      <label className="designer-choice-flag">
        <input
          type="checkbox"
          checked={d.notApplicable}
          onChange={(e) => onPatch({ notApplicable: e.target.checked, score: e.target.checked ? '' : d.score })}
        />{' '}
        {t('designer.choice.na')}
      </label>
      <label className="designer-choice-flag">
        <input type="checkbox" checked={d.exclusive} onChange={(e) => onPatch({ exclusive: e.target.checked })} />{' '}
        {t('designer.choice.exclusive')}
      </label>
      <Button variant="quiet" small onClick={onRemove} aria-label={t('designer.choice.remove', { n })}>
        ✕
      </Button>
    </li>
  );
}
