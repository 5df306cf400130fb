import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { ComparisonSection } from './ComparisonSection.tsx';
import { DashboardIntro, DashboardPicker } from './DashboardIntro.tsx';
import { initiativesLink, useMunicipalityDashboard } from './data.ts';
import { InitiativesSection } from './InitiativesSection.tsx';
import { LearningSection } from './LearningSection.tsx';
import { MunicipalityMaturity } from './MunicipalityMaturity.tsx';
import { PeersForm } from './PeersForm.tsx';
import { TrendFigure } from './TrendFigure.tsx';

/**
 * A municipality's own dashboard (`/lagesbild/kommuner/2080`): its figures beside its region, the model
 * municipalities, the peers chosen in the address (`?peers=2081,2085`) and the country; then its
 * technologies, learning, initiatives and maturity.
 */
export function MunicipalityDashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const peers =
    params
      .get('peers')
      ?.split(',')
      .filter((c) => /^\d{4}$/.test(c)) ?? [];
  const dashboard = useMunicipalityDashboard(code, peers, lang);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <QueryFailure error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const m = d.municipality;
  const num = (n: number) => formatNumber(n, lang);
  const setPeers = (next: string[]) => {
    const p = new URLSearchParams(params);
    if (next.length) p.set('peers', next.join(','));
    else p.delete('peers');
    setParams(p);
  };
  const techPage = `/kommuner/${m.code}/valfardsteknik`;
  const inOperation = d.technologies.filter((x) => x.status === 'in_operation').length;
  return (
    <Page title={t('dashboards.municipalityTitle', { name: m.name })}>
      <DashboardIntro />
      <div className="dashboard-top">
        <DashboardPicker key={code} current={`/lagesbild/kommuner/${code}`} county={m.countyCode} />
      </div>
      <PeersForm code={m.code} peers={d.peers} onChange={setPeers} />
      <ComparisonSection
        columns={d.comparison}
        links={{
          technologiesInOperation: techPage,
          useRate: techPage,
          programmeParticipants: '/program',
          completionRate: '/program',
          initiatives: initiativesLink({ municipality: m.code }),
        }}
      />
      <Section id="dashboard-technologies" title={t('dashboards.adoption.title')}>
        <p className="ds-paragraph">
          {t('dashboards.adoption.municipalitySummary', {
            name: m.name,
            n: inOperation,
            total: d.technologies.length,
          })}
        </p>
        <div className="dashboard-stack">
          <ChartFigure
            title={t('dashboards.adoption.ownTechnologies', { name: m.name })}
            chart={null}
            table={{
              caption: t('dashboards.adoption.ownCaption', { name: m.name, region: m.countyName }),
              head: [
                { label: t('dashboards.adoption.technology') },
                { label: t('dashboards.adoption.status') },
                { label: t('dashboards.adoption.useRate'), numeric: true },
                { label: t('dashboards.adoption.regionShare'), numeric: true },
              ],
              rows: d.technologies.map((x) => ({
                key: x.key,
                cells: [
                  x.name,
                  x.status ? t(`mapping.status.${x.status}`) : t('dashboards.adoption.noRecord'),
                  x.usersServed !== null && x.eligibleUsers
                    ? `${formatPercent(x.usersServed / x.eligibleUsers, lang)} (${num(x.usersServed)} / ${num(x.eligibleUsers)})`
                    : '–',
                  formatPercent(x.regionShareInOperation, lang),
                ],
              })),
            }}
            link={{ to: techPage, label: t('dashboards.adoption.toMunicipality', { name: m.name }) }}
          />
          <TrendFigure
            title={t('dashboards.adoption.trend')}
            periodLabel={t('dashboards.quarter')}
            valueLabel={t('dashboards.adoption.inOperationCount')}
            points={d.adoptionTrend.map((p) => ({ key: p.quarter, label: p.quarter, value: p.inOperation }))}
            note={t('dashboards.adoption.trendNote')}
          />
        </div>
      </Section>
      <LearningSection learning={d.learning} />
      <InitiativesSection initiatives={d.initiatives} municipality={m.code} />
      <MunicipalityMaturity maturity={d.maturity} name={m.name} code={m.code} />
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/kommuner/${m.code}`}>
          {t('dashboards.toMunicipality', { name: m.name })}
        </Link>
      </p>
      <p className="ds-paragraph dashboard-note">{t('dashboards.freshness')}</p>
    </Page>
  );
}
