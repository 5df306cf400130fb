import { useTranslation } from 'react-i18next';
import type { AdoptionFigures } from '../../../shared/contracts/dashboards.ts';
import { Section } from '../../components/Page.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { TrendFigure } from './TrendFigure.tsx';

/**
 * Technologies in operation in an area and how much they are used: per technology how many
 * municipalities run it (bars), users served of those eligible (table), and the number in operation
 * per quarter. `search` carries the area to the matrix and the map (`?lan=` / `?forbund=`).
 */
export function AdoptionSection({ adoption, search }: { adoption: AdoptionFigures; search: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (n: number) => formatNumber(n, lang);
  const rate = (served: number, eligible: number) =>
    eligible > 0 ? formatPercent(served / eligible, lang) : '–';
  const techs = [...adoption.byTechnology].sort((a, b) => b.inOperation - a.inOperation);
  const of = (n: number) =>
    t('dashboards.adoption.ofMunicipalities', { n: num(n), total: num(adoption.municipalities) });
  const top = techs[0];
  return (
    <Section id="dashboard-adoption" title={t('dashboards.adoption.title')}>
      <p className="ds-paragraph">
        {t('dashboards.adoption.summary', {
          reporting: num(adoption.reporting),
          total: num(adoption.municipalities),
          inOperation: num(adoption.inOperation),
        })}
      </p>
      <div className="dashboard-stack">
        <ChartFigure
          title={t('dashboards.adoption.byTechnology')}
          chart={
            <BarChart
              label={`${t('dashboards.adoption.byTechnology')}. ${
                top
                  ? t('dashboards.adoption.chartSummary', { name: top.name, text: of(top.inOperation) })
                  : ''
              }`}
              max={adoption.municipalities}
              bars={techs.map((x) => ({
                key: x.key,
                label: x.name,
                value: x.inOperation,
                text: of(x.inOperation),
              }))}
            />
          }
          table={{
            caption: t('dashboards.adoption.tableCaption'),
            head: [
              { label: t('dashboards.adoption.technology') },
              { label: t('dashboards.adoption.inOperation'), numeric: true },
              { label: t('dashboards.adoption.piloting'), numeric: true },
              { label: t('dashboards.adoption.planned'), numeric: true },
              { label: t('dashboards.adoption.usersServed'), numeric: true },
              { label: t('dashboards.adoption.eligibleUsers'), numeric: true },
              { label: t('dashboards.adoption.useRate'), numeric: true },
            ],
            rows: techs.map((x) => ({
              key: x.key,
              cells: [
                x.name,
                num(x.inOperation),
                num(x.piloting),
                num(x.planned),
                num(x.usersServed),
                num(x.eligibleUsers),
                rate(x.usersServed, x.eligibleUsers),
              ],
            })),
          }}
          link={{ to: `/valfardsteknik${search}`, label: t('dashboards.adoption.toMatrix') }}
          note={t('dashboards.adoption.useNote')}
        />
        <TrendFigure
          title={t('dashboards.adoption.trend')}
          periodLabel={t('dashboards.quarter')}
          valueLabel={t('dashboards.adoption.inOperationPairs')}
          points={adoption.trend.map((p) => ({ key: p.quarter, label: p.quarter, value: p.inOperation }))}
          link={{
            to: `/valfardsteknik/karta${search}${search ? '&' : '?'}visa=inOperation`,
            label: t('dashboards.adoption.toMap'),
          }}
          note={t('dashboards.adoption.trendNote')}
        />
      </div>
    </Section>
  );
}
