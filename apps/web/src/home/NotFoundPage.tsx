import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';
import { Link } from '../shared/router';

export function NotFoundPage() {
  const { t } = useT();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundBody')}</p>
      <p>
        <Link to="/">{t('common.goHome')}</Link>
      </p>
    </>
  );
}
