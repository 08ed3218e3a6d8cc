import { Link } from '../router';

export interface SubNavItem {
  to: string;
  label: string;
  active: boolean;
}

/** The row of section links under a page's title (console sections, a round's result views). */
export function SubNav({ label, items }: { label: string; items: readonly SubNavItem[] }) {
  return (
    <nav className="subnav" aria-label={label}>
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
