import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatNumber, formatPercent, formatSek } from '../../lib/format.ts';
import { AdoptionSection } from './AdoptionSection.tsx';
import { KeyFigures } from './ChartFigure.tsx';
import { DashboardIntro, DashboardPicker } from './DashboardIntro.tsx';
import { listSearch, useScopeDashboard } from './data.ts';
import { InitiativesSection } from './InitiativesSection.tsx';
import { LearningSection } from './LearningSection.tsx';
import { MaturitySection } from './MaturitySection.tsx';
import { MoneySection } from './MoneySection.tsx';

/**
 * The dashboard of a region (`/lagesbild/20`), an association (`/lagesbild/<id>`) or the country
 * (`/lagesbild/SE`): key figures first, then one section per figure family, each picture with its table
 * and a link to the list behind it.
 */
export function ScopeDashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { scope = 'SE' } = useParams();
  const dashboard = useScopeDashboard(scope, lang);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <QueryFailure error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const search = listSearch(d.scope);
  const num = (n: number) => formatNumber(n, lang);
  const a = d.adoption;
  return (
    <Page title={t('dashboards.scopeTitle', { name: d.scope.name })}>
      <DashboardIntro />
      <div className="dashboard-top">
        <DashboardPicker
          key={scope}
          current={`/lagesbild/${scope}`}
          county={d.scope.kind === 'region' ? d.scope.code : undefined}
        />
        {d.scope.kind !== 'nation' ? (
          <Link className="ds-link" to="/rapporter/styrgrupp">
            {t('dashboards.steeringReport')}
          </Link>
        ) : null}
      </div>
      <KeyFigures
        label={t('dashboards.keyFigures')}
        items={[
          {
            key: 'in-operation',
            value: num(a.inOperation),
            label: t('dashboards.key.inOperation', { count: a.inOperation }),
            to: `/valfardsteknik${search}`,
          },
          {
            key: 'use',
            value: a.eligibleUsers ? formatPercent(a.usersServed / a.eligibleUsers, lang) : '–',
            label: t('dashboards.key.useRate', {
              served: num(a.usersServed),
              eligible: num(a.eligibleUsers),
            }),
            to: `/valfardsteknik/karta${search}${search ? '&' : '?'}visa=useRate`,
          },
          {
            key: 'participants',
            value: num(d.learning.enrolled),
            label: t('dashboards.key.participants', { completed: num(d.learning.completed) }),
            to: '/program',
          },
          {
            key: 'initiatives',
            value: num(d.initiatives.total),
            label: t('dashboards.key.initiatives', { count: d.initiatives.total }),
            to: '/insatser',
          },
          {
            key: 'granted',
            value: formatSek(d.funding.total.grantedSek, lang),
            label: t('dashboards.key.granted'),
            to: `/insatser/oversikt${search}`,
          },
          {
            key: 'avoided',
            value: formatSek(d.benefits.avoidedCostSekPerYear, lang),
            label: t('dashboards.key.avoided'),
            to: `/insatser/oversikt${search}`,
          },
          {
            key: 'hours',
            value: num(d.benefits.timeSavedHoursPerYear),
            label: t('dashboards.key.hours'),
            to: `/insatser/oversikt${search}`,
          },
        ]}
      />
      <AdoptionSection adoption={a} search={search} />
      <MaturitySection maturity={d.maturity} />
      <LearningSection learning={d.learning} />
      <InitiativesSection initiatives={d.initiatives} />
      <MoneySection funding={d.funding} benefits={d.benefits} search={search} />
      <p className="ds-paragraph dashboard-note">{t('dashboards.freshness')}</p>
    </Page>
  );
}
