import { useTranslation } from 'react-i18next';
import type { BenefitFigures, FundingFigures } from '../../../shared/contracts/dashboards.ts';
import { Section } from '../../components/Page.tsx';
import { formatNumber, formatSek } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { TrendFigure } from './TrendFigure.tsx';

/**
 * Funding by source (granted, with applied and used in the table) and benefits achieved — avoided
 * costs and time saved per year, and how they grew year by year. Both lead to the initiatives' totals
 * for the same area (`search`).
 */
export function MoneySection({
  funding,
  benefits,
  search,
}: {
  funding: FundingFigures;
  benefits: BenefitFigures;
  search: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sek = (n: number) => formatSek(n, lang);
  const num = (n: number) => formatNumber(n, lang);
  const totals = { to: `/insatser/oversikt${search}`, label: t('dashboards.money.toTotals') };
  return (
    <Section id="dashboard-money" title={t('dashboards.money.title')}>
      <div className="dashboard-grid">
        <ChartFigure
          title={t('dashboards.money.bySource')}
          chart={
            <BarChart
              label={`${t('dashboards.money.bySource')}. ${funding.bySource
                .map((s) => `${t(`initiatives.fundingSource.${s.source}`)} ${sek(s.grantedSek)}`)
                .join(', ')}`}
              bars={funding.bySource.map((s) => ({
                key: s.source,
                label: t(`initiatives.fundingSource.${s.source}`),
                value: s.grantedSek,
                text: sek(s.grantedSek),
              }))}
            />
          }
          table={{
            caption: t('dashboards.money.tableCaption'),
            head: [
              { label: t('dashboards.money.source') },
              { label: t('dashboards.money.applied'), numeric: true },
              { label: t('dashboards.money.granted'), numeric: true },
              { label: t('dashboards.money.used'), numeric: true },
            ],
            rows: [
              ...funding.bySource.map((s) => ({
                key: s.source,
                cells: [
                  t(`initiatives.fundingSource.${s.source}`),
                  sek(s.appliedSek),
                  sek(s.grantedSek),
                  sek(s.usedSek),
                ],
              })),
              {
                key: 'total',
                cells: [
                  t('dashboards.money.total'),
                  sek(funding.total.appliedSek),
                  sek(funding.total.grantedSek),
                  sek(funding.total.usedSek),
                ],
              },
            ],
          }}
          link={totals}
          note={t('dashboards.money.grantedNote')}
        />
        <div>
          <p className="ds-paragraph">
            {t('dashboards.money.benefitsSummary', {
              avoided: sek(benefits.avoidedCostSekPerYear),
              hours: num(benefits.timeSavedHoursPerYear),
              measured: benefits.measured,
              indicators: benefits.indicators,
            })}
          </p>
          <TrendFigure
            title={t('dashboards.money.avoidedPerYear')}
            periodLabel={t('dashboards.year')}
            valueLabel={t('dashboards.money.avoided')}
            format={sek}
            points={benefits.byYear.map((y) => ({
              key: String(y.year),
              label: String(y.year),
              value: y.avoidedCostSekPerYear,
            }))}
            link={totals}
          />
          <TrendFigure
            title={t('dashboards.money.hoursPerYear')}
            periodLabel={t('dashboards.year')}
            valueLabel={t('dashboards.money.hours')}
            points={benefits.byYear.map((y) => ({
              key: String(y.year),
              label: String(y.year),
              value: y.timeSavedHoursPerYear,
            }))}
          />
          <p className="ds-paragraph dashboard-note">{t('dashboards.money.benefitsNote')}</p>
        </div>
      </div>
    </Section>
  );
}
