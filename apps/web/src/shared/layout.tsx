import { useEffect, type ReactNode } from 'react';
import { signOut, STAFF_ROLES, useSession } from './auth';
import { useT } from './i18n';
import { Link, navigate, useLocation } from './router';

export function usePageTitle(title: string | undefined): void {
  const { t } = useT();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}

function LanguageToggle() {
  const { lang, setLang, t } = useT();
  const other = lang === 'es' ? 'en' : 'es';
  return (
    <button
      type="button"
      className="lang-toggle"
      onClick={() => setLang(other)}
      lang={other}
      aria-label={t('layout.switchLanguage')}
    >
      {other === 'en' ? 'English' : 'Español'}
    </button>
  );
}

function Header() {
  const { t } = useT();
  const session = useSession();
  const { pathname } = useLocation();
  const role = session?.user.role;
  const current = (prefix: string) => (pathname === prefix || pathname.startsWith(`${prefix}/`) ? 'page' : undefined);

  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('layout.mainNav')} className="main-nav">
          <ul>
            <li>
              <Link to="/resultados" aria-current={current('/resultados')}>
                {t('results.nav')}
              </Link>
            </li>
            {role && STAFF_ROLES.includes(role) && (
              <li>
                <Link to="/consola" aria-current={current('/consola')}>
                  {t('layout.console')}
                </Link>
              </li>
            )}
            {role === 'cosigner' && (
              <li>
                <Link to="/cofirma" aria-current={current('/cofirma')}>
                  {t('cosign.nav')}
                </Link>
              </li>
            )}
            {role === 'citizen_validator' && (
              <li>
                <Link to="/validador" aria-current={current('/validador')}>
                  {t('layout.validator')}
                </Link>
              </li>
            )}
            {!session && (
              <>
                <li>
                  <Link to="/registro" aria-current={current('/registro')}>
                    {t('layout.register')}
                  </Link>
                </li>
                <li>
                  <Link to="/ingresar" aria-current={current('/ingresar')}>
                    {t('layout.signIn')}
                  </Link>
                </li>
              </>
            )}
            {session && (
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void signOut().then(() => navigate('/'));
                  }}
                >
                  {t('layout.signOut')}
                </button>
              </li>
            )}
          </ul>
        </nav>
        <LanguageToggle />
      </div>
    </header>
  );
}

function Footer() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>{t('layout.footer')}</p>
        <p>
          <Link to="/aviso-de-privacidad">{t('layout.privacy')}</Link>
        </p>
      </div>
    </footer>
  );
}

/** The whole page frame: skip link, header, main landmark (focus target after navigation), footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <Footer />
    </>
  );
}

/** Shown wherever data of a synthetic (demo) round appears. */
export function SyntheticBanner() {
  const { t } = useT();
  return (
    <div className="synthetic-banner" role="note">
      <strong>{t('layout.synthetic')}</strong> <span>{t('layout.syntheticDetail')}</span>
    </div>
  );
}
