import { useT } from '../shared/i18n';
import { SubNav } from '../shared/components';
import { useLocation } from '../shared/router';
import { useSession } from '../shared/auth';

export function ConsoleNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  const session = useSession();
  const items = [
    {
      to: '/consola',
      label: t('console.rounds'),
      active: pathname === '/consola' || pathname.startsWith('/consola/rondas'),
    },
    { to: '/consola/universo', label: t('console.universe'), active: pathname.startsWith('/consola/universo') },
    { to: '/consola/correo', label: t('mail.nav'), active: pathname.startsWith('/consola/correo') },
    { to: '/consola/reportes', label: t('report.queueNav'), active: pathname.startsWith('/consola/reportes') },
  ];
  // People and the audit log are the admins' (the API refuses analysts anyway).
  if (session?.user.role === 'guarantor_admin') {
    items.push(
      { to: '/consola/cuestionarios', label: t('designer.nav'), active: pathname.startsWith('/consola/cuestionarios') },
      { to: '/consola/personas', label: t('people.nav'), active: pathname.startsWith('/consola/personas') },
      { to: '/consola/auditoria', label: t('audit.nav'), active: pathname.startsWith('/consola/auditoria') },
      { to: '/consola/organismo', label: t('operator.nav'), active: pathname.startsWith('/consola/organismo') },
    );
  }
  return <SubNav label={t('console.nav')} items={items} />;
}
