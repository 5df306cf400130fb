import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../lib/session.ts';
import { dashboardChoicesFor } from './data.ts';

/**
 * `/lagesbild` opens the person's natural dashboard: the country for a national administrator, the
 * region (or association) for a regional coordinator, the municipality's page for a municipal
 * coordinator. The others are offered by the picker on that page.
 */
export function DashboardHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const first = me.data ? dashboardChoicesFor(me.data, t('dashboards.country'))[0] : undefined;
  if (first) return <Navigate to={first.to} replace />;
  return (
    <Page title={t('dashboards.nav')}>
      <p className="ds-paragraph">{t('dashboards.noAccess')}</p>
    </Page>
  );
}
