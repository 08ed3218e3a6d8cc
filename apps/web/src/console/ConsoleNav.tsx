import { useT } from '../shared/i18n';
import { SubNav } from '../shared/components';
import { useLocation } from '../shared/router';

export function ConsoleNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  const items = [
    { to: '/consola', label: t('console.rounds'), active: pathname === '/consola' || pathname.startsWith('/consola/rondas') },
    { to: '/consola/universo', label: t('console.universe'), active: pathname.startsWith('/consola/universo') },
    { to: '/consola/correo', label: t('mail.nav'), active: pathname.startsWith('/consola/correo') },
  ];
  return <SubNav label={t('console.nav')} items={items} />;
}
