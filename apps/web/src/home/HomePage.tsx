import { useSession, homeFor } from '../shared/auth';
import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';

export function HomePage() {
  const { t } = useT();
  const session = useSession();
  usePageTitle(undefined);
  return (
    <>
      <section className="hero">
        <h1>{t('app.name')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <p>{t('home.intro')}</p>
      </section>
      <div className="grid-3">
        <section className="card">
          <h2>{t('home.institutionsTitle')}</h2>
          <p>{t('home.institutionsBody')}</p>
        </section>
        <section className="card">
          <h2>{t('home.citizensTitle')}</h2>
          <p>{t('home.citizensBody')}</p>
          <p className="actions">
            <Link className="btn btn-primary" to="/registro">
              {t('home.citizensRegister')}
            </Link>
            <Link
              className="btn btn-secondary"
              to={session?.user.role === 'citizen_validator' ? '/validador' : '/ingresar'}
            >
              {t('home.citizensSignIn')}
            </Link>
          </p>
        </section>
        <section className="card">
          <h2>{t('home.staffTitle')}</h2>
          <p>{t('home.staffBody')}</p>
          <p className="actions">
            <Link className="btn btn-secondary" to={session ? homeFor(session.user.role) : '/ingresar'}>
              {session ? t('home.staffGo') : t('layout.signIn')}
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}
