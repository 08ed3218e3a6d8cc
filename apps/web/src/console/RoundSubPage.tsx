import type { ReactNode } from 'react';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';
import { useAsync } from '../shared/useAsync';
import { consoleApi } from './api';
import { ConsoleNav } from './ConsoleNav';

/**
 * The frame of a page that belongs to one round (responses, disputes): console navigation, the way
 * back to the round, the round's name above the title, and a one-paragraph introduction.
 */
export function RoundSubPage({
  roundId,
  title,
  intro,
  children,
}: {
  roundId: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const round = useAsync((signal) => consoleApi.round(roundId, signal), [roundId]);
  usePageTitle(title);
  return (
    <>
      <ConsoleNav />
      <p>
        <Link to={`/consola/rondas/${roundId}`}>← {round.data?.name ?? t('console.rounds')}</Link>
      </p>
      <header className="page-header">
        {round.data && <p className="eyebrow">{round.data.name}</p>}
        <h1>{title}</h1>
      </header>
      <p className="muted">{intro}</p>
      {children}
    </>
  );
}

/**
 * One-choice filter of a list, as a row of pressed/unpressed buttons. Choosing calls `onChange`, where
 * the list goes back to its first page.
 */
export function SegmentedFilter<T extends string | undefined>({
  label,
  options,
  value,
  onChange,
  children,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange(option: T): void;
  /** The button's content for an option. */
  children(option: T): ReactNode;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o ?? 'all'}
          type="button"
          className={`btn btn-small ${value === o ? 'btn-primary' : 'btn-secondary'}`}
          aria-pressed={value === o}
          onClick={() => onChange(o)}
        >
          {children(o)}
        </button>
      ))}
    </div>
  );
}
