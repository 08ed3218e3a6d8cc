import { useT } from '../shared/i18n';
import { Link, useLocation } from '../shared/router';

export function ConsoleNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  const items = [
    { to: '/consola', label: t('console.rounds'), active: pathname === '/consola' || pathname.startsWith('/consola/rondas') },
    { to: '/consola/universo', label: t('console.universe'), active: pathname.startsWith('/consola/universo') },
    { to: '/consola/correo', label: t('mail.nav'), active: pathname.startsWith('/consola/correo') },
  ];
  return (
    <nav className="subnav" aria-label={t('console.nav')}>
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
