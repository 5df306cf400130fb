import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';

/** 404, also used when the user may not see a page (the UI does not reveal what exists). */
export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p className="ds-paragraph">{forbidden ? t('notFound.forbidden') : t('notFound.text')}</p>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
